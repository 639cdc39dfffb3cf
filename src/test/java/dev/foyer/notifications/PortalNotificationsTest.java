package dev.foyer.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.ActivityActor;
import dev.foyer.portal.ActivityKind;
import dev.foyer.portal.NotificationView;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalNotification;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.RecordActivities;
import dev.foyer.portal.RecordActivity;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.CommentDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectComment;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.UpdateDetails;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerDataTest;
import dev.foyer.test.NotificationScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.foyer.test.FinanceBuilders.anInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EXP-7 with ACC-10: notifications reach exactly the portal users who see the record, are
 * re-checked whenever listed, counted or mailed, and e-mails (immediate and daily) say only what the
 * user may see, in the user's language.
 */
@FoyerDataTest
class PortalNotificationsTest {

    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired PortalMemberships memberships;
    @Autowired Projects projects;
    @Autowired ProjectItems items;
    @Autowired Tickets tickets;
    @Autowired TicketComments ticketComments;
    @Autowired FinanceDocuments finance;
    @Autowired FileTypes fileTypes;
    @Autowired StoredFiles files;
    @Autowired UserTypes userTypes;
    @Autowired NotificationWorker worker;
    @Autowired NotificationDigests digests;
    @Autowired Notifications notifications;
    @Autowired NotificationSettings settings;
    @Autowired PortalReads reads;
    @Autowired RecordActivities activities;
    @Autowired TransactionTemplate transactions;

    StaffPrincipal admin;
    NotificationScene scene;

