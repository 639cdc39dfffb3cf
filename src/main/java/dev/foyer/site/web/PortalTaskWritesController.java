package dev.foyer.site.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalItem;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalProject;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalRecordNotFound;
import dev.foyer.portal.PortalRecordWrites;
import dev.foyer.portal.PortalRecordWrites.TaskForm;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * EXP-5 for tasks: a portal user adds a task to a visible task list, opens a visible task (edit
 * form where their type allows, text otherwise), clones and deletes it. Rights and visibility are
 * checked by {@link PortalRecordWrites} before anything changes; whatever is refused or invisible
 * answers the portal's 404 (ACC-10). Plain POST-redirect-GET.
 */
@Controller
class PortalTaskWritesController {

    private static final String FORM = "site/record-form";

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalForms forms;
    private final PortalRecordWrites writes;

    PortalTaskWritesController(SitePages pages, PortalReads reads, PortalForms forms, PortalRecordWrites writes) {
        this.pages = pages;
        this.reads = reads;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/p/{slug}/projects/{id}/task-lists/{listId}/tasks/new")
    String newTask(@PathVariable String slug, @PathVariable String id, @PathVariable String listId,
                   @AuthenticationPrincipal PortalPrincipal user, Model model) {
        TaskListPage list = openList(slug, id, listId, user, model);
        requireAction(user, PortalAction.CREATE);
        return createForm(model, slug, list, Map.of(), Map.of());
    }

    @PostMapping("/p/{slug}/projects/{id}/task-lists/{listId}/tasks")
    String create(@PathVariable String slug, @PathVariable String id, @PathVariable String listId,
                  @AuthenticationPrincipal PortalPrincipal user, @RequestParam Map<String, String> params, Model model) {
        TaskListPage list = openList(slug, id, listId, user, model);
        var posted = RecordForms.posted(PortalModule.TASKS, params);
        try {
            UUID created = writes.createTask(user.id(), list.project().id(), list.taskList().id(), posted);
            return "redirect:" + taskUrl(slug, list.project().id(), created) + "?saved=created";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return createForm(model, slug, list, posted, e.problems());
        }
    }

    @GetMapping("/p/{slug}/projects/{id}/tasks/{taskId}")
    String task(@PathVariable String slug, @PathVariable String id, @PathVariable String taskId,
                @AuthenticationPrincipal PortalPrincipal user, @RequestParam(required = false) String saved,
                Model model) {
        TaskForm task = openTask(slug, id, taskId, user, model);
        if (saved != null && Set.of("created", "saved", "cloned").contains(saved)) {
            model.addAttribute("notice", "site.records.notice." + saved);
        }
        return editForm(model, slug, task, task.values(), Map.of());
    }

    @PostMapping("/p/{slug}/projects/{id}/tasks/{taskId}")
    String edit(@PathVariable String slug, @PathVariable String id, @PathVariable String taskId,
                @AuthenticationPrincipal PortalPrincipal user, @RequestParam(defaultValue = "-1") long version,
                @RequestParam Map<String, String> params, Model model) {
        TaskForm task = openTask(slug, id, taskId, user, model);
        var posted = RecordForms.posted(PortalModule.TASKS, params);
        try {
            writes.editTask(user.id(), task.projectId(), task.id(), version, posted);
            return "redirect:" + taskUrl(slug, task.projectId(), task.id()) + "?saved=saved";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            // The other change is kept and shown; the user makes theirs again on top of it.
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, task, task.values(), Map.of());
        } catch (PortalException e) {
            return editForm(model, slug, task, posted, e.problems());
        }
    }

