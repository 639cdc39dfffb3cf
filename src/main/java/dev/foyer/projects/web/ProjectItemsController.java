package dev.foyer.projects.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.foyer.audit.RecordHistory;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectAccess;
import dev.foyer.projects.ProjectComment;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.ProjectsException;
import dev.foyer.projects.SharingDefaults;
import dev.foyer.projects.Task;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListId;
import dev.foyer.projects.TaskStatus;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's items: a page per kind ("show all"), a page per item with its comments and history,
 * forms to add and edit them, comments, and the "Show on portal" switch.
 */
@Controller
@RequestMapping("/projects/{projectId}")
class ProjectItemsController {

    private final Projects projects;
    private final ProjectItems items;
    private final SharingDefaults sharingDefaults;
    private final RecordHistory history;

    private final StoredFiles files;

    ProjectItemsController(Projects projects, ProjectItems items, SharingDefaults sharingDefaults,
                           RecordHistory history, StoredFiles files) {
        this.files = files;
        this.projects = projects;
        this.items = items;
        this.sharingDefaults = sharingDefaults;
        this.history = history;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String projectId, Model model) {
        Project project = projects.find(actor, ProjectId.parse(projectId).orElseThrow(Forms::notFound))
                .orElseThrow(Forms::notFound);
        model.addAttribute("shellSection", "projects");
        model.addAttribute("project", project);
        model.addAttribute("canManage", ProjectAccess.canManage(actor));
        model.addAttribute("canWork", projects.canWork(actor, project.id()));
    }

    /** Every item of one kind, a page at a time (the project page shows only the first few). */
    @GetMapping("/{slug}")
    String section(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                   @PathVariable String slug, @RequestParam(defaultValue = "0") int page, Model model) {
        ItemKind kind = kind(slug);
        if (kind == ItemKind.TASK) {
            return "redirect:/projects/" + project.id() + "#tasks-heading";
        }
        Page<ProjectItem> found = items.list(actor, project.id(), kind, Forms.page(page));
        model.addAttribute("kind", kind);
        model.addAttribute("items", found);
        Set<UUID> people = new HashSet<>();
        found.forEach(item -> {
            if (item instanceof ProjectComment c) {
                people.add(c.authorId());
            }
        });
        model.addAttribute("names", items.staffNames(actor, people));
        model.addAttribute("portalAuthors", items.portalAuthors(actor, found.getContent()));
        model.addAttribute("backPath", "/projects/" + project.id() + "/" + slug + "?page=" + Math.max(0, page));
        return "projects/section";
    }

    @GetMapping("/{slug}/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                   @PathVariable String slug, @RequestParam(required = false) String taskList, Model model) {
        ItemKind kind = kind(slug);
        requireWork(model);
        if (kind == ItemKind.COMMENT) {
            throw Forms.notFound();
        }
        model.addAttribute("form", ItemForm.empty(sharingDefaults.sharedByDefault(kind), taskList));
        return showForm(actor, project, kind, null, model);
    }

