package dev.foyer.portal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUserId;
import dev.foyer.mail.MailDelivery;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.MutableClock;
import dev.foyer.test.PortalMailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LIF-1, LIF-2 (issue 6 item 3): the invitation core, against a real SMTP server (GreenMail). */
@FoyerFullStackTest
class InvitationsTest extends PortalMailbox {

    @Autowired
    Invitations invitations;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    MailDelivery delivery;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvitationJobs jobs;
    @Autowired
    InvitationJobWorker worker;

    StaffPrincipal admin;

    @BeforeEach
    void setUp() {
        admin = Admins.testAdmin(jdbc);
    }

    @Test
    void theInvitationArrivesAsHtmlAndTextWithAWorkingSingleUseLinkAndMakesTheUserPending() throws Exception {
        String email = "invitee-" + UUID.randomUUID() + "@customer.example";
        PortalUser user = awaitingUser(email);

        InvitationSent sent = invitations.send(admin, user.id());
        assertThat(sent.email()).isEqualTo(email);
        assertThat(sent.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(status(user.id())).isEqualTo(PortalUserStatus.PENDING);
        assertThat(jdbc.sql("select idempotency_key from mail_outbox where recipient_address = :a").param("a", email)
                .query(String.class).single()).isEqualTo("invitation:" + sent.id());

        delivery.runOnce();
        List<MimeMessage> received = messagesTo(email);
        assertThat(received).hasSize(1);
        MimeMessage message = received.getFirst();
        assertThat(message.getSubject()).isEqualTo("Your invitation to Customer portal");
        String raw = raw(message);
        assertThat(raw).contains("text/plain").contains("text/html");
        String link = portalLink(message);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(URI.create(link).getPath()).isEqualTo("/p/customer-portal/invitation/" + token);

        // Only the hash is stored, never the token.
        assertThat(jdbc.sql("select count(*) from portal_invitation where encode(token_hash, 'escape') like :t")
                .param("t", "%" + token + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select token_hash from portal_invitation where id = :id").param("id", sent.id().value())
                .query(byte[].class).single()).isEqualTo(Invitations.hash(token));

        // Looking at it twice (GET) does not use it up.
        assertThat(invitations.peek("customer-portal", token).email()).isEqualTo(email);
        assertThat(invitations.peek("customer-portal", token).portalUser()).isEqualTo(user.id());

        invitations.accept("customer-portal", token);
        assertThat(status(user.id())).isEqualTo(PortalUserStatus.ACTIVE);
        assertRefused("customer-portal", token, InvitationRefusal.USED);
        assertThatThrownBy(() -> invitations.accept("customer-portal", token))
                .isInstanceOfSatisfying(InvitationException.class, e -> assertThat(e.refusal()).isEqualTo(InvitationRefusal.USED));
    }

    @Test
    void aLinkIsValidForSevenDaysAndNotOneSecondMore() {
        PortalUser user = awaitingUser("late-" + UUID.randomUUID() + "@customer.example");
        invitations.send(admin, user.id());
        String token = tokenOf(user);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(invitations.peek("customer-portal", token).portalUser()).isEqualTo(user.id());
        clock.advance(Duration.ofSeconds(2));
        assertRefused("customer-portal", token, InvitationRefusal.EXPIRED);
        assertThatThrownBy(() -> invitations.accept("customer-portal", token)).isInstanceOf(InvitationException.class);
        assertThat(status(user.id())).isEqualTo(PortalUserStatus.PENDING);
    }

    @Test
    void aReInvitationVoidsTheOlderLink() {
        PortalUser user = awaitingUser("again-" + UUID.randomUUID() + "@customer.example");
        invitations.send(admin, user.id());
        String first = tokenOf(user);
        InvitationSent second = invitations.send(admin, user.id());
        assertThat(second.voided()).isEqualTo(1);
        String newer = tokenOf(user);
        assertThat(newer).isNotEqualTo(first);

        assertRefused("customer-portal", first, InvitationRefusal.VOIDED);
        assertThat(invitations.peek("customer-portal", newer).id()).isEqualTo(second.id());
        assertThat(messagesTo(user.id()).size()).isEqualTo(2);
    }

    @Test
    void aLinkOpensOnlyInItsOwnPortalAndGarbageIsUnknown() {
        PortalUser user = awaitingUser("slug-" + UUID.randomUUID() + "@customer.example");
        invitations.send(admin, user.id());
        String token = tokenOf(user);
        assertRefused("another-portal", token, InvitationRefusal.UNKNOWN);
        assertRefused("customer-portal", "not-a-token", InvitationRefusal.UNKNOWN);
        assertRefused("customer-portal", token.substring(1) + "A", InvitationRefusal.UNKNOWN);
    }

    @Test
    void membersMayNotInviteAndActiveUsersOrContactsWithoutAddressAreRefused() {
        PortalUser user = awaitingUser("member-" + UUID.randomUUID() + "@customer.example");
        StaffPrincipal member = new StaffPrincipal(new StaffUserId(UUID.randomUUID()), "m@foyer.test", "Mo Member",
                StaffRole.MEMBER, null);
        assertThatThrownBy(() -> invitations.send(member, user.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(status(user.id())).isEqualTo(PortalUserStatus.AWAITING);

        StaffPrincipal manager = new StaffPrincipal(new StaffUserId(UUID.randomUUID()), "g@foyer.test", "Mia Manager",
                StaffRole.MANAGER, null);
        assertThat(invitations.send(manager, user.id()).portalUser()).isEqualTo(user.id());

        Company company = aCompany().createdBy(companies, admin);
        PortalUser active = aPortalUser().of(aContact().at(company.id()).withEmail("a-" + UUID.randomUUID() + "@customer.example")
                .createdBy(contacts, admin).id()).createdBy(portalUsers, jdbc, admin);
        assertThatThrownBy(() -> invitations.send(admin, active.id()))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.messageKey()).isEqualTo("invitation.error.status"));

        PortalUser noAddress = aPortalUser().of(aContact().at(company.id()).createdBy(contacts, admin).id())
                .withStatus(PortalUserStatus.AWAITING).createdBy(portalUsers, jdbc, admin);
        assertThatThrownBy(() -> invitations.send(admin, noAddress.id()))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.messageKey()).isEqualTo("invitation.error.noEmail"));
        assertThat(status(noAddress.id())).isEqualTo(PortalUserStatus.AWAITING);
    }

