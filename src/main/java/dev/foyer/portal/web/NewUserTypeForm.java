package dev.foyer.portal.web;

/** The "add a user type" form on a portal's page. */
record NewUserTypeForm(String name) {

    static NewUserTypeForm empty() {
        return new NewUserTypeForm("");
    }
}
