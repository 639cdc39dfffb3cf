package dev.foyer.test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.files.FileType;
import dev.foyer.files.FileTypes;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.portal.ViewScope;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.projects.CommentDetails;
import dev.foyer.projects.DocumentDetails;
import dev.foyer.projects.EventDetails;
import dev.foyer.projects.MilestoneDetails;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListDetails;
import dev.foyer.projects.TaskStatus;
import dev.foyer.projects.UpdateDetails;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.FinanceBuilders.aQuote;
import static dev.foyer.test.FinanceBuilders.anInvoice;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.PortalBuilders.userType;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.TicketBuilders.aComment;
import static dev.foyer.test.TicketBuilders.aTicket;

/**
 * One customer company as the portal site's tests need it (issue 7): an ACTIVE portal user of a
 * type with Full access plus tickets and one with Limited access (PRT-2), a project they are members of with shared and
 * unshared items of every kind, a project they are not members of, a ticket with a shared and an
 * internal comment, files of a customer and an internal type, sent and draft invoices, a quote
 * awaiting an answer — and another company with a project, ticket and invoice of its own. Every
 * text that must never reach the portal contains {@link #SECRET}.
 */
public final class PortalSiteScene {

    public static final String SECRET = "SECRET";

    public final String tag = Long.toString(System.nanoTime(), 36);
    public Company company;
    public Company otherCompany;
    public PortalUser full;
    public PortalUser limited;
    public Project project;
    public Project notMember;
    public Project otherProject;
    public TaskList designList;
    public TaskList internalList;
    public Ticket ticket;
    public Ticket otherTicket;
    public StoredFile sharedFile;
    public StoredFile internalTypeFile;
    public StoredFile unsharedFile;
    public StoredFile otherCompanyFile;
    public FinanceDocument invoice;
    public FinanceDocument draftInvoice;
    public FinanceDocument otherInvoice;
    public FinanceDocument quote;