    @BeforeEach
    void setUp() {
        admin = Admins.testAdmin(jdbc);
        scene = NotificationScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items,
                tickets, ticketComments, finance, fileTypes, files, userTypes);
        drain();
    }

    @Test
    void aSharedStaffCommentNotifiesTheProjectsMembersWhoSeeItAndNobodyElse() {
        ProjectComment comment = items.comment(admin, scene.site.project.id(), null, null,
                new CommentDetails("Please review the new header " + scene.site.tag, true));
        drain();

        assertThat(notified(comment.uuid())).containsExactlyInAnyOrder(scene.site.full.id().value(),
                scene.site.limited.id().value());
        // Not the non-member of the same company, not the member whose type lacks NOTIFICATIONS,
        // not the other company's user: the list above is exact.
    }

    @Test
    void anInternalCommentNotifiesNobody() {
        ProjectComment comment = items.comment(admin, scene.site.project.id(), null, null,
                new CommentDetails("Internal only " + scene.site.tag, false));
        drain();

        assertThat(notified(comment.uuid())).isEmpty();
    }

    @Test
    void aSentInvoiceNotifiesTheCompanysUsersWhoseTypeGrantsInvoicesButNotAnotherCompanys() {
        FinanceDocument draft = anInvoice().of(scene.site.company.id()).withTerms("Net 30").createdBy(finance, admin);
        FinanceDocument sent = finance.changeStatus(admin, draft.id(), draft.version(), DocumentStatus.SENT);
        drain();

        // Full access grants invoices (PRT-2), Limited access does not; the stranger's scope is another company.
        assertThat(notified(sent.id().value())).containsExactlyInAnyOrder(scene.site.full.id().value(),
                scene.nonMember.id().value());
    }

    @Test
    void theActorIsNotNotifiedOfTheirOwnAction() {
        ProjectComment comment = items.comment(admin, scene.site.project.id(), null, null,
                new CommentDetails("Seed " + scene.site.tag, true));
        drain();
        // As if the portal user had written it (the interact helper's portal comments record this way).
        transactions.executeWithoutResult(status -> activities.record(new RecordActivity(
                ActivityActor.portalUser(scene.site.full.id(), "Paula Portal"), ActivityKind.COMMENTED,
                RecordRef.of(RecordKind.PROJECT_COMMENT, comment.uuid()),
                RecordRef.of(RecordKind.PROJECT, scene.site.project.id().value()), "From the portal")));
        drain();

        long activity = latestActivity(comment.uuid());
        assertThat(jdbc.sql("select portal_user_id from portal_notification where activity_id = :a")
                .param("a", activity).query(UUID.class).list()).containsExactly(scene.site.limited.id().value());
    }

    @Test
    void anItemUnsharedBeforeDisplayIsNeitherListedNorCountedNorMarkable() {
        PortalUser full = scene.site.full;
        long before = reads.unreadNotifications(full.id());
        ProjectItem update = items.create(admin, scene.site.project.id(),
                new UpdateDetails("Sprint review " + scene.site.tag, "Notes", true));
        drain();
        assertThat(reads.unreadNotifications(full.id())).isEqualTo(before + 1);
        PortalNotification shown = find(full, update.uuid());

        items.setShared(admin, scene.site.project.id(), ItemKind.UPDATE, update.uuid(), update.currentVersion(), false);

        assertThat(reads.unreadNotifications(full.id())).isEqualTo(before);
        assertThat(reads.notifications(full.id(), NotificationView.ALL, PageRequest.of(0, 200)).getContent())
                .extracting(PortalNotification::id).doesNotContain(shown.id());
        assertThat(reads.notification(full.id(), shown.id())).isEmpty();
        assertThatThrownBy(() -> notifications.markRead(principal(full), shown.id()))
                .isInstanceOf(PortalPageNotFound.class);
        assertThat(jdbc.sql("select read_at is null from portal_notification where id = :id").param("id", shown.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anotherUsersNotificationCannotBeMarkedRead() {
        ProjectComment comment = items.comment(admin, scene.site.project.id(), null, null,
                new CommentDetails("For both " + scene.site.tag, true));
        drain();
        PortalNotification limitedOnes = find(scene.site.limited, comment.uuid());

        assertThatThrownBy(() -> notifications.markRead(principal(scene.site.full), limitedOnes.id()))
                .isInstanceOf(PortalPageNotFound.class);
        assertThat(reads.notification(scene.site.limited.id(), limitedOnes.id()).orElseThrow().read()).isFalse();
    }

    @Test
    void aTypeWithoutNotificationsSeesNoneAndNoCount() {
        assertThat(reads.unreadNotifications(scene.silent.id())).isZero();
        assertThat(notifications.of(scene.silent.id()).shown()).isFalse();
        assertThat(notifications.of(scene.site.full.id()).shown()).isTrue();
    }

    @Test
    void anImmediateMailSaysWhatHappenedWithALinkAndOnlyWhatTheUserMaySee() {
        ProjectComment comment = items.comment(admin, scene.site.project.id(), null, null,
                new CommentDetails("Please review the new header " + scene.site.tag, true));
        drain();

        PortalNotification n = find(scene.site.full, comment.uuid());
        var mail = jdbc.sql("select recipient_address, subject, text_body, html_body from mail_outbox where idempotency_key = :k")
                .param("k", "notification:" + n.id()).query((rs, i) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).single();
        assertThat(mail.get(0)).isEqualTo(scene.site.fullEmail());
        assertThat(mail.get(1)).isEqualTo(admin.displayName() + " commented on " + scene.site.project.name());
        assertThat(mail.get(2)).contains("Please review the new header " + scene.site.tag)
                .contains("/p/customer-portal/projects/" + scene.site.project.id().value())
                .contains("/p/customer-portal/profile/notifications")
                .doesNotContain(NotificationScene.class.getSimpleName()).doesNotContain("SECRET");
        assertThat(mail.get(3)).contains("Please review the new header");
    }

    @Test
    void aGermanUserGetsAGermanMail() {
        ProjectComment comment = items.comment(admin, scene.site.project.id(), null, null,
                new CommentDetails("Bitte pr\u00fcfen " + scene.site.tag, true));
        drain();

        PortalNotification n = find(scene.site.limited, comment.uuid());
        String subject = jdbc.sql("select subject from mail_outbox where idempotency_key = :k")
                .param("k", "notification:" + n.id()).query(String.class).single();
        assertThat(subject).isEqualTo(admin.displayName() + " hat " + scene.site.project.name() + " kommentiert");
        String text = jdbc.sql("select text_body from mail_outbox where idempotency_key = :k")
                .param("k", "notification:" + n.id()).query(String.class).single();
        assertThat(text).contains("Im Portal \u00f6ffnen");
    }

    @Test
    void theDailyDigestLeavesOutWhatWasUnsharedAndMarksEverythingDigested() {
        PortalUser full = scene.site.full;
        settings.save(principal(full), 0, "DAILY");
        notifications.markAllRead(principal(full), Long.MAX_VALUE);
        ProjectItem kept = items.create(admin, scene.site.project.id(),
                new UpdateDetails("Kept update " + scene.site.tag, "x", true));
        ProjectItem unshared = items.create(admin, scene.site.project.id(),
                new UpdateDetails("Withdrawn update " + scene.site.tag, "x", true));
        drain();
        items.setShared(admin, scene.site.project.id(), ItemKind.UPDATE, unshared.uuid(), unshared.currentVersion(), false);

        digests.run(Instant.parse("2026-12-03T12:00:00Z"), 10_000);

        String text = jdbc.sql("select text_body from mail_outbox where idempotency_key = :k")
                .param("k", "notification-digest:" + full.id() + ":2026-12-03").query(String.class).single();
        assertThat(text).contains("Kept update " + scene.site.tag).doesNotContain("Withdrawn");
        // Each line names what was added, and where: "… added an update to <project>".
        assertThat(text).contains("added an update to " + scene.site.project.name()).doesNotContain("something");
        assertThat(jdbc.sql("select count(*) from portal_notification where portal_user_id = :u and digested_at is null"
                        + " and read_at is null").param("u", full.id().value()).query(Long.class).single()).isZero();
        // No immediate mail went to a user who chose the digest.
        assertThat(jdbc.sql("select count(*) from mail_outbox where idempotency_key = :k")
                .param("k", "notification:" + find(full, kept.uuid()).id()).query(Long.class).single()).isZero();
    }

    @Test
    void noDigestWhenNothingTheUserMayStillSeeIsLeft() {
        PortalUser full = scene.site.full;
        settings.save(principal(full), 0, "DAILY");
        notifications.markAllRead(principal(full), Long.MAX_VALUE);
        ProjectItem unshared = items.create(admin, scene.site.project.id(),
                new UpdateDetails("Withdrawn " + scene.site.tag, "x", true));
        drain();
        items.setShared(admin, scene.site.project.id(), ItemKind.UPDATE, unshared.uuid(), unshared.currentVersion(), false);

        digests.run(Instant.parse("2026-12-03T12:00:00Z"), 10_000);

        assertThat(jdbc.sql("select count(*) from mail_outbox where idempotency_key like :k")
                .param("k", "notification-digest:" + full.id() + ":%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from portal_notification where portal_user_id = :u and digested_at is null"
                + " and read_at is null").param("u", full.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void theDigestWaitsForTheUsersMorningAndComesOnceADay() {
        PortalUser full = scene.site.full; // Europe/London
        settings.save(principal(full), 0, "DAILY");
        items.create(admin, scene.site.project.id(), new UpdateDetails("Morning " + scene.site.tag, "x", true));
        drain();

        digests.run(Instant.parse("2026-12-04T05:00:00Z"), 10_000);
        assertThat(digestsOf(full)).isZero();
        digests.run(Instant.parse("2026-12-04T08:00:00Z"), 10_000);
        assertThat(digestsOf(full)).isOne();
        items.create(admin, scene.site.project.id(), new UpdateDetails("Later " + scene.site.tag, "x", true));
        drain();
        digests.run(Instant.parse("2026-12-04T18:00:00Z"), 10_000);
        assertThat(digestsOf(full)).isOne();
        digests.run(Instant.parse("2026-12-05T08:00:00Z"), 10_000);
        assertThat(digestsOf(full)).isEqualTo(2);
    }

    @Test
    void aStaleSettingIsRefusedAndChangesNothing() {
        PortalPrincipal full = principal(scene.site.full);
        NotificationSetting saved = settings.save(full, 0, "OFF");
        settings.save(full, saved.version(), "DAILY");

        assertThatThrownBy(() -> settings.save(full, saved.version(), "IMMEDIATE"))
                .isInstanceOf(NotificationException.class).hasMessage("notifications.settings.stale");
        assertThat(settings.of(full.id()).email()).isEqualTo(NotificationEmail.DAILY);
        assertThatThrownBy(() -> settings.save(full, 2, "LOUD")).hasMessage("notifications.settings.invalid");
    }

    @Test
    void runningTheWorkerAgainChangesNothing() {
        items.comment(admin, scene.site.project.id(), null, null, new CommentDetails("Once " + scene.site.tag, true));
        drain();
        long rows = jdbc.sql("select count(*) from portal_notification where portal_user_id = :u")
                .param("u", scene.site.full.id().value()).query(Long.class).single();
        jdbc.sql("update record_activity set notified_at = null where within_id = :p")
                .param("p", scene.site.project.id().value()).update();
        drain();
        assertThat(jdbc.sql("select count(*) from portal_notification where portal_user_id = :u")
                .param("u", scene.site.full.id().value()).query(Long.class).single()).isEqualTo(rows);
    }

    private void drain() {
        while (worker.run(500) > 0) {
            // until no activity and no notification is left to handle
        }
    }

    private List<UUID> notified(UUID record) {
        return jdbc.sql("""
                        select n.portal_user_id from portal_notification n join record_activity a on a.id = n.activity_id
                        where a.record_id = :r""").param("r", record).query(UUID.class).list();
    }

    private long latestActivity(UUID record) {
        return jdbc.sql("select max(id) from record_activity where record_id = :r").param("r", record)
                .query(Long.class).single();
    }

    private long digestsOf(PortalUser user) {
        return jdbc.sql("select count(*) from mail_outbox where idempotency_key like :k")
                .param("k", "notification-digest:" + user.id() + ":%").query(Long.class).single();
    }

    private PortalNotification find(PortalUser user, UUID record) {
        return reads.notifications(user.id(), NotificationView.ALL, PageRequest.of(0, 200)).getContent().stream()
                .filter(n -> n.record().id().equals(record)).findFirst().orElseThrow();
    }

    private static PortalPrincipal principal(PortalUser user) {
        return new PortalPrincipal(user.id(), user.portalId(), "x@example.com", "P");
    }
}
