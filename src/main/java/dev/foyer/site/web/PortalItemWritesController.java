package dev.foyer.site.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalProject;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalRecordNotFound;
import dev.foyer.portal.PortalRecordWrites;
import dev.foyer.portal.PortalRecordWrites.ItemForm;
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

/**
 * EXP-5 for a project's milestones, updates, documents and events, one controller for the four
 * kinds ({@code kind} is the module's name in the path): add to a visible project, open a visible
 * item (edit form where the type allows, text otherwise), clone and delete. Rights and visibility
 * are checked by {@link PortalRecordWrites} before anything changes; whatever is refused or
 * invisible answers the portal's 404 (ACC-10). Plain POST-redirect-GET, the form is
 * {@code site/record-form} as for tasks.
 */
@Controller
class PortalItemWritesController {

    private static final String FORM = "site/record-form";
    private static final String KINDS = "{kind:milestones|updates|documents|events}";
    private static final String BASE = "/p/{slug}/projects/{id}/" + KINDS;

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalForms forms;
    private final PortalRecordWrites writes;

    PortalItemWritesController(SitePages pages, PortalReads reads, PortalForms forms, PortalRecordWrites writes) {
        this.pages = pages;
        this.reads = reads;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping(BASE + "/new")
    String newItem(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                   @AuthenticationPrincipal PortalPrincipal user, Model model) {
        PortalModule module = module(kind);
        PortalProject project = openProject(slug, id, module, user, model);
        if (!forms.actions(user.id(), module).contains(PortalAction.CREATE)) {
            throw new PortalPageNotFound();
        }
        return createForm(model, slug, module, project, Map.of(), Map.of());
    }

    @PostMapping(BASE)
    String create(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                  @AuthenticationPrincipal PortalPrincipal user, @RequestParam Map<String, String> params, Model model) {
        PortalModule module = module(kind);
        PortalProject project = openProject(slug, id, module, user, model);
        var posted = RecordForms.posted(module, params);
        try {
            UUID created = writes.createItem(user.id(), module, project.id(), posted);
            return "redirect:" + itemUrl(slug, module, project.id(), created) + "?saved=created";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return createForm(model, slug, module, project, posted, e.problems());
        }
    }

    @GetMapping(BASE + "/{itemId}")
    String item(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                @PathVariable String itemId, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(required = false) String saved, Model model) {
        ItemForm item = openItem(slug, id, kind, itemId, user, model);
        if (saved != null && Set.of("created", "saved", "cloned").contains(saved)) {
            model.addAttribute("notice", "site.records.notice." + saved);
        }
        return editForm(model, slug, item, item.values(), Map.of());
    }

    @PostMapping(BASE + "/{itemId}")
    String edit(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                @PathVariable String itemId, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> params,
                Model model) {
        ItemForm item = openItem(slug, id, kind, itemId, user, model);
        var posted = RecordForms.posted(item.module(), params);
        try {
            writes.editItem(user.id(), item.module(), item.projectId(), item.id(), version, posted);
            return "redirect:" + itemUrl(slug, item.module(), item.projectId(), item.id()) + "?saved=saved";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            // The other change is kept and shown; the user makes theirs again on top of it.
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, item, item.values(), Map.of());
        } catch (PortalException e) {
            return editForm(model, slug, item, posted, e.problems());
        }
    }

