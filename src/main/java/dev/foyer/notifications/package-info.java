/**
 * Portal notifications (EXP-7, issue 7 item 7): the fan-out of the record activity log
 * ({@link dev.foyer.portal.RecordActivities}) into one notification per portal user who sees the
 * record, the bell and the list in the portal, the e-mail choice per user (off, immediately, daily
 * digest) and the mails themselves through the outbox. Every notification is read through
 * {@link dev.foyer.portal.PortalReads} whenever it is listed, counted or mailed (ACC-9, ACC-10); this
 * module never reads projects, tickets, finance or files (ArchitectureTests).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal notifications",
        allowedDependencies = {"portal", "mail", "accounts", "site", "organization", "identity", "shared"})
package dev.foyer.notifications;
