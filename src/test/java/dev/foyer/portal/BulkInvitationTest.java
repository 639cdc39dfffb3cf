package dev.foyer.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.userType;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6 acceptance (LIF-3): a bulk invitation of 500 contacts planted with every failure reason
 * reports exactly the planted reasons, the outbox holds an invitation for exactly the successes,
 * and a restart in the middle — a worker stopped after K items, a crash between sending and
 * marking an item done, fresh worker instances taking over — sends nothing twice (ADR 009).
 */
@FoyerWebTest
class BulkInvitationTest {

    private static final int PER_REASON = 15;
    private static final int SUCCESSES = 350;

    @Autowired
    Portals portals;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    InvitationJobs jobs;
    @Autowired
    InvitationJobWorker worker;
    @Autowired
    InvitationRules rules;
    @Autowired
    Invitations invitations;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveHundredContactsGetAnInvitationOrExactlyTheirPlantedReasonAndARestartSendsNothingTwice() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffUser built = aStaffUser().withRole(StaffRole.MANAGER).createdBy(staffAccounts, admin);
        StaffPrincipal manager = new StaffPrincipal(built.id(), built.email(), built.displayName(), StaffRole.MANAGER,
                null);
        String tag = Long.toString(System.nanoTime(), 36);
        String domain = "bulk-" + tag + ".example";
        int seatLimit = PER_REASON + SUCCESSES;
        Portal portal = portals.create(admin, new PortalDetails("Bulk " + tag, null, Audience.CUSTOMERS, true,
                seatLimit));
        UserTypeId type = userType(jdbc, portal.id(), "Limited access");
        Company company = aCompany().createdBy(companies, admin);
        var policy = rules.policy();
        rules.setRequireConsent(admin, policy.version(), true);
        try {
            Map<UUID, InvitationFailure> planted = new HashMap<>();
            List<ContactId> mixed = new ArrayList<>();
            List<String> successAddresses = new ArrayList<>();
            int n = 0;
            for (InvitationFailure reason : List.of(InvitationFailure.CONTACT_DELETED, InvitationFailure.LOCKED,
                    InvitationFailure.NO_EMAIL, InvitationFailure.UNSUPPORTED_CHARACTERS,
                    InvitationFailure.INTERNAL_DOMAIN, InvitationFailure.BLOCKED_DOMAIN, InvitationFailure.NO_CONSENT,
                    InvitationFailure.ALREADY_PORTAL_USER)) {
                for (int i = 0; i < PER_REASON; i++, n++) {
                    Contact c = planted(reason, n, domain, company, admin, portal, type);
                    planted.put(c.id().value(), reason);
                    mixed.add(c.id());
                }
            }
            for (int i = 0; i < SUCCESSES; i++, n++) {
                String address = "ok" + n + "@" + domain;
                mixed.add(aContact().at(company.id()).withEmail(address).createdBy(contacts, admin).id());
                successAddresses.add(address);
            }
            Collections.shuffle(mixed, new Random(6));
            // After every success: the seats are gone. Last: the sender loses the right to invite.
            List<ContactId> order = new ArrayList<>(mixed);
            for (int i = 0; i < PER_REASON; i++, n++) {
                Contact c = aContact().at(company.id()).withEmail("seat" + n + "@" + domain).createdBy(contacts, admin);
                planted.put(c.id().value(), InvitationFailure.SEAT_LIMIT);
                order.add(c.id());
            }
            for (int i = 0; i < PER_REASON; i++, n++) {
                Contact c = aContact().at(company.id()).withEmail("perm" + n + "@" + domain).createdBy(contacts, admin);
                planted.put(c.id().value(), InvitationFailure.NO_PERMISSION);
                order.add(c.id());
            }
            assertThat(order).hasSize(500);

            UUID job = jobs.start(manager, type, order);
            for (int i = 0; i < PER_REASON; i++) {
                // Deleted after the list was chosen, while the job waits.
                ContactId id = mixed.stream().filter(c -> planted.get(c.value()) == InvitationFailure.CONTACT_DELETED)
                        .skip(i).findFirst().orElseThrow();
                contacts.moveToRecycleBin(admin, id, contacts.find(admin, id).orElseThrow().version());
            }

            int k = 120;
            assertThat(worker.run(k)).as("the first worker stops after K items").isEqualTo(k);
            long mailsBefore = invitationMails(domain);
            InvitationJobWorker crashing = new InvitationJobWorker(portalUsers, invitations, rules, jdbc,
                    transactionManager, clock);
            crashing.afterSend = () -> {
                throw new SimulatedCrash();
            };
            assertThatThrownBy(() -> crashing.run(1000)).isInstanceOf(SimulatedCrash.class);
            assertThat(invitationMails(domain)).as("a crash between send and mark leaves no e-mail behind")
                    .isEqualTo(mailsBefore);
            long handled = jdbc.sql("select count(*) from invitation_job_item where job_id = :job and status <> 'WAITING'")
                    .param("job", job).query(Long.class).single();

            InvitationJobWorker fresh = new InvitationJobWorker(portalUsers, invitations, rules, jdbc,
                    transactionManager, clock);
            assertThat(fresh.run((int) (500 - PER_REASON - handled))).isEqualTo(500 - PER_REASON - handled);
            assertThat(jobs.find(manager, job).orElseThrow().finished()).isFalse();
            staffAccounts.update(admin, built.id(), staffAccounts.find(admin, built.id()).orElseThrow().version(),
                    built.email(), built.displayName(), StaffRole.MEMBER);
            InvitationJobWorker last = new InvitationJobWorker(portalUsers, invitations, rules, jdbc,
                    transactionManager, clock);
            assertThat(last.run(1000)).isEqualTo(PER_REASON);
            assertThat(worker.run(10)).as("nothing is left for anyone").isZero();

            InvitationJob result = jobs.find(admin, job).orElseThrow();
            assertThat(result.finished()).isTrue();
            assertThat(result.sent()).isEqualTo(SUCCESSES);
            assertThat(result.failed()).isEqualTo(150);

            Map<UUID, InvitationFailure> reported = new HashMap<>();
            for (int page = 0; page < 3; page++) {
                jobs.failures(admin, job, PageRequest.of(page, 50))
                        .forEach(f -> reported.put(f.contactId(), f.reason()));
            }
            assertThat(reported).as("the reported reasons are exactly the planted ones").isEqualTo(planted);

            List<String> mailed = jdbc.sql("""
                            select recipient_address from mail_outbox
                            where purpose = 'invitation' and recipient_address like :domain order by 1""")
                    .param("domain", "%@" + domain).query(String.class).list();
            assertThat(mailed).as("one invitation per success, nothing twice")
                    .containsExactlyInAnyOrderElementsOf(successAddresses);
            assertThat(portals.seatsInUse(portal.id())).isEqualTo(seatLimit);
        } finally {
            rules.setRequireConsent(admin, rules.policy().version(), policy.requireConsent());
        }
    }

    private Contact planted(InvitationFailure reason, int n, String domain, Company company, StaffPrincipal admin,
                            Portal portal, UserTypeId type) {
        var contact = aContact().at(company.id());
        return switch (reason) {
            case CONTACT_DELETED -> contact.withEmail("gone" + n + "@" + domain).createdBy(contacts, admin);
            case LOCKED -> contact.withEmail("locked" + n + "@" + domain).locked().createdBy(contacts, admin);
            case NO_EMAIL -> contact.createdBy(contacts, admin);
            case UNSUPPORTED_CHARACTERS -> contact.withEmail((n % 2 == 0 ? "zo\u00eb" : "a!b") + n + "@" + domain)
                    .createdBy(contacts, admin);
            case INTERNAL_DOMAIN -> contact.withEmail("staff" + n + (n % 2 == 0 ? "@foyer.test" : "@sales.foyer.test"))
                    .createdBy(contacts, admin);
            case BLOCKED_DOMAIN -> contact.withEmail("throwaway" + n + (n % 2 == 0 ? "@mailinator.com" : "@eu.yopmail.com"))
                    .createdBy(contacts, admin);
            case NO_CONSENT -> contact.withEmail("noconsent" + n + "@" + domain).withoutConsent()
                    .createdBy(contacts, admin);
            case ALREADY_PORTAL_USER -> {
                Contact c = contact.withEmail("user" + n + "@" + domain).createdBy(contacts, admin);
                aPortalUser().of(c.id()).in(portal.id(), type).withStatus(PortalUserStatus.ACTIVE)
                        .createdBy(portalUsers, jdbc, admin);
                yield c;
            }
            default -> throw new IllegalArgumentException(reason.name());
        };
    }

    private long invitationMails(String domain) {
        return jdbc.sql("select count(*) from mail_outbox where purpose = 'invitation' and recipient_address like :d")
                .param("d", "%@" + domain).query(Long.class).single();
    }

    /** Stands for the process dying: an Error, which the worker does not catch. */
    static final class SimulatedCrash extends Error {
    }
}
