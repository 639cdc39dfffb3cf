/**
 * E-mail (issue 6): every message goes through a durable outbox ({@link dev.foyer.mail.Outbox#enqueue})
 * written in the caller's transaction, and a delivery worker ({@link dev.foyer.mail.MailDelivery})
 * that claims due entries with {@code SKIP LOCKED}, sends them over SMTP with a stable Message-ID,
 * and retries with backoff (ADR 006). {@link dev.foyer.mail.MailTemplates} renders Thymeleaf
 * template pairs under templates/mail. Admins read the outbox under Settings → Outbox, which is
 * how a trial without a mail server still gets its links.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"identity", "organization", "shared"})
package dev.foyer.mail;
