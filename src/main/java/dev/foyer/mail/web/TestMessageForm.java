package dev.foyer.mail.web;

/** The address an admin sends a test message to. */
record TestMessageForm(String address) {
}