    @PostMapping("/p/{slug}/projects/{id}/tasks/{taskId}/delete")
    String delete(@PathVariable String slug, @PathVariable String id, @PathVariable String taskId,
                  @AuthenticationPrincipal PortalPrincipal user, @RequestParam(defaultValue = "-1") long version,
                  Model model) {
        TaskForm task = openTask(slug, id, taskId, user, model);
        try {
            writes.deleteTask(user.id(), task.projectId(), task.id(), version);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, task, task.values(), Map.of());
        }
        return "redirect:/p/" + slug + "/projects/" + task.projectId() + "/task-lists/" + task.taskListId()
                + "?deleted";
    }

    @GetMapping("/p/{slug}/projects/{id}/tasks/{taskId}/clone")
    String cloneForm(@PathVariable String slug, @PathVariable String id, @PathVariable String taskId,
                     @AuthenticationPrincipal PortalPrincipal user, Model model) {
        TaskForm task = openTask(slug, id, taskId, user, model);
        if (!task.canClone()) {
            throw new PortalPageNotFound();
        }
        return cloneForm(model, slug, task, task.values(), Map.of());
    }

    @PostMapping("/p/{slug}/projects/{id}/tasks/{taskId}/clone")
    String cloneTask(@PathVariable String slug, @PathVariable String id, @PathVariable String taskId,
                     @AuthenticationPrincipal PortalPrincipal user, @RequestParam Map<String, String> params,
                     Model model) {
        TaskForm task = openTask(slug, id, taskId, user, model);
        var posted = RecordForms.posted(PortalModule.TASKS, params);
        try {
            UUID created = writes.cloneTask(user.id(), task.projectId(), task.id(), posted);
            return "redirect:" + taskUrl(slug, task.projectId(), created) + "?saved=cloned";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return cloneForm(model, slug, task, posted, e.problems());
        }
    }

    // ---- pages

    private String createForm(Model model, String slug, TaskListPage list, Map<dev.foyer.portal.PortalField, String> values,
                              Map<String, String> problems) {
        FieldMask mask = forms.mask(model(model).id(), PortalModule.TASKS);
        RecordForms.form(model, "site.records.task.new", list.taskList().title(),
                RecordForms.inputs(mask, values, problems, true),
                "/p/" + slug + "/projects/" + list.project().id() + "/task-lists/" + list.taskList().id() + "/tasks", null,
                "site.records.create", listUrl(slug, list.project().id(), list.taskList().id()));
        model.addAttribute("problems", problems);
        return FORM;
    }

    private String editForm(Model model, String slug, TaskForm task, Map<dev.foyer.portal.PortalField, String> values,
                            Map<String, String> problems) {
        FieldMask mask = forms.mask(model(model).id(), PortalModule.TASKS);
        var inputs = RecordForms.inputs(mask, values, problems, false);
        inputs = RecordForms.readOnlyUnless(task.canEdit(), inputs);
        String title = task.values().getOrDefault(dev.foyer.portal.PortalField.TASK_TITLE, "");
        RecordForms.form(model, "site.records.task.edit", title, inputs,
                taskUrl(slug, task.projectId(), task.id()), task.version(), "site.records.save",
                listUrl(slug, task.projectId(), task.taskListId()));
        model.addAttribute("problems", problems);
        if (task.canDelete()) {
            model.addAttribute("deleteAction", taskUrl(slug, task.projectId(), task.id()) + "/delete");
        }
        if (task.canClone()) {
            model.addAttribute("cloneUrl", taskUrl(slug, task.projectId(), task.id()) + "/clone");
        }
        return FORM;
    }

    private String cloneForm(Model model, String slug, TaskForm task, Map<dev.foyer.portal.PortalField, String> values,
                             Map<String, String> problems) {
        FieldMask mask = forms.mask(model(model).id(), PortalModule.TASKS);
        RecordForms.form(model, "site.records.task.clone",
                task.values().getOrDefault(dev.foyer.portal.PortalField.TASK_TITLE, ""),
                RecordForms.inputs(mask, values, problems, true), taskUrl(slug, task.projectId(), task.id()) + "/clone",
                null, "site.records.clone", taskUrl(slug, task.projectId(), task.id()));
        model.addAttribute("problems", problems);
        return FORM;
    }

    private TaskListPage openList(String slug, String id, String listId, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
        PortalSite.requireModule(modules, PortalModule.TASKS);
        UUID projectId = SitePages.id(id);
        PortalProject project = reads.project(user.id(), projectId).orElseThrow(PortalPageNotFound::new);
        PortalItem list = reads.item(user.id(), new RecordRef(RecordKind.TASK_LIST, SitePages.id(listId)))
                .filter(l -> l.containerId().equals(projectId)).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("project", project);
        return new TaskListPage(project, list);
    }

    private TaskForm openTask(String slug, String id, String taskId, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
        PortalSite.requireModule(modules, PortalModule.TASKS);
        UUID projectId = SitePages.id(id);
        PortalProject project = reads.project(user.id(), projectId).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("project", project);
        return writes.task(user.id(), projectId, SitePages.id(taskId)).orElseThrow(PortalPageNotFound::new);
    }

    private void requireAction(PortalPrincipal user, PortalAction action) {
        if (!forms.actions(user.id(), PortalModule.TASKS).contains(action)) {
            throw new PortalPageNotFound();
        }
    }

    private static PortalPrincipal model(Model model) {
        return (PortalPrincipal) model.getAttribute("user");
    }

    private static String taskUrl(String slug, UUID project, UUID task) {
        return "/p/" + slug + "/projects/" + project + "/tasks/" + task;
    }

    private static String listUrl(String slug, UUID project, UUID list) {
        return "/p/" + slug + "/projects/" + project + "/task-lists/" + list;
    }

    private record TaskListPage(PortalProject project, PortalItem taskList) {
    }
}
