package dev.foyer.site.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalInteractions;
import dev.foyer.portal.PortalItem;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalProject;
import dev.foyer.portal.PortalProjectWrites;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * EXP-2: the user's projects with progress, one project with its milestones on a timeline, task
 * lists, updates, documents, events, comments and files, and one task list with its shared tasks.
 * Each section only when the user type grants its module; everything through {@link PortalReads}.
 */
@Controller
class PortalProjectsController {

    /** A project page shows at most this many of each kind; the task list page pages its tasks. */
    static final int SECTION_ROWS = 50;

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalInteractions writes;
    private final PortalProjectWrites projectWrites;

    PortalProjectsController(SitePages pages, PortalReads reads, PortalInteractions writes,
                             PortalProjectWrites projectWrites) {
        this.pages = pages;
        this.reads = reads;
        this.writes = writes;
        this.projectWrites = projectWrites;
    }

    @GetMapping("/p/{slug}/projects")
    String list(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
        model.addAttribute("projects", reads.projects(user.id(), SitePages.page(page)));
        model.addAttribute("canCreateProject", projectWrites.canCreate(user.id()));
        return "site/projects";
    }

    @GetMapping("/p/{slug}/projects/{id}")
    String project(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                   Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
        PortalProject project = reads.project(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("project", project);
        // EXP-5: what the user's type lets them do with the project record itself.
        model.addAttribute("projectRecord", projectWrites.project(user.id(), project.id()).orElse(null));
        section(model, modules, PortalModule.MILESTONES, "milestones", user, project.id(), RecordKind.MILESTONE);
        section(model, modules, PortalModule.TASKS, "taskLists", user, project.id(), RecordKind.TASK_LIST);
        section(model, modules, PortalModule.UPDATES, "updates", user, project.id(), RecordKind.UPDATE);
        section(model, modules, PortalModule.DOCUMENTS, "documents", user, project.id(), RecordKind.DOCUMENT);
        section(model, modules, PortalModule.EVENTS, "events", user, project.id(), RecordKind.EVENT);
        if (modules.contains(PortalModule.COMMENTS)) {
            // The conversation with authors and own-comment versions (EXP-2, ACC-11), for PortalCommentsController.
            model.addAttribute("comments", reads.conversation(user.id(), new RecordRef(RecordKind.PROJECT, project.id()),
                    PageRequest.of(0, SECTION_ROWS)).getContent());
        }
        model.addAttribute("writes", writes.rights(user.id()));
        if (modules.contains(PortalModule.FILES)) {
            model.addAttribute("files", reads.files(user.id(), new RecordRef(RecordKind.PROJECT, project.id()),
                    PageRequest.of(0, SECTION_ROWS)));
            model.addAttribute("ownFiles", reads.ownFiles(user.id(), new RecordRef(RecordKind.PROJECT, project.id()),
                    PageRequest.of(0, SECTION_ROWS)));
        }
        return "site/project";
    }

    @GetMapping("/p/{slug}/projects/{id}/task-lists/{listId}")
    String taskList(@PathVariable String slug, @PathVariable String id, @PathVariable String listId,
                    @AuthenticationPrincipal PortalPrincipal user, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
        PortalSite.requireModule(modules, PortalModule.TASKS);
        UUID projectId = SitePages.id(id);
        PortalProject project = reads.project(user.id(), projectId).orElseThrow(PortalPageNotFound::new);
        // The list must be visible (it holds a shared task, ACC-4) and belong to this very project.
        PortalItem list = reads.item(user.id(), new RecordRef(RecordKind.TASK_LIST, SitePages.id(listId)))
                .filter(l -> l.containerId().equals(projectId)).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("project", project);
        model.addAttribute("taskList", list);
        model.addAttribute("tasks", reads.tasks(user.id(), projectId, list.id(), SitePages.page(page)));
        return "site/task-list";
    }

    private void section(Model model, Set<PortalModule> modules, PortalModule module, String name,
                         PortalPrincipal user, UUID project, RecordKind kind) {
        if (modules.contains(module)) {
            List<PortalItem> items = reads.projectItems(user.id(), project, kind, PageRequest.of(0, SECTION_ROWS))
                    .getContent();
            model.addAttribute(name, items);
        }
    }
}
