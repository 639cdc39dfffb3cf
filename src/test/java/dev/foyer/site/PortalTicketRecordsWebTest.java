package dev.foyer.site;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.portal.ViewScope;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.foyer.portal.FieldAccess.EDITABLE;
import static dev.foyer.portal.FieldAccess.READ_ONLY;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.TicketBuilders.aTicket;
import static dev.foyer.test.PortalRequests.as;
import static dev.foyer.test.PortalRequests.hide;
import static dev.foyer.test.PortalRequests.page;
import static dev.foyer.test.PortalRequests.principal;
import static dev.foyer.test.PortalRequests.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * EXP-5 for tickets (PRT-3, PRT-4, LIF-6, ACC-3, ACC-10, ACC-12): a "writer" type may edit its own
 * tickets and staff's it is a member of, clone and delete its own; an "own only" type may edit and
 * delete only its own; a "reader" may do nothing. Description is read-only for them, priority
 * editable. Every refusal answers 404 and changes nothing; posted values of hidden and read-only
 * fields are ignored; a stale version is refused and the other change kept.
 */
@FoyerWebTest
class PortalTicketRecordsWebTest {

    static final String P = "/p/customer-portal";

    @Autowired MockMvc mvc;
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

    StaffPrincipal admin;
    PortalSiteScene s;
    PortalUser writer;
    PortalUser ownOnly;
    PortalUser reader;
    Ticket staffTicket;
    Ticket notMemberTicket;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        writer = user("Wanda", "Writer", type("Writers", Set.of(PortalAction.values())));
        ownOnly = user("Owen", "Own", type("Own only", Set.of(PortalAction.CREATE, PortalAction.EDIT_OWN,
                PortalAction.DELETE_OWN)));
        reader = user("Rita", "Reader", type("Readers", Set.of()));
        staffTicket = aTicket().at(s.company.id()).about("Printer jams " + s.tag)
                .describedAs("Tray 2 jams every morning.").openedBy(tickets, admin);
        notMemberTicket = aTicket().at(s.company.id()).about("Not yours " + s.tag).openedBy(tickets, admin);
        for (PortalUser user : List.of(writer, ownOnly, reader)) {
            memberships.add(admin, MembershipKind.TICKET, staffTicket.id().value(), user.id());
        }
    }

    @Test
    void editingAnOwnTicketChangesOnlyEditableFieldsIsRecordedAndTheTicketPageOffersEditCloneDelete() throws Exception {
        UUID id = openTicket(writer, "My laptop " + s.tag);
        Map<String, Object> before = ticket(id);
        String form = page(mvc, writer, P + "/tickets/" + id + "/edit");
        assertThat(form).contains("name=\"subject\"").contains("name=\"priority\"").doesNotContain("name=\"description\"")
                .doesNotContain("name=\"status\"").contains("Delete");
        MvcResult result = mvc.perform(as(writer, post(P + "/tickets/" + id + "/edit").param("version", version(before))
                .param("subject", "My laptop is slow " + s.tag).param("priority", "HIGH")
                .param("description", "posted into a read-only field").param("status", "CLOSED")
                .param("assignee", admin.id().value().toString()))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> after = ticket(id);
        assertThat(after).containsEntry("subject", "My laptop is slow " + s.tag).containsEntry("priority", "HIGH")
                .containsEntry("description", before.get("description")).containsEntry("status", "OPEN")
                .containsEntry("assignee_id", null);
        assertThat(activities(id)).containsExactly("OPENED", "EDITED");
        assertThat(jdbc.sql("select count(*) from record_change where record_id = :id and action = 'UPDATED'"
                        + " and via = 'portal'").param("id", id).query(Long.class).single()).isEqualTo(1);
        String page = page(mvc, writer, P + "/tickets/" + id);
        assertThat(page).contains("/tickets/" + id + "/edit").contains("/tickets/" + id + "/clone")
                .contains("/tickets/" + id + "/delete");
    }

    @Test
    void editingAStaffTicketNeedsEditSharedAndMembership() throws Exception {
        Map<String, Object> before = ticket(staffTicket.id().value());
        assertThat(status(mvc, as(writer, post(P + "/tickets/" + staffTicket.id().value() + "/edit")
                .param("version", version(before)).param("subject", "Printer jams daily " + s.tag)))).isEqualTo(302);
        assertThat(ticket(staffTicket.id().value())).containsEntry("subject", "Printer jams daily " + s.tag)
                .containsEntry("description", before.get("description")).containsEntry("portal_author_id", null);
        assertThat(activities(staffTicket.id().value())).containsExactly("EDITED");
        // EDIT_OWN only: a staff ticket they are a member of is not theirs to edit; its page offers no edit.
        Map<String, Object> now = ticket(staffTicket.id().value());
        assertThat(status(mvc, as(ownOnly, get(P + "/tickets/" + staffTicket.id().value() + "/edit")))).isEqualTo(404);
        assertThat(status(mvc, as(ownOnly, post(P + "/tickets/" + staffTicket.id().value() + "/edit")
                .param("version", version(now)).param("subject", "Sneaky")))).isEqualTo(404);
        assertThat(page(mvc, ownOnly, P + "/tickets/" + staffTicket.id().value()))
                .doesNotContain("/tickets/" + staffTicket.id().value() + "/edit");
        // Not a member; another company's ticket: like unknown ids.
        for (Ticket other : List.of(notMemberTicket, s.otherTicket)) {
            Map<String, Object> row = ticket(other.id().value());
            assertThat(status(mvc, as(writer, get(P + "/tickets/" + other.id().value() + "/edit")))).isEqualTo(404);
            assertThat(status(mvc, as(writer, post(P + "/tickets/" + other.id().value() + "/edit")
                    .param("version", version(row)).param("subject", "Sneaky")))).isEqualTo(404);
            assertThat(ticket(other.id().value())).containsEntry("version", row.get("version"));
        }
        assertThat(ticket(staffTicket.id().value())).containsEntry("version", now.get("version"));
    }

    @Test
    void someoneElsesTicketIsNeitherEditedNorDeletedWithOwnRights() throws Exception {
        UUID wandas = openTicket(writer, "Wanda's " + s.tag);
        memberships.add(admin, MembershipKind.TICKET, wandas, ownOnly.id());
        Map<String, Object> row = ticket(wandas);
        assertThat(status(mvc, as(ownOnly, get(P + "/tickets/" + wandas)))).isEqualTo(200);
        assertThat(status(mvc, as(ownOnly, post(P + "/tickets/" + wandas + "/edit").param("version", version(row))
                .param("subject", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(ownOnly, post(P + "/tickets/" + wandas + "/delete").param("version", version(row)))))
                .isEqualTo(404);
        assertThat(ticket(wandas)).containsEntry("version", row.get("version")).containsEntry("subject", "Wanda's " + s.tag);
        // Their own they may edit and delete.
        UUID owens = openTicket(ownOnly, "Owen's " + s.tag);
        assertThat(status(mvc, as(ownOnly, post(P + "/tickets/" + owens + "/edit").param("version", version(ticket(owens)))
                .param("subject", "Owen's edited " + s.tag)))).isEqualTo(302);
        assertThat(status(mvc, as(ownOnly, post(P + "/tickets/" + owens + "/delete")
                .param("version", version(ticket(owens)))))).isEqualTo(302);
        assertThat(count(owens)).isZero();
    }

    @Test
    void onlyOwnTicketsAreDeletedAsStaffDeleteThemAndAStaffTicketAnswers404AndStays() throws Exception {
        UUID mine = openTicket(writer, "Delete me " + s.tag);
        Map<String, Object> staff = ticket(staffTicket.id().value());
        assertThat(status(mvc, as(writer, post(P + "/tickets/" + staffTicket.id().value() + "/delete")
                .param("version", version(staff))))).isEqualTo(404);
        assertThat(count(staffTicket.id().value())).isEqualTo(1);
        assertThat(status(mvc, as(writer, post(P + "/tickets/" + mine + "/delete").param("version", "99")))).isEqualTo(200);
        assertThat(count(mine)).as("stale version: nothing deleted").isEqualTo(1);
        MvcResult result = mvc.perform(as(writer, post(P + "/tickets/" + mine + "/delete")
                .param("version", version(ticket(mine))))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(P + "/tickets");
        assertThat(count(mine)).isZero();
        assertThat(jdbc.sql("select count(*) from ticket_portal_member where ticket_id = :id").param("id", mine)
                .query(Long.class).single()).isZero();
        assertThat(activities(mine)).containsExactly("OPENED", "DELETED");
    }

    @Test
    void aCloneCopiesWhatTheUserSeesTakesEditableFieldsFromTheFormAndIsTheirsOwnedByTheInvitingStaffUser()
            throws Exception {
        String form = page(mvc, writer, P + "/tickets/" + staffTicket.id().value() + "/clone");
        assertThat(form).contains("name=\"subject\"").contains("Tray 2 jams every morning.")
                .doesNotContain("name=\"description\"");
        MvcResult result = mvc.perform(as(writer, post(P + "/tickets/" + staffTicket.id().value() + "/clone")
                .param("subject", "Printer jams again " + s.tag).param("priority", "URGENT")
                .param("description", "posted into a read-only field"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> copy = jdbc.sql("select * from ticket where subject = :s")
                .param("s", "Printer jams again " + s.tag).query().singleRow();
        UUID id = (UUID) copy.get("id");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(P + "/tickets/" + id);
        assertThat(copy).containsEntry("priority", "URGENT").containsEntry("status", "OPEN")
                .containsEntry("company_id", s.company.id().value())
                .containsEntry("portal_author_id", writer.id().value()).containsEntry("created_by", admin.id().value());
        assertThat((String) copy.get("description")).contains("Tray 2 jams every morning.")
                .doesNotContain("posted");
        assertThat(jdbc.sql("select count(*) from ticket_portal_member where ticket_id = :id and portal_user_id = :u")
                .param("id", id).param("u", writer.id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(activities(id)).containsExactly("CLONED");
        // A hidden description is not copied and a posted one not taken.
        hide(jdbc, writer, PortalField.TICKET_DESCRIPTION);
        assertThat(status(mvc, as(writer, post(P + "/tickets/" + staffTicket.id().value() + "/clone")
                .param("subject", "Hidden copy " + s.tag).param("description", "posted")))).isEqualTo(302);
        Map<String, Object> hidden = jdbc.sql("select * from ticket where subject = :s")
                .param("s", "Hidden copy " + s.tag).query().singleRow();
        assertThat((String) hidden.get("description")).isNullOrEmpty();
    }

    @Test
    void aHiddenPriorityIsNotOnTheFormAndAPostedOneIsIgnored() throws Exception {
        hide(jdbc, writer, PortalField.TICKET_PRIORITY);
        UUID id = openTicket(writer, "Hidden priority " + s.tag);
        Map<String, Object> before = ticket(id);
        assertThat(page(mvc, writer, P + "/tickets/" + id + "/edit")).doesNotContain("name=\"priority\"");
        assertThat(status(mvc, as(writer, post(P + "/tickets/" + id + "/edit").param("version", version(before))
                .param("subject", "Hidden priority " + s.tag).param("priority", "URGENT")))).isEqualTo(302);
        assertThat(ticket(id)).containsEntry("priority", before.get("priority"));
    }

    @Test
    void aStaleTicketEditIsRefusedWithAClearMessageAndTheOtherChangeKept() throws Exception {
        UUID id = openTicket(writer, "Stale " + s.tag);
        String version = version(ticket(id));
        jdbc.sql("update ticket set subject = :s, version = version + 1 where id = :id")
                .param("s", "Stale by staff " + s.tag).param("id", id).update();
        MvcResult result = mvc.perform(as(writer, post(P + "/tickets/" + id + "/edit").param("version", version)
                .param("subject", "Stale by portal " + s.tag))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Someone else changed this meanwhile")
                .contains("Stale by staff " + s.tag);
        assertThat(ticket(id)).containsEntry("subject", "Stale by staff " + s.tag);
        assertThat(activities(id)).containsExactly("OPENED");
    }

    @Test
    void aTypeWithoutRightsSeesNoActionsAndEveryWriteAnswers404AndChangesNothing() throws Exception {
        UUID id = staffTicket.id().value();
        Map<String, Object> row = ticket(id);
        long all = jdbc.sql("select count(*) from ticket where company_id = :c").param("c", s.company.id().value())
                .query(Long.class).single();
        assertThat(page(mvc, reader, P + "/tickets/" + id)).doesNotContain("/tickets/" + id + "/edit")
                .doesNotContain("/tickets/" + id + "/clone").doesNotContain("/tickets/" + id + "/delete");
        assertThat(status(mvc, as(reader, get(P + "/tickets/" + id + "/edit")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, get(P + "/tickets/" + id + "/clone")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/tickets/" + id + "/edit").param("version", version(row))
                .param("subject", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/tickets/" + id + "/clone").param("subject", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(reader, post(P + "/tickets/" + id + "/delete").param("version", version(row)))))
                .isEqualTo(404);
        // Own-only may not clone; nobody clones another company's ticket.
        assertThat(status(mvc, as(ownOnly, post(P + "/tickets/" + id + "/clone").param("subject", "Sneaky")))).isEqualTo(404);
        assertThat(status(mvc, as(writer, post(P + "/tickets/" + s.otherTicket.id().value() + "/clone")
                .param("subject", "Sneaky")))).isEqualTo(404);
        assertThat(ticket(id)).containsEntry("version", row.get("version"));
        assertThat(jdbc.sql("select count(*) from ticket where company_id = :c").param("c", s.company.id().value())
                .query(Long.class).single()).isEqualTo(all);
    }

    // ---------------------------------------------------------------- helpers

    private UUID openTicket(PortalUser user, String subject) throws Exception {
        MvcResult result = mvc.perform(as(user, post(P + "/tickets").param("company", s.company.id().value().toString())
                .param("subject", subject).param("description", "Opened from the portal."))).andReturn();
        assertThat(result.getResponse().getStatus()).as("open " + subject).isEqualTo(302);
        return jdbc.sql("select id from ticket where subject = :s").param("s", subject).query(UUID.class).single();
    }

    private Map<String, Object> ticket(UUID id) {
        return jdbc.sql("select * from ticket where id = :id").param("id", id).query().singleRow();
    }

    private long count(UUID id) {
        return jdbc.sql("select count(*) from ticket where id = :id").param("id", id).query(Long.class).single();
    }

    private static String version(Map<String, Object> row) {
        return row.get("version").toString();
    }

    private List<String> activities(UUID record) {
        return jdbc.sql("select kind from record_activity where record_id = :id and portal_user_id is not null order by id")
                .param("id", record).query(String.class).list();
    }

    private UserType type(String name, Set<PortalAction> actions) {
        var portal = customerPortal(jdbc);
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        modules.put(PortalModule.TICKETS, ModuleRight.of(PortalModule.TICKETS, ViewScope.ACCOUNT, actions));
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        fields.put(PortalField.TICKET_SUBJECT, EDITABLE);
        fields.put(PortalField.TICKET_DESCRIPTION, READ_ONLY);
        fields.put(PortalField.TICKET_PRIORITY, EDITABLE);
        UserType type = userTypes.create(admin, portal, name + " " + s.tag);
        return userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(modules, fields, false));
    }

    private PortalUser user(String first, String last, UserType type) {
        return aPortalUser().of(aContact().named(first, last).at(s.company.id())
                        .withEmail(first.toLowerCase() + "-" + s.tag + "@acme.example").createdBy(contacts, admin).id())
                .in(customerPortal(jdbc), type.id()).createdBy(portalUsers, jdbc, admin);
    }
}