    public static PortalSiteScene build(StaffPrincipal admin, JdbcClient jdbc, Companies companies, Contacts contacts,
                                        PortalUsers portalUsers, PortalMemberships memberships, Projects projects,
                                        ProjectItems items, Tickets tickets, TicketComments ticketComments,
                                        FinanceDocuments finance, FileTypes fileTypes, StoredFiles files,
                                        UserTypes userTypes) {
        return build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets, ticketComments,
                finance, fileTypes, files, userTypes, PortalUserStatus.ACTIVE);
    }

    /** As above, with the Full access user in the given status (AWAITING for a test that invites and signs in). */
    public static PortalSiteScene build(StaffPrincipal admin, JdbcClient jdbc, Companies companies, Contacts contacts,
                                        PortalUsers portalUsers, PortalMemberships memberships, Projects projects,
                                        ProjectItems items, Tickets tickets, TicketComments ticketComments,
                                        FinanceDocuments finance, FileTypes fileTypes, StoredFiles files,
                                        UserTypes userTypes, PortalUserStatus fullStatus) {
        PortalSiteScene s = new PortalSiteScene();
        s.company = aCompany().named("Acme " + s.tag).createdBy(companies, admin);
        s.otherCompany = aCompany().named("Other " + s.tag).createdBy(companies, admin);
        var portal = customerPortal(jdbc);
        // PRT-2's Full access grants no tickets; the customers of this scene have a type that adds them.
        UserType fullType = userTypes.find(admin, userType(jdbc, portal, "Full access")).orElseThrow();
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(fullType.rights().modules());
        modules.put(PortalModule.TICKETS, ModuleRight.of(PortalModule.TICKETS, ViewScope.ACCOUNT, Set.of()));
        UserType customers = userTypes.create(admin, portal, "Customers " + s.tag);
        customers = userTypes.save(admin, customers.id(), customers.version(), customers.name(),
                new Rights(modules, fullType.rights().fields(), fullType.rights().eventDescriptions()));
        s.full = aPortalUser().of(aContact().named("Paula", "Portal").at(s.company.id())
                        .withEmail(s.fullEmail()).createdBy(contacts, admin).id())
                .in(portal, customers.id()).withStatus(fullStatus).createdBy(portalUsers, jdbc, admin);
        s.limited = aPortalUser().of(aContact().named("Lim", "Ited").at(s.company.id())
                        .withEmail("lim-" + s.tag + "@acme.example").createdBy(contacts, admin).id())
                .in(portal, userType(jdbc, portal, "Limited access"))
                .withStatus(PortalUserStatus.ACTIVE).createdBy(portalUsers, jdbc, admin);

        s.project = aProject().named("Website relaunch " + s.tag).describedAs("New website for Acme, live in spring.")
                .due(LocalDate.of(2027, 3, 31)).of(s.company.id()).createdBy(projects, admin);
        s.notMember = aProject().named("Hidden " + SECRET + " project " + s.tag).of(s.company.id()).createdBy(projects, admin);
        s.otherProject = aProject().named("Other company " + SECRET + " " + s.tag).of(s.otherCompany.id())
                .createdBy(projects, admin);
        memberships.add(admin, MembershipKind.PROJECT, s.project.id().value(), s.full.id());
        memberships.add(admin, MembershipKind.PROJECT, s.project.id().value(), s.limited.id());

        var pid = s.project.id();
        s.designList = (TaskList) items.create(admin, pid, new TaskListDetails("Design"));
        s.internalList = (TaskList) items.create(admin, pid, new TaskListDetails("Internal " + SECRET + " list"));
        items.create(admin, pid, new TaskDetails(s.designList.id(), "Approve wireframes", "Check the three layouts.",
                TaskStatus.DONE, null, LocalDate.of(2027, 1, 15), true));
        items.create(admin, pid, new TaskDetails(s.designList.id(), "Review copy", null, TaskStatus.OPEN, null,
                LocalDate.of(2027, 2, 1), true));
        items.create(admin, pid, new TaskDetails(s.designList.id(), "Budget " + SECRET + " check", null,
                TaskStatus.OPEN, null, null, false));
        items.create(admin, pid, new TaskDetails(s.internalList.id(), "Margin " + SECRET, null, TaskStatus.OPEN, null,
                null, false));
        items.create(admin, pid, new MilestoneDetails("Launch", LocalDate.of(2027, 3, 31), false, true));
        items.create(admin, pid, new MilestoneDetails("Kick-off", LocalDate.of(2026, 11, 2), true, true));
        items.create(admin, pid, new MilestoneDetails("Milestone " + SECRET, LocalDate.of(2027, 1, 1), false, false));
        items.create(admin, pid, new UpdateDetails("Design phase finished", "All wireframes are approved.", true));
        items.create(admin, pid, new UpdateDetails("Retro " + SECRET, "Internal notes", false));
        items.create(admin, pid, new DocumentDetails("Style guide", "Colours, type and tone of voice.", true));
        items.create(admin, pid, new EventDetails("Review meeting", LocalDateTime.of(2027, 1, 20, 14, 0),
                LocalDateTime.of(2027, 1, 20, 15, 0), "We walk through the designs together.", true));
        items.comment(admin, pid, null, null, new CommentDetails("Looks great so far!", true));
        items.comment(admin, pid, null, null, new CommentDetails("Comment " + SECRET, false));

        FileType customer = fileTypes.create(admin, "Drawing " + s.tag, true);
        FileType internal = fileTypes.create(admin, "Cost sheet " + s.tag, false);
        s.sharedFile = files.store(admin, new OwnerRef("project", pid.value()), "wireframes.pdf",
                bytes("%PDF-1.4 wireframes"), customer.id(), true);
        s.internalTypeFile = files.store(admin, new OwnerRef("project", pid.value()), "costs-" + SECRET + ".txt",
                bytes("internal costs"), internal.id(), true);
        s.unsharedFile = files.store(admin, new OwnerRef("project", pid.value()), "draft-" + SECRET + ".txt",
                bytes("draft"), customer.id(), false);
        s.otherCompanyFile = files.store(admin, new OwnerRef("project", s.otherProject.id().value()),
                "other-" + SECRET + ".txt", bytes("other"), customer.id(), true);

        s.ticket = aTicket().at(s.company.id()).about("Login button broken " + s.tag)
                .describedAs("The button does nothing on mobile.").openedBy(tickets, admin);
        s.otherTicket = aTicket().at(s.otherCompany.id()).about("Other ticket " + SECRET).openedBy(tickets, admin);
        memberships.add(admin, MembershipKind.TICKET, s.ticket.id().value(), s.full.id());
        aComment().on(s.ticket.id()).saying("We are on it.").shared(true).postedBy(ticketComments, admin);
        aComment().on(s.ticket.id()).saying("Internal note " + SECRET).shared(false).postedBy(ticketComments, admin);
        files.store(admin, new OwnerRef("ticket", s.ticket.id().value()), "screenshot.txt", bytes("screen"),
                customer.id(), true);

        s.invoice = sent(finance, admin, anInvoice().of(s.company.id())
                .issued(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)).withNotes("Note " + SECRET)
                .withTerms("Payable within 14 days.").createdBy(finance, admin));
        s.draftInvoice = anInvoice().of(s.company.id()).withTerms("Draft " + SECRET).createdBy(finance, admin);
        s.otherInvoice = sent(finance, admin, anInvoice().of(s.otherCompany.id()).withTerms("Other " + SECRET)
                .createdBy(finance, admin));
        s.quote = sent(finance, admin, aQuote().of(s.company.id())
                .issued(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 31)).createdBy(finance, admin));
        return s;
    }

    public String fullEmail() {
        return "paula-" + tag + "@acme.example";
    }

    private static FinanceDocument sent(FinanceDocuments finance, StaffPrincipal admin, FinanceDocument document) {
        return finance.changeStatus(admin, document.id(), document.version(), DocumentStatus.SENT);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
