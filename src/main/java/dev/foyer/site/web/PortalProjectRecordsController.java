package dev.foyer.site.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalProjectWrites;
import dev.foyer.portal.PortalProjectWrites.ProjectForm;
import dev.foyer.portal.PortalRecordNotFound;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-5 for the project record: a portal user creates a project for their company, edits one (their
 * own with EDIT_OWN, staff's they are a member of with EDIT_SHARED), clones one and deletes their own
 * after confirming, with the field rights of their type (PRT-4). {@link PortalProjectWrites} checks
 * rights and visibility before anything changes; whatever is refused or invisible answers the
 * portal's 404 (ACC-10). Plain POST-redirect-GET.
 */
@Controller
class PortalProjectRecordsController {

    private static final String FORM = "site/record-form";
    /** A new project, or a copy, starts active; its status is staff's to change, and the form says so. */
    private static final String NEW_STATUS = "ACTIVE";

    private final SitePages pages;
    private final PortalForms forms;
    private final PortalProjectWrites writes;

    PortalProjectRecordsController(SitePages pages, PortalForms forms, PortalProjectWrites writes) {
        this.pages = pages;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/p/{slug}/projects/new")
    String newForm(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        openModule(slug, user, model);
        if (!writes.canCreate(user.id())) {
            throw new PortalPageNotFound();
        }
        return createForm(model, slug, Map.of(), Map.of());
    }

    @PostMapping("/p/{slug}/projects")
    String create(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        openModule(slug, user, model);
        var posted = RecordForms.posted(PortalModule.PROJECTS, params);
        try {
            UUID created = writes.createProject(user.id(), posted);
            flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.created");
            return "redirect:" + projectUrl(slug, created);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return createForm(model, slug, posted, e.problems());
        }
    }

    @GetMapping("/p/{slug}/projects/{id}/edit")
    String editForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                    Model model) {
        ProjectForm project = open(slug, id, user, model);
        if (!project.canEdit() && !project.canDelete()) {
            throw new PortalPageNotFound();
        }
        return editForm(model, slug, project, project.values(), Map.of());
    }

    @PostMapping("/p/{slug}/projects/{id}/edit")
    String edit(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes flash) {
        ProjectForm project = open(slug, id, user, model);
        var posted = RecordForms.posted(PortalModule.PROJECTS, params);
        try {
            writes.editProject(user.id(), project.id(), version, posted);
            flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.saved");
            return "redirect:" + projectUrl(slug, project.id());
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            // The other change is kept and shown; the user makes theirs again on top of it.
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, project, project.values(), Map.of());
        } catch (PortalException e) {
            return editForm(model, slug, project, posted, e.problems());
        }
    }

    @PostMapping("/p/{slug}/projects/{id}/delete")
    String delete(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam(defaultValue = "-1") long version, @RequestParam(required = false) String confirm,
                  Model model, RedirectAttributes flash) {
        ProjectForm project = open(slug, id, user, model);
        try {
            writes.deleteProject(user.id(), project.id(), version, "true".equals(confirm));
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, project, project.values(), Map.of());
        } catch (PortalException e) {
            return editForm(model, slug, project, project.values(), e.problems());
        }
        flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.deleted");
        return "redirect:/p/" + slug + "/projects";
    }

    @GetMapping("/p/{slug}/projects/{id}/clone")
    String cloneForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                     Model model) {
        ProjectForm project = open(slug, id, user, model);
        if (!project.canClone()) {
            throw new PortalPageNotFound();
        }
        return cloneForm(model, slug, project, project.values(), Map.of());
    }

    @PostMapping("/p/{slug}/projects/{id}/clone")
    String cloneProject(@PathVariable String slug, @PathVariable String id,
                        @AuthenticationPrincipal PortalPrincipal user, @RequestParam Map<String, String> params,
                        Model model, RedirectAttributes flash) {
        ProjectForm project = open(slug, id, user, model);
        var posted = RecordForms.posted(PortalModule.PROJECTS, params);
        try {
            UUID created = writes.cloneProject(user.id(), project.id(), posted);
            flash.addFlashAttribute(SiteWrites.NOTICE, "site.records.notice.cloned");
            return "redirect:" + projectUrl(slug, created);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return cloneForm(model, slug, project, posted, e.problems());
        }
    }

    // ---- pages

    private String createForm(Model model, String slug, Map<PortalField, String> values, Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), PortalModule.PROJECTS);
        RecordForms.form(model, "site.records.project.new", null,
                RecordForms.inputs(mask, withStatus(values, NEW_STATUS), problems, true),
                "/p/" + slug + "/projects", null, "site.records.create", "/p/" + slug + "/projects");
        model.addAttribute("problems", problems);
        return FORM;
    }

    private String editForm(Model model, String slug, ProjectForm project, Map<PortalField, String> values,
                            Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), PortalModule.PROJECTS);
        // The status is never written from the portal: it shows what is stored, whatever was posted.
        Map<PortalField, String> shown = withStatus(values, project.values().get(PortalField.PROJECT_STATUS));
        RecordForms.form(model, "site.records.project.edit", project.name(),
                RecordForms.readOnlyUnless(project.canEdit(), RecordForms.inputs(mask, shown, problems, false)),
                projectUrl(slug, project.id()) + "/edit", project.version(), "site.records.save",
                projectUrl(slug, project.id()));
        model.addAttribute("problems", problems);
        if (project.canDelete()) {
            model.addAttribute("deleteAction", projectUrl(slug, project.id()) + "/delete");
            // Deleting a project takes everything in it: the user confirms that explicitly.
            model.addAttribute("deleteConfirmKey", "site.records.project.delete.confirm");
        }
        if (project.canClone()) {
            model.addAttribute("cloneUrl", projectUrl(slug, project.id()) + "/clone");
        }
        return FORM;
    }

    private String cloneForm(Model model, String slug, ProjectForm project, Map<PortalField, String> values,
                             Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), PortalModule.PROJECTS);
        RecordForms.form(model, "site.records.project.clone", project.name(),
                RecordForms.inputs(mask, withStatus(values, NEW_STATUS), problems, true),
                projectUrl(slug, project.id()) + "/clone", null,
                "site.records.clone", projectUrl(slug, project.id()));
        model.addAttribute("problems", problems);
        return FORM;
    }

    /** The values with the status to show in place of any posted one (null: none to show). */
    private static Map<PortalField, String> withStatus(Map<PortalField, String> values, String status) {
        Map<PortalField, String> shown = new EnumMap<>(PortalField.class);
        shown.putAll(values);
        shown.remove(PortalField.PROJECT_STATUS);
        if (status != null) {
            shown.put(PortalField.PROJECT_STATUS, status);
        }
        return shown;
    }

    private void openModule(String slug, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
    }

    private ProjectForm open(String slug, String id, PortalPrincipal user, Model model) {
        openModule(slug, user, model);
        return writes.project(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
    }

    private static PortalPrincipal principal(Model model) {
        return (PortalPrincipal) model.getAttribute("user");
    }

    private static String projectUrl(String slug, UUID project) {
        return "/p/" + slug + "/projects/" + project;
    }
}