    @PostMapping("/{slug}")
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                  @PathVariable String slug, @RequestParam(required = false) String itemKind,
                  @RequestParam(required = false) String itemId, @ModelAttribute("form") ItemForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        ItemKind kind = kind(slug);
        if (kind == ItemKind.COMMENT) {
            return comment(actor, project, itemKind, itemId, form, redirect);
        }
        requireWork(model);
        try {
            if (Forms.rejectTyping(errors, form.typingProblems())) {
                form.details(kind).validated();
                return showForm(actor, project, kind, null, model);
            }
            ProjectItem item = items.create(actor, project.id(), form.details(kind));
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + itemPath(project, item);
        } catch (ProjectsException e) {
            Forms.reject(errors, e);
            return showForm(actor, project, kind, null, model);
        }
    }

    @GetMapping("/{slug}/{id}")
    String item(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                @PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "0") int commentsPage, @RequestParam(defaultValue = "0") int historyPage,
                @RequestParam(defaultValue = "0") int filesPage, Model model) {
        ItemKind kind = kind(slug);
        ProjectItem item = load(actor, project, kind, id);
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        Set<UUID> people = new HashSet<>();
        people.add(item.createdBy());
        describe(actor, project, item, people, model);
        List<ProjectItem> shownItems = new ArrayList<>(List.of(item));
        if (item instanceof TaskList list) {
            Page<Task> tasks = items.tasks(actor, list.id(), Forms.page(page));
            tasks.forEach(t -> people.add(t.assignee() == null ? null : t.assignee().value()));
            model.addAttribute("tasks", tasks);
        }
        if (kind != ItemKind.COMMENT) {
            Page<ProjectComment> comments = items.comments(actor, project.id(), kind, item.uuid(),
                    Forms.page(commentsPage, ProjectsController.SECTION));
            comments.forEach(c -> people.add(c.authorId()));
            model.addAttribute("comments", comments);
            model.addAttribute("commentForm", ItemForm.empty(sharingDefaults.sharedByDefault(ItemKind.COMMENT), null));
            shownItems.addAll(comments.getContent());
        }
        model.addAttribute("names", items.staffNames(actor, people));
        model.addAttribute("portalAuthors", items.portalAuthors(actor, shownItems));
        String path = itemPath(project, item);
        model.addAttribute("itemPath", path);
        model.addAttribute("backPath", path);
        fileOwnerType(kind).ifPresent(type -> model.addAttribute("panel",
                files.panel(actor, new OwnerRef(type, item.uuid()), PageRequest.of(Math.max(0, filesPage), 20))));
        model.addAttribute("history", history.page(kind.recordType(), item.uuid(),
                PageRequest.of(Math.max(0, historyPage), 10)));
        return "projects/item";
    }

    @GetMapping("/{slug}/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                @PathVariable String slug, @PathVariable String id, Model model) {
        ItemKind kind = kind(slug);
        requireWork(model);
        ProjectItem item = load(actor, project, kind, id);
        model.addAttribute("form", ItemForm.of(item));
        return showForm(actor, project, kind, item, model);
    }

    @PostMapping("/{slug}/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                  @PathVariable String slug, @PathVariable String id, @ModelAttribute("form") ItemForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        ItemKind kind = kind(slug);
        requireWork(model);
        ProjectItem current = load(actor, project, kind, id);
        try {
            if (Forms.rejectTyping(errors, form.typingProblems())) {
                form.details(kind).validated();
                return showForm(actor, project, kind, current, model);
            }
            items.update(actor, project.id(), kind, current.uuid(), form.version(), form.details(kind));
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + itemPath(project, current);
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            Set<UUID> people = new HashSet<>();
            describe(actor, project, current, people, model);
            model.addAttribute("names", items.staffNames(actor, people));
            model.addAttribute("portalAuthors", items.portalAuthors(actor, List.of(current)));
            ItemForm kept = form.withVersion(current.currentVersion());
            model.addAttribute("form", kept);
            return showForm(actor, project, kind, current, model);
        } catch (ProjectsException e) {
            Forms.reject(errors, e);
            return showForm(actor, project, kind, current, model);
        }
    }

    /** "Show on portal": with htmx (HX-Request) just the re-rendered switch, otherwise back to the page. */
    @PostMapping("/sharing/{slug}/{id}")
    String share(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute(name = "project", binding = false) Project project,
                 @PathVariable String slug, @PathVariable String id, @RequestParam long version,
                 @RequestParam boolean shared, @RequestParam(required = false) String back,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                 RedirectAttributes redirect) {
        ItemKind kind = kind(slug);
        ProjectItem item = load(actor, project, kind, id);
        if (!kind.shareable()) {
            throw Forms.notFound();
        }
        boolean stale = false;
        try {
            item = items.setShared(actor, project.id(), kind, item.uuid(), version, shared);
        } catch (StaleVersionException e) {
            stale = true;
            item = load(actor, project, kind, id);
        }
        String backPath = safeBack(project, back);
        if (htmx != null) {
            model.addAttribute("item", item);
            model.addAttribute(stale ? "sharingStale" : "sharingSaved", item.uuid().toString());
            model.addAttribute("backPath", backPath);
            return "projects/sharing-response";
        }
        redirect.addFlashAttribute(stale ? "sharingStale" : "sharingSaved", item.uuid().toString());
        return "redirect:" + backPath + "#share-" + item.uuid();
    }

    /**
     * Deletes the item for good (issue 3 item 9), with its comments and files, then back to the
     * project; a stale version or a task list still holding tasks keeps it and says why.
     */
    @PostMapping("/{slug}/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor,
                  @ModelAttribute(name = "project", binding = false) Project project, @PathVariable String slug,
                  @PathVariable String id, @RequestParam long version, Model model, RedirectAttributes redirect) {
        ItemKind kind = kind(slug);
        requireWork(model);
        ProjectItem item = load(actor, project, kind, id);
        try {
            items.delete(actor, project.id(), kind, item.uuid(), version);
            redirect.addFlashAttribute("deletedKind", kind.name());
            return "redirect:/projects/" + project.id();
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("staleDelete", true);
        } catch (ProjectsException e) {
            redirect.addFlashAttribute("deleteProblem", e.problems().values().iterator().next());
        }
        return "redirect:" + itemPath(project, item) + "#delete-heading";
    }

    /** Moves a task up or down in its list, then back to where the button was. */
    @PostMapping("/tasks/{id}/move")
    String moveTask(@AuthenticationPrincipal StaffPrincipal actor,
                    @ModelAttribute(name = "project", binding = false) Project project, @PathVariable String id,
                    @RequestParam long version, @RequestParam String direction,
                    @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Task task = (Task) load(actor, project, ItemKind.TASK, id);
        try {
            items.moveTask(actor, project.id(), task.id(), version, "up".equals(direction));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("moveStale", true);
        }
        return "redirect:" + safeBack(project, back);
    }

    private String comment(StaffPrincipal actor, Project project, String itemKind, String itemId, ItemForm form,
                           RedirectAttributes redirect) {
        ItemKind targetKind = itemKind == null || itemKind.isBlank() ? null : kindNamed(itemKind);
        UUID targetId = targetKind == null ? null : ItemKind.parseId(itemId).orElseThrow(Forms::notFound);
        String back = targetKind == null ? "/projects/" + project.id()
                : "/projects/" + project.id() + "/" + targetKind.slug() + "/" + targetId;
        try {
            items.comment(actor, project.id(), targetKind, targetId, form.comment());
            redirect.addFlashAttribute("commented", true);
        } catch (ProjectsException e) {
            if (e.problems().containsKey("")) {
                throw Forms.notFound();
            }
            redirect.addFlashAttribute("commentProblem", e.problems().values().iterator().next());
            redirect.addFlashAttribute("commentBody", form.body());
        }
        return "redirect:" + back + "#comments-heading";
    }

    /** What the item page and the conflict view show around an item: its list, its people. */
    private void describe(StaffPrincipal actor, Project project, ProjectItem item, Set<UUID> people, Model model) {
        if (item instanceof Task task) {
            items.find(actor, project.id(), ItemKind.TASK_LIST, task.taskListId().value())
                    .ifPresent(list -> model.addAttribute("taskList", list));
            people.add(task.assignee() == null ? null : task.assignee().value());
        }
        if (item instanceof ProjectComment comment) {
            people.add(comment.authorId());
            if (comment.itemId() != null) {
                items.find(actor, project.id(), comment.itemKind(), comment.itemId())
                        .ifPresent(target -> model.addAttribute("commentTarget", target));
            }
        }
    }

    private String showForm(StaffPrincipal actor, Project project, ItemKind kind, ProjectItem item, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        if (kind == ItemKind.TASK) {
            model.addAttribute("taskLists", items.taskLists(actor, project.id()));
            model.addAttribute("assignees", projects.staffMembers(actor, project.id()));
            model.addAttribute("statuses", TaskStatus.values());
        }
        return "projects/item-form";
    }

    private ProjectItem load(StaffPrincipal actor, Project project, ItemKind kind, String id) {
        UUID uuid = ItemKind.parseId(id).orElseThrow(Forms::notFound);
        return items.find(actor, project.id(), kind, uuid).orElseThrow(Forms::notFound);
    }

    private static void requireWork(Model model) {
        if (!Boolean.TRUE.equals(model.getAttribute("canWork"))) {
            throw new AccessDeniedException("Only the project's staff members change its items");
        }
    }

    /** Updates and documents carry files (issue 3); other items do not. */
    private static java.util.Optional<String> fileOwnerType(ItemKind kind) {
        return switch (kind) {
            case UPDATE -> java.util.Optional.of("project-update");
            case DOCUMENT -> java.util.Optional.of("project-document");
            default -> java.util.Optional.empty();
        };
    }

    private static ItemKind kind(String slug) {
        return ItemKind.fromSlug(slug).orElseThrow(Forms::notFound);
    }

    private static ItemKind kindNamed(String name) {
        try {
            return ItemKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Forms.notFound();
        }
    }

    static String itemPath(Project project, ProjectItem item) {
        return "/projects/" + project.id() + "/" + item.kind().slug() + "/" + item.uuid();
    }

    /** Back to a page of this project only: never elsewhere (no open redirect). */
    private static String safeBack(Project project, String back) {
        String base = "/projects/" + project.id();
        if (back != null && (back.equals(base) || back.startsWith(base + "/") || back.startsWith(base + "?"))
                && !back.contains("//") && !back.contains("\\") && back.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return back;
        }
        return base;
    }
}
