package dev.foyer.portal;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.Contacts;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketComment;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.Samples;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFiles;
import dev.foyer.projects.Milestone;
import dev.foyer.projects.MilestoneDetails;
import dev.foyer.projects.ProjectItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.FinanceBuilders.anInvoice;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.ProjectBuilders.anItem;
import static dev.foyer.test.TicketBuilders.aComment;
import static dev.foyer.test.TicketBuilders.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 item 7: "who can see this, and why". The answers come from the visibility component
 * ({@link PortalReads#explain}), so the page agrees with what portal users are actually read
 * through: a member sees the project, an inactive member does not (ACC-9), a portal user who is not
 * a member is denied by ACC-3, a contact without portal access sees nothing, a draft invoice is
 * denied by ACC-5. Only staff who may see the record use it; anything else answers 404.
 */
@FoyerWebTest
class WhoCanSeeWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    WhoCanSee whoCanSee;
    @Autowired
    PortalReads reads;
    @Autowired
    PortalMemberships memberships;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    Projects projects;
    @Autowired
    Tickets tickets;
    @Autowired
    FinanceDocuments documents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectItems items;
    @Autowired
    TicketComments ticketComments;
    @Autowired
    StoredFiles files;

    @Test
    void aProjectListsItsPortalMembersWithTheComponentsAnswerForEach() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Member" + System.nanoTime(), PortalUserStatus.ACTIVE);
        PortalUser dana = portalUser(admin, company, "Dana", "Inactive" + System.nanoTime(), PortalUserStatus.INACTIVE);
        PortalUser eve = portalUser(admin, company, "Eve", "Outsider" + System.nanoTime(), PortalUserStatus.ACTIVE);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), casey.id());
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), dana.id());

        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(containsString("/who-can-see/project/" + project.id())));
        mvc.perform(get("/who-can-see/project/" + project.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Portal users who could see it (2)")))
                .andExpect(content().string(containsString("Casey Member")))
                .andExpect(content().string(containsString("Every rule grants it.")))
                .andExpect(content().string(containsString("Denied by ACC-9: The portal user is not active")))
                // Eve is offered in the check form, not listed as someone who could see it.
                .andExpect(content().string(containsString("value=\"user:" + eve.id() + "\"")));

        var page = whoCanSee.candidates(admin, whoCanSee.record(admin, RecordKind.PROJECT, project.id().value())
                .orElseThrow(), PageRequest.of(0, 25));
        assertThat(page.getContent()).extracting(AudienceMember::id).containsExactlyInAnyOrder(casey.id(), dana.id());
        // The page and the component never disagree: each answer is the component's own.
        for (AudienceMember member : page.getContent()) {
            assertThat(member.visible()).isEqualTo(reads.canSee(member.id(),
                    RecordRef.of(RecordKind.PROJECT, project.id().value())));
            assertThat(member.visible()).isEqualTo(reads.project(member.id(), project.id().value()).isPresent());
        }
        assertThat(page.getContent()).filteredOn(m -> m.id().equals(casey.id())).singleElement()
                .satisfies(m -> assertThat(m.visible()).isTrue());

        mvc.perform(get("/who-can-see/project/" + project.id()).param("who", "user:" + eve.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cannot see it")))
                .andExpect(content().string(containsString("Denied by ACC-3: The portal user is not a member.")))
                .andExpect(content().string(containsString("Granted by ACC-1")));
    }

    @Test
    void aContactWithoutPortalAccessAndAnUnknownChoiceAreAnsweredPlainly() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).openedBy(tickets, admin);
        Contact sam = aContact().named("Sam", "Noaccess" + System.nanoTime()).at(company.id()).createdBy(contacts, admin);

        mvc.perform(get("/tickets/" + ticket.id()).with(user(admin)))
                .andExpect(content().string(containsString("/who-can-see/ticket/" + ticket.id())));
        mvc.perform(get("/who-can-see/ticket/" + ticket.id()).with(user(admin)))
                .andExpect(content().string(containsString("The ticket has no portal members, so no portal user sees it.")))
                .andExpect(content().string(containsString("value=\"contact:" + sam.id() + "\"")));
        mvc.perform(get("/who-can-see/ticket/" + ticket.id()).param("who", "contact:" + sam.id()).with(user(admin)))
                .andExpect(content().string(containsString("has no portal access, so they see nothing")));
        mvc.perform(get("/who-can-see/ticket/" + ticket.id()).param("who", "user:" + PortalUserId.newId())
                        .with(user(admin)))
                .andExpect(content().string(containsString("There is no such portal user or contact.")));
        mvc.perform(get("/who-can-see/ticket/" + ticket.id()).param("who", "<script>alert(1)</script>")
                        .with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
    }

    @Test
    void aDraftInvoiceIsDeniedByAcc5ForEveryPortalUserInScope() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        FinanceDocument invoice = anInvoice().of(company.id()).createdBy(documents, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Finance" + System.nanoTime(), PortalUserStatus.ACTIVE);

        mvc.perform(get("/finance/" + invoice.id()).with(user(admin)))
                .andExpect(content().string(containsString("/who-can-see/finance/" + invoice.id())));
        mvc.perform(get("/who-can-see/finance/" + invoice.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Portal users who could see it (1)")))
                .andExpect(content().string(containsString("Denied by ACC-5: The document is a draft.")));
        assertThat(reads.canSee(casey.id(), RecordRef.of(RecordKind.FINANCE_DOCUMENT, invoice.id().value()))).isFalse();
    }

    @Test
    void unknownRecordsKindsAndIdsAnswer404AndStrangersAreSentToSignIn() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        mvc.perform(get("/who-can-see/project/" + java.util.UUID.randomUUID()).with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/who-can-see/ticket/" + project.id()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/who-can-see/task/" + project.id()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/who-can-see/project/not-an-id").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/who-can-see/project/" + project.id())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aProjectItemIsAnsweredLikeThePortalReadsItAndAnUnsharedOneIsDeniedByAcc4() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Items" + System.nanoTime(), PortalUserStatus.ACTIVE);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), casey.id());
        Milestone shared = anItem(items, admin, project.id(), new MilestoneDetails("Launch",
                java.time.LocalDate.of(2026, 5, 1), false, true), Milestone.class);
        Milestone hidden = anItem(items, admin, project.id(), new MilestoneDetails("Internal review",
                java.time.LocalDate.of(2026, 5, 2), false, false), Milestone.class);

        String itemPage = "/projects/" + project.id() + "/milestones/" + hidden.uuid();
        mvc.perform(get(itemPage).with(user(admin)))
                .andExpect(content().string(containsString("/who-can-see/milestones/" + hidden.uuid())));
        mvc.perform(get("/who-can-see/milestones/" + hidden.uuid()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Portal users who could see it (1)")))
                .andExpect(content().string(containsString("Denied by ACC-4")));
        mvc.perform(get("/who-can-see/milestones/" + shared.uuid()).param("who", "user:" + casey.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Can see it")));

        // ACC-4: the page's answer for every candidate is PortalReads.canSee, for both items.
        for (Milestone milestone : java.util.List.of(shared, hidden)) {
            RecordRef ref = RecordRef.of(RecordKind.MILESTONE, milestone.uuid());
            var page = whoCanSee.candidates(admin, whoCanSee.record(admin, RecordKind.MILESTONE, milestone.uuid())
                    .orElseThrow(), PageRequest.of(0, 25));
            assertThat(page.getContent()).extracting(AudienceMember::id).containsExactly(casey.id());
            for (AudienceMember member : page.getContent()) {
                assertThat(member.visible()).isEqualTo(reads.canSee(member.id(), ref));
            }
        }
        assertThat(reads.canSee(casey.id(), RecordRef.of(RecordKind.MILESTONE, shared.uuid()))).isTrue();
        assertThat(reads.canSee(casey.id(), RecordRef.of(RecordKind.MILESTONE, hidden.uuid()))).isFalse();
        // An item id under another kind's path is unknown there.
        mvc.perform(get("/who-can-see/tasks/" + hidden.uuid()).with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void aTicketCommentIsAnsweredLikeThePortalReadsItAndStaffWhoCannotSeeTheTicketGet404() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).openedBy(tickets, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Comments" + System.nanoTime(), PortalUserStatus.ACTIVE);
        memberships.add(admin, MembershipKind.TICKET, ticket.id().value(), casey.id());
        TicketComment shared = aComment().on(ticket.id()).shared(true).postedBy(ticketComments, admin);
        TicketComment internal = aComment().on(ticket.id()).shared(false).postedBy(ticketComments, admin);

        mvc.perform(get("/tickets/" + ticket.id()).with(user(admin)))
                .andExpect(content().string(containsString("/who-can-see/ticket-comment/" + shared.id())));
        for (TicketComment comment : java.util.List.of(shared, internal)) {
            RecordRef ref = RecordRef.of(RecordKind.TICKET_COMMENT, comment.id().value());
            var page = whoCanSee.candidates(admin, whoCanSee.record(admin, RecordKind.TICKET_COMMENT,
                    comment.id().value()).orElseThrow(), PageRequest.of(0, 25));
            assertThat(page.getContent()).extracting(AudienceMember::id).containsExactly(casey.id());
            assertThat(page.getContent().getFirst().visible()).isEqualTo(reads.canSee(casey.id(), ref));
        }
        mvc.perform(get("/who-can-see/ticket-comment/" + internal.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Denied by ACC-")));

        // Staff see a ticket only while its company is out of the recycle bin; then its comments answer 404.
        companies.moveToRecycleBin(admin, company.id(), companies.find(admin, company.id()).orElseThrow().version());
        mvc.perform(get("/who-can-see/ticket-comment/" + shared.id()).with(user(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFileIsAnsweredLikeThePortalReadsItAndANonCustomerTypeIsDeniedByAcc7() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Files" + System.nanoTime(), PortalUserStatus.ACTIVE);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), casey.id());
        OwnerRef owner = new OwnerRef("project", project.id().value());
        StoredFile customer = files.store(admin, owner, "plan.pdf", new java.io.ByteArrayInputStream(Samples.PDF),
                fileType("Document"), true);
        StoredFile internalType = files.store(admin, owner, "notes.pdf", new java.io.ByteArrayInputStream(Samples.PDF),
                fileType("Internal note"), true);

        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(containsString("/who-can-see/file/" + customer.id())));
        mvc.perform(get("/who-can-see/file/" + internalType.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Portal users who could see it (1)")))
                .andExpect(content().string(containsString("Denied by ACC-7")));
        for (StoredFile file : java.util.List.of(customer, internalType)) {
            RecordRef ref = RecordRef.of(RecordKind.FILE, file.id().value());
            var page = whoCanSee.candidates(admin, whoCanSee.record(admin, RecordKind.FILE, file.id().value())
                    .orElseThrow(), PageRequest.of(0, 25));
            assertThat(page.getContent()).extracting(AudienceMember::id).containsExactly(casey.id());
            assertThat(page.getContent().getFirst().visible()).isEqualTo(reads.canSee(casey.id(), ref));
        }
        assertThat(reads.canSee(casey.id(), RecordRef.of(RecordKind.FILE, customer.id().value()))).isTrue();
        assertThat(reads.canSee(casey.id(), RecordRef.of(RecordKind.FILE, internalType.id().value()))).isFalse();
        mvc.perform(get("/who-can-see/file/" + java.util.UUID.randomUUID()).with(user(admin)))
                .andExpect(status().isNotFound());
    }

    private FileTypeId fileType(String name) {
        return new FileTypeId(jdbc.sql("select id from file_type where name = :name").param("name", name)
                .query(java.util.UUID.class).single());
    }

    private PortalUser portalUser(StaffPrincipal admin, Company company, String first, String last,
                                  PortalUserStatus status) {
        return aPortalUser().of(aContact().named(first, last).at(company.id()).createdBy(contacts, admin).id())
                .withStatus(status).createdBy(portalUsers, jdbc, admin);
    }
}
