package dev.foyer.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.foyer.directory.CompanyId;
import dev.foyer.files.FileType;
import dev.foyer.files.FileTypes;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.DocumentDetails;
import dev.foyer.projects.EventDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.MilestoneDetails;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectDetails;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.ProjectStatus;
import dev.foyer.projects.Projects;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListDetails;
import dev.foyer.projects.TaskStatus;
import dev.foyer.projects.UpdateDetails;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketDetails;
import dev.foyer.tickets.TicketPriority;
import dev.foyer.tickets.TicketStatus;
import dev.foyer.tickets.Tickets;
import org.springframework.stereotype.Component;

/** The demo's projects, tickets and files: what an agency's week with its customers looks like. */
@Component
class DemoWork {

    private final Projects projects;
    private final ProjectItems items;
    private final Tickets tickets;
    private final TicketComments comments;
    private final StoredFiles files;
    private final FileTypes fileTypes;

    DemoWork(Projects projects, ProjectItems items, Tickets tickets, TicketComments comments, StoredFiles files,
             FileTypes fileTypes) {
        this.projects = projects;
        this.items = items;
        this.tickets = tickets;
        this.comments = comments;
        this.files = files;
        this.fileTypes = fileTypes;
    }

    void load(StaffPrincipal admin, List<CompanyId> companies) {
        LocalDate today = LocalDate.now();
        project(admin, companies.get(0), "Spring menu cards and table talkers", today.minusWeeks(3), today.plusWeeks(5),
                List.of("Copy from the kitchen", "Layout: three directions", "Print proofs"),
                "Menu photos are in", true);
        project(admin, companies.get(4), "Nordwind 2027 catalogue", today.minusWeeks(6), today.plusWeeks(10),
                List.of("Product photo shoot", "Catalogue layout", "Price list check"),
                "Photo shoot scheduled", false);
        project(admin, companies.get(6), "Customer newsletter redesign", today.minusDays(10), today.plusWeeks(3),
                List.of("Template in three sizes", "Accessibility review"), "First template draft", false);

        ticket(admin, companies.get(0), "Wrong price on the Kiel table talker", TicketPriority.HIGH,
                "<p>The Kiel table talker shows €14.50 for the brunch; it should be €15.50.</p>",
                "We are checking the print file now.", TicketStatus.OPEN);
        ticket(admin, companies.get(3), "Shop banner looks blurry on phones", TicketPriority.NORMAL,
                "<p>The new banner is blurry on iPhones.</p>", "We will send a sharper export.", TicketStatus.PENDING);
        ticket(admin, companies.get(5), "Invoice address for the flyer order", TicketPriority.LOW,
                "<p>Please use our new office address on the next invoice.</p>", "Done, thank you!",
                TicketStatus.RESOLVED);
    }

    private void project(StaffPrincipal admin, CompanyId company, String name, LocalDate start, LocalDate due,
                         List<String> taskTitles, String updateTitle, boolean withFile) {
        Project project = projects.create(admin, new ProjectDetails(company, name,
                "<p>Agreed in the kick-off: scope, dates and who approves.</p>", ProjectStatus.ACTIVE, start, due, null));
        TaskList list = (TaskList) items.create(admin, project.id(), new TaskListDetails("Work"));
        int n = 0;
        for (String title : taskTitles) {
            TaskStatus status = n == 0 ? TaskStatus.DONE : n == 1 ? TaskStatus.IN_PROGRESS : TaskStatus.OPEN;
            var task = items.create(admin, project.id(), new TaskDetails(list.id(), title, null, status, null,
                    start.plusWeeks(++n), null));
            if (n <= 2) {
                items.setShared(admin, project.id(), ItemKind.TASK, task.uuid(), task.currentVersion(), true);
            }
        }
        var milestone = items.create(admin, project.id(), new MilestoneDetails("Customer approval",
                due.minusWeeks(1), false, null));
        items.setShared(admin, project.id(), ItemKind.MILESTONE, milestone.uuid(), milestone.currentVersion(), true);
        var update = items.create(admin, project.id(), new UpdateDetails(updateTitle,
                "<p>Here is where we are. <strong>Next:</strong> your feedback on the drafts.</p>", null));
        items.setShared(admin, project.id(), ItemKind.UPDATE, update.uuid(), update.currentVersion(), true);
        items.create(admin, project.id(), new DocumentDetails("Briefing", "<p>Audience, tone, formats.</p>", null));
        items.create(admin, project.id(), new EventDetails("Review call", start.plusWeeks(2).atTime(10, 0),
                start.plusWeeks(2).atTime(11, 0), "<p>Video call with the customer.</p>", null));
        items.comment(admin, project.id(), null, null, new dev.foyer.projects.CommentDetails(
                "<p>Internal: keep the budget in mind for the proofs.</p>", false));
        if (withFile) {
            FileType document = fileTypes.activeChoices().stream().filter(FileType::customerFile).findFirst().orElseThrow();
            files.store(admin, new OwnerRef("project-update", update.uuid()), "proof-notes.txt",
                    new ByteArrayInputStream("Proof notes: colours approved, fix the date on page 2.\n"
                            .getBytes(StandardCharsets.UTF_8)), document.id(), true);
        }
    }

    private void ticket(StaffPrincipal admin, CompanyId company, String subject, TicketPriority priority,
                        String description, String reply, TicketStatus status) {
        Ticket ticket = tickets.open(admin, new TicketDetails(company, subject, description, priority, null, null));
        comments.add(admin, ticket.id(), "<p>" + reply + "</p>", true);
        if (status != TicketStatus.OPEN) {
            tickets.changeStatus(admin, ticket.id(), ticket.version(), status);
        }
    }
}