    @PostMapping(BASE + "/{itemId}/delete")
    String delete(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                  @PathVariable String itemId, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam(defaultValue = "-1") long version, Model model) {
        ItemForm item = openItem(slug, id, kind, itemId, user, model);
        try {
            writes.deleteItem(user.id(), item.module(), item.projectId(), item.id(), version);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, item, item.values(), Map.of());
        }
        return "redirect:" + projectUrl(slug, item.projectId()) + "?deleted";
    }

    @GetMapping(BASE + "/{itemId}/clone")
    String cloneForm(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                     @PathVariable String itemId, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        ItemForm item = openItem(slug, id, kind, itemId, user, model);
        if (!item.canClone()) {
            throw new PortalPageNotFound();
        }
        return cloneForm(model, slug, item, item.values(), Map.of());
    }

    @PostMapping(BASE + "/{itemId}/clone")
    String cloneItem(@PathVariable String slug, @PathVariable String id, @PathVariable String kind,
                     @PathVariable String itemId, @AuthenticationPrincipal PortalPrincipal user,
                     @RequestParam Map<String, String> params, Model model) {
        ItemForm item = openItem(slug, id, kind, itemId, user, model);
        var posted = RecordForms.posted(item.module(), params);
        try {
            UUID created = writes.cloneItem(user.id(), item.module(), item.projectId(), item.id(), posted);
            return "redirect:" + itemUrl(slug, item.module(), item.projectId(), created) + "?saved=cloned";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return cloneForm(model, slug, item, posted, e.problems());
        }
    }

    // ---- pages

    private String createForm(Model model, String slug, PortalModule module, PortalProject project,
                              Map<PortalField, String> values, Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), module);
        RecordForms.form(model, headingKey(module, "new"), project.name(), RecordForms.inputs(mask, values, problems, true),
                "/p/" + slug + "/projects/" + project.id() + "/" + slug(module), null, "site.records.create",
                projectUrl(slug, project.id()));
        model.addAttribute("problems", problems);
        return FORM;
    }

    private String editForm(Model model, String slug, ItemForm item, Map<PortalField, String> values,
                            Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), item.module());
        var inputs = RecordForms.readOnlyUnless(item.canEdit(), RecordForms.inputs(mask, values, problems, false));
        String url = itemUrl(slug, item.module(), item.projectId(), item.id());
        RecordForms.form(model, headingKey(item.module(), "edit"), item.title(), inputs, url, item.version(),
                "site.records.save", projectUrl(slug, item.projectId()));
        model.addAttribute("problems", problems);
        if (item.canDelete()) {
            model.addAttribute("deleteAction", url + "/delete");
        }
        if (item.canClone()) {
            model.addAttribute("cloneUrl", url + "/clone");
        }
        return FORM;
    }

    private String cloneForm(Model model, String slug, ItemForm item, Map<PortalField, String> values,
                             Map<String, String> problems) {
        FieldMask mask = forms.mask(principal(model).id(), item.module());
        String url = itemUrl(slug, item.module(), item.projectId(), item.id());
        RecordForms.form(model, headingKey(item.module(), "clone"), item.title(),
                RecordForms.inputs(mask, values, problems, true), url + "/clone", null, "site.records.clone", url);
        model.addAttribute("problems", problems);
        return FORM;
    }

    private PortalProject openProject(String slug, String id, PortalModule module, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "projects", model);
        PortalSite.requireModule(modules, PortalModule.PROJECTS);
        PortalSite.requireModule(modules, module);
        PortalProject project = reads.project(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
        model.addAttribute("project", project);
        return project;
    }

    private ItemForm openItem(String slug, String id, String kind, String itemId, PortalPrincipal user, Model model) {
        PortalModule module = module(kind);
        PortalProject project = openProject(slug, id, module, user, model);
        return writes.projectItem(user.id(), module, project.id(), SitePages.id(itemId))
                .orElseThrow(PortalPageNotFound::new);
    }

    private static PortalModule module(String kind) {
        return PortalModule.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    private static String slug(PortalModule module) {
        return module.name().toLowerCase(Locale.ROOT);
    }

    /** e.g. {@code site.records.milestones.new}. */
    private static String headingKey(PortalModule module, String what) {
        return "site.records." + slug(module) + "." + what;
    }

    private static PortalPrincipal principal(Model model) {
        return (PortalPrincipal) model.getAttribute("user");
    }

    private static String projectUrl(String slug, UUID project) {
        return "/p/" + slug + "/projects/" + project;
    }

    private static String itemUrl(String slug, PortalModule module, UUID project, UUID item) {
        return projectUrl(slug, project) + "/" + slug(module) + "/" + item;
    }
}