    @Test
    void aBulkInvitationSpeaksEachContactsLanguage() {
        // Issue 6 item 3 (LIF-3): bulk invitations go through send, so each contact gets their language.
        Company company = aCompany().createdBy(companies, admin);
        String german = "bulk-de-" + UUID.randomUUID() + "@customer.example";
        String plain = "bulk-none-" + UUID.randomUUID() + "@customer.example";
        var gert = aContact().speaking("de").at(company.id()).withEmail(german).createdBy(contacts, admin);
        var pat = aContact().at(company.id()).withEmail(plain).createdBy(contacts, admin);
        PortalId primary = new PortalId(jdbc.sql("select id from portal where slug = 'customer-portal'")
                .query(UUID.class).single());
        jobs.start(admin, dev.foyer.test.PortalBuilders.userType(jdbc, primary, PortalDefaults.LIMITED_ACCESS),
                List.of(gert.id(), pat.id()));
        worker.run(10);

        assertThat(subjectTo(german)).isEqualTo("Ihre Einladung zu Customer portal");
        assertThat(subjectTo(plain)).isEqualTo("Your invitation to Customer portal");
    }

    private String subjectTo(String email) {
        return jdbc.sql("select subject from mail_outbox where recipient_address = :a and purpose = :p")
                .param("a", email).param("p", Invitations.MAIL_PURPOSE).query(String.class).single();
    }

    private PortalUser awaitingUser(String email) {
        Company company = aCompany().createdBy(companies, admin);
        return aPortalUser().of(aContact().named("Ivy", "Invitee").at(company.id()).withEmail(email)
                .createdBy(contacts, admin).id()).withStatus(PortalUserStatus.AWAITING).createdBy(portalUsers, jdbc, admin);
    }

    /** The token of the user's newest invitation, read from the e-mail that carried it. */
    private String tokenOf(PortalUser user) {
        delivery.runOnce();
        List<MimeMessage> received = messagesTo(user.id());
        String link = portalLink(received.getLast());
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private List<MimeMessage> messagesTo(PortalUserId user) {
        String email = jdbc.sql("select c.email from portal_user u join contact c on c.id = u.contact_id where u.id = :id")
                .param("id", user.value()).query(String.class).single();
        return messagesTo(email);
    }

    private void assertRefused(String slug, String token, InvitationRefusal refusal) {
        assertThatThrownBy(() -> invitations.peek(slug, token))
                .isInstanceOfSatisfying(InvitationException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    private PortalUserStatus status(PortalUserId id) {
        return PortalUserStatus.valueOf(jdbc.sql("select status from portal_user where id = :id")
                .param("id", id.value()).query(String.class).single());
    }
}
