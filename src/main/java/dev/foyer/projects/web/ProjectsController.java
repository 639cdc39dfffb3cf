package dev.foyer.projects.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.CompanyChoice;
import dev.foyer.directory.CompanyId;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectAccess;
import dev.foyer.projects.ProjectComment;
import dev.foyer.projects.ProjectDeletion;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.ProjectQuery;
import dev.foyer.projects.ProjectStatus;
import dev.foyer.projects.Projects;
import dev.foyer.projects.ProjectsException;
import dev.foyer.projects.SharingDefaults;
import dev.foyer.projects.Task;
import dev.foyer.projects.TaskListView;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Projects: list with search, filters, sort and paging; the project page with its items; forms; staff. */
@Controller
@RequestMapping("/projects")
class ProjectsController {

    /** How many entries each section of the project page shows before "show all". */
    static final int SECTION = 10;
    private static final int COMPANY_CHOICES = 50;

    private final Projects projects;
    private final ProjectItems items;
    private final Companies companies;
    private final SharingDefaults sharingDefaults;
    private final RecordHistory history;
    private final StoredFiles files;
    private final ProjectDeletion deletion;
    private final PortalMemberships portalMembers;
    private final dev.foyer.portal.PortalActivityFeed portalActivity;

    ProjectsController(Projects projects, ProjectItems items, Companies companies, SharingDefaults sharingDefaults,
                       RecordHistory history, StoredFiles files, ProjectDeletion deletion,
                       PortalMemberships portalMembers,
                       dev.foyer.portal.PortalActivityFeed portalActivity) {
        this.portalActivity = portalActivity;
        this.files = files;
        this.deletion = deletion;
        this.portalMembers = portalMembers;
        this.projects = projects;
        this.items = items;
        this.companies = companies;
        this.sharingDefaults = sharingDefaults;
        this.history = history;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        model.addAttribute("shellSection", "projects");
        model.addAttribute("canManage", ProjectAccess.canManage(actor));
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) String company, @RequestParam(required = false) ProjectStatus status,
                @RequestParam(required = false) String mine,
                @RequestParam(defaultValue = "NAME") ProjectQuery.Sort sort,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CompanyId companyId = CompanyId.parse(company).orElse(null);
        boolean onlyMine = "yes".equals(mine);
        var query = new ProjectQuery(q, companyId, status, onlyMine ? actor.id() : null, sort);
        var found = projects.list(actor, query, Forms.page(page));
        model.addAttribute("page", found);
        // LIF-5: projects with portal members are marked; one query for the page.
        model.addAttribute("withPortalMembers", portalMembers.withPortalMembers(MembershipKind.PROJECT,
                found.getContent().stream().map(p -> p.id().value()).toList()));
        List<CompanyChoice> choices = new ArrayList<>(companies.choices(actor, "", COMPANY_CHOICES));
        if (companyId != null && choices.stream().noneMatch(c -> c.id().equals(companyId))) {
            companies.find(actor, companyId).ifPresent(c -> choices.add(0, new CompanyChoice(c.id(), c.name())));
        }
        model.addAttribute("companyChoices", choices);
        model.addAttribute("q", q);
        model.addAttribute("company", companyId == null ? "" : companyId.toString());
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("mine", onlyMine ? "yes" : "");
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", ProjectQuery.Sort.values());
        return "projects/projects";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String company,
                   @ModelAttribute("form") ProjectForm typed, BindingResult partial, Model model) {
        ProjectAccess.requireManage(actor);
        ProjectForm form = typed.blank() ? ProjectForm.forCompany(CompanyId.parse(company).orElse(null)) : typed;
        model.addAttribute("form", form);
        return showForm(actor, null, form, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") ProjectForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        ProjectAccess.requireManage(actor);
        try {
            if (Forms.rejectTyping(errors, form.typingProblems())) {
                form.details().validated();
                return showForm(actor, null, form, model);
            }
            Project project = projects.create(actor, form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/projects/" + project.id();
        } catch (ProjectsException e) {
            Forms.reject(errors, e);
            return showForm(actor, null, form, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @RequestParam(defaultValue = "0") int listsPage, @RequestParam(defaultValue = "0") int historyPage,
                  @RequestParam(defaultValue = "0") int filesPage,
                  @RequestParam(defaultValue = "0") int portalMembersPage,
                  @RequestParam(required = false) Long activityBefore, Model model) {
        Project project = load(actor, id);
        ProjectId projectId = project.id();
        model.addAttribute("project", project);
        companies.find(actor, project.companyId()).ifPresent(c -> model.addAttribute("companyName", c.name()));
        model.addAttribute("staff", projects.staffMembers(actor, projectId));
        model.addAttribute("canWork", projects.canWork(actor, projectId));
        if (ProjectAccess.canManage(actor)) {
            model.addAttribute("staffChoices", projects.staffChoices(actor, projectId));
        }
        model.addAttribute("portalMembers", portalMembers.panel(actor, MembershipKind.PROJECT, projectId.value(),
                PageRequest.of(Math.max(0, portalMembersPage), 25)));
        // EXP-9: what portal users did in this project.
        model.addAttribute("portalActivity", portalActivity.record(actor,
                dev.foyer.portal.RecordRef.of(dev.foyer.portal.RecordKind.PROJECT, projectId.value()), activityBefore));
        Page<TaskListView> board = items.board(actor, projectId, Forms.page(listsPage, SECTION), SECTION);
        model.addAttribute("board", board);
        model.addAttribute("milestones", items.list(actor, projectId, ItemKind.MILESTONE, Forms.page(0, SECTION)));
        model.addAttribute("updates", items.list(actor, projectId, ItemKind.UPDATE, Forms.page(0, 5)));
        model.addAttribute("documents", items.list(actor, projectId, ItemKind.DOCUMENT, Forms.page(0, SECTION)));
        model.addAttribute("events", items.list(actor, projectId, ItemKind.EVENT, Forms.page(0, SECTION)));
        Page<ProjectComment> comments = items.comments(actor, projectId, null, null, Forms.page(0, SECTION));
        model.addAttribute("comments", comments);
        Set<UUID> people = new HashSet<>();
        board.forEach(view -> view.tasks().stream().map(Task::assignee).filter(a -> a != null)
                .forEach(a -> people.add(a.value())));
        comments.forEach(c -> people.add(c.authorId()));
        model.addAttribute("names", items.staffNames(actor, people));
        model.addAttribute("portalAuthors", items.portalAuthors(actor, comments.getContent()));
        model.addAttribute("commentForm", ItemForm.empty(sharingDefaults.sharedByDefault(ItemKind.COMMENT), null));
        model.addAttribute("backPath", "/projects/" + projectId);
        model.addAttribute("panel", files.panel(actor, new OwnerRef("project", projectId.value()),
                PageRequest.of(Math.max(0, filesPage), 20)));
        model.addAttribute("history", history.page(Projects.RECORD_TYPE, projectId.value(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "projects/project";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                @ModelAttribute("form") ProjectForm typed, BindingResult partial, Model model) {
        ProjectAccess.requireManage(actor);
        Project project = load(actor, id);
        ProjectForm form = typed.blank() ? ProjectForm.of(project) : typed;
        model.addAttribute("form", form);
        return showForm(actor, project, form, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") ProjectForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        ProjectAccess.requireManage(actor);
        Project current = load(actor, id);
        try {
            if (Forms.rejectTyping(errors, form.typingProblems())) {
                form.details().validated();
                return showForm(actor, current, form, model);
            }
            projects.update(actor, current.id(), form.version(), form.details());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/projects/" + current.id();
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            companies.find(actor, current.companyId()).ifPresent(c -> model.addAttribute("conflictCompany", c.name()));
            ProjectForm kept = form.withVersion(current.currentVersion());
            model.addAttribute("form", kept);
            return showForm(actor, current, kept, model);
        } catch (ProjectsException e) {
            Forms.reject(errors, e);
            return showForm(actor, current, form, model);
        }
    }

    /** Deleting a project has no undo: this page says what goes with it and asks for the project's name. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, Model model) {
        ProjectAccess.requireManage(actor);
        Project project = load(actor, id);
        return showDelete(actor, project, false, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  @RequestParam(required = false) String confirmName, Model model, RedirectAttributes redirect) {
        ProjectAccess.requireManage(actor);
        Project project = load(actor, id);
        if (confirmName == null || !confirmName.strip().equals(project.name())) {
            model.addAttribute("nameProblem", "project.delete.nameMismatch");
            return showDelete(actor, project, false, model);
        }
        try {
            deletion.delete(actor, project.id(), version);
        } catch (StaleVersionException e) {
            return showDelete(actor, project, true, model);
        }
        redirect.addFlashAttribute("deletedProject", project.name());
        return "redirect:/projects";
    }

    private String showDelete(StaffPrincipal actor, Project project, boolean stale, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("contents", deletion.contents(actor, project.id()));
        model.addAttribute("stale", stale);
        return "projects/delete";
    }

    @PostMapping("/{id}/staff")
    String addStaff(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                    @RequestParam(required = false) String staffMember, @RequestParam long version,
                    RedirectAttributes redirect) {
        ProjectAccess.requireManage(actor);
        Project project = load(actor, id);
        return changeStaff(project, redirect, () -> projects.addStaffMember(actor, project.id(), version,
                Forms.staffUserId(staffMember).orElse(null)));
    }

    @PostMapping("/{id}/staff/{member}/remove")
    String removeStaff(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                       @PathVariable String member, @RequestParam long version, RedirectAttributes redirect) {
        ProjectAccess.requireManage(actor);
        Project project = load(actor, id);
        StaffUserId memberId = Forms.staffUserId(member).orElseThrow(Forms::notFound);
        return changeStaff(project, redirect, () -> projects.removeStaffMember(actor, project.id(), version, memberId));
    }

    private String changeStaff(Project project, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("staffSaved", true);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staffProblem", "project.staff.stale");
        } catch (ProjectsException e) {
            redirect.addFlashAttribute("staffProblem", e.problems().values().iterator().next());
        }
        return "redirect:/projects/" + project.id() + "#staff-heading";
    }

    private String showForm(StaffPrincipal actor, Project project, ProjectForm form, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("statuses", ProjectStatus.values());
        List<CompanyChoice> choices = new ArrayList<>(companies.choices(actor, form.companyQuery(), COMPANY_CHOICES));
        CompanyId.parse(form.company()).filter(selected -> choices.stream().noneMatch(c -> c.id().equals(selected)))
                .flatMap(selected -> companies.find(actor, selected))
                .ifPresent(selected -> choices.add(0, new CompanyChoice(selected.id(), selected.name())));
        model.addAttribute("companyChoices", choices);
        return "projects/project-form";
    }

    private Project load(StaffPrincipal actor, String id) {
        ProjectId projectId = ProjectId.parse(id).orElseThrow(Forms::notFound);
        return projects.find(actor, projectId).orElseThrow(Forms::notFound);
    }
}
