package dev.foyer.mail;

/** A message's subject and bodies, as {@link MailTemplates} renders them. {@code html} may be null. */
public record RenderedMail(String subject, String text, String html) {
}
