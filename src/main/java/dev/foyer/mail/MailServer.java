package dev.foyer.mail;

/** What admins see about the configured SMTP server (never its credentials). */
public record MailServer(boolean configured, String host, int port, String from) {
}
