package dev.foyer.identity.web;

record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
