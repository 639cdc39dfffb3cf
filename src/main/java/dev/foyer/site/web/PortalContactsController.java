package dev.foyer.site.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalContact;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalRecordNotFound;
import dev.foyer.portal.PortalRecordWrites;
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
 * EXP-5 for contacts: the colleagues at the user's companies (columns only for fields the user
 * type shows, PRT-4), adding a colleague, editing one (EDIT_OWN for those the user added,
 * EDIT_SHARED for the others; the user's own card is edited on the profile page), cloning one and
 * deleting one the user added. Refused or invisible answers the portal's 404 (ACC-10).
 */
@Controller
class PortalContactsController {

    private static final String FORM = "site/record-form";

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalForms forms;
    private final PortalRecordWrites writes;

    PortalContactsController(SitePages pages, PortalReads reads, PortalForms forms, PortalRecordWrites writes) {
        this.pages = pages;
        this.reads = reads;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/p/{slug}/contacts")
    String list(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String deleted,
                Model model) {
        open(slug, user, model);
        Set<PortalAction> actions = forms.actions(user.id(), PortalModule.CONTACTS);
        model.addAttribute("contacts", reads.contacts(user.id(), SitePages.page(page)));
        model.addAttribute("mask", forms.mask(user.id(), PortalModule.CONTACTS));
        model.addAttribute("canCreate", actions.contains(PortalAction.CREATE));
        model.addAttribute("canEditOwn", actions.contains(PortalAction.EDIT_OWN));
        model.addAttribute("canEditShared", actions.contains(PortalAction.EDIT_SHARED));
        if (deleted != null) {
            model.addAttribute("notice", "site.records.notice.deleted");
        }
        return "site/contacts";
    }

    @GetMapping("/p/{slug}/contacts/new")
    String newContact(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        open(slug, user, model);
        if (!forms.actions(user.id(), PortalModule.CONTACTS).contains(PortalAction.CREATE)) {
            throw new PortalPageNotFound();
        }
        return createForm(model, slug, user, Map.of(), Map.of());
    }

    @PostMapping("/p/{slug}/contacts")
    String create(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam Map<String, String> params, Model model) {
        open(slug, user, model);
        var posted = RecordForms.posted(PortalModule.CONTACTS, params);
        try {
            UUID created = writes.createContact(user.id(), posted);
            return "redirect:/p/" + slug + "/contacts/" + created + "?saved=created";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return createForm(model, slug, user, posted, e.problems());
        }
    }

    @GetMapping("/p/{slug}/contacts/{id}")
    String contact(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                   @RequestParam(required = false) String saved, Model model) {
        PortalContact contact = openContact(slug, id, user, model);
        if (saved != null && Set.of("created", "saved", "cloned").contains(saved)) {
            model.addAttribute("notice", "site.records.notice." + saved);
        }
        return editForm(model, slug, user, contact, PortalRecordWrites.values(contact), Map.of());
    }

    @PostMapping("/p/{slug}/contacts/{id}")
    String edit(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> params, Model model) {
        PortalContact contact = openContact(slug, id, user, model);
        var posted = RecordForms.posted(PortalModule.CONTACTS, params);
        try {
            writes.editContact(user.id(), contact.id(), version, posted);
            return "redirect:/p/" + slug + "/contacts/" + contact.id() + "?saved=saved";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, user, contact, PortalRecordWrites.values(contact), Map.of());
        } catch (PortalException e) {
            return editForm(model, slug, user, contact, posted, e.problems());
        }
    }

    @PostMapping("/p/{slug}/contacts/{id}/delete")
    String delete(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                  @RequestParam(defaultValue = "-1") long version, Model model) {
        PortalContact contact = openContact(slug, id, user, model);
        try {
            writes.deleteContact(user.id(), contact.id(), version);
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return editForm(model, slug, user, contact, PortalRecordWrites.values(contact), Map.of());
        }
        return "redirect:/p/" + slug + "/contacts?deleted";
    }

    @GetMapping("/p/{slug}/contacts/{id}/clone")
    String cloneForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal PortalPrincipal user,
                     Model model) {
        PortalContact contact = openContact(slug, id, user, model);
        if (!canClone(user)) {
            throw new PortalPageNotFound();
        }
        return cloneForm(model, slug, user, contact, PortalRecordWrites.values(contact), Map.of());
    }

    @PostMapping("/p/{slug}/contacts/{id}/clone")
    String cloneContact(@PathVariable String slug, @PathVariable String id,
                        @AuthenticationPrincipal PortalPrincipal user, @RequestParam Map<String, String> params,
                        Model model) {
        PortalContact contact = openContact(slug, id, user, model);
        var posted = RecordForms.posted(PortalModule.CONTACTS, params);
        try {
            UUID created = writes.cloneContact(user.id(), contact.id(), posted);
            return "redirect:/p/" + slug + "/contacts/" + created + "?saved=cloned";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (PortalException e) {
            return cloneForm(model, slug, user, contact, posted, e.problems());
        }
    }

    // ---- pages

    private String createForm(Model model, String slug, PortalPrincipal user, Map<PortalField, String> values,
                              Map<String, String> problems) {
        FieldMask mask = forms.mask(user.id(), PortalModule.CONTACTS);
        RecordForms.form(model, "site.records.contact.new", null, RecordForms.inputs(mask, values, problems, true),
                "/p/" + slug + "/contacts", null, "site.records.create", "/p/" + slug + "/contacts");
        model.addAttribute("problems", problems);
        return FORM;
    }

    private String editForm(Model model, String slug, PortalPrincipal user, PortalContact contact,
                            Map<PortalField, String> values, Map<String, String> problems) {
        Set<PortalAction> actions = forms.actions(user.id(), PortalModule.CONTACTS);
        boolean canEdit = !contact.self()
                && actions.contains(contact.own() ? PortalAction.EDIT_OWN : PortalAction.EDIT_SHARED);
        FieldMask mask = forms.mask(user.id(), PortalModule.CONTACTS);
        var inputs = RecordForms.inputs(mask, values, problems, false);
        if (!canEdit) {
            inputs = inputs.stream().map(i -> new RecordForms.Input(new PortalForms.FormRow(i.row().field(),
                    i.row().name(), false, i.row().mandatory(), i.row().value(), null), i.type())).toList();
        }
        String url = "/p/" + slug + "/contacts/" + contact.id();
        RecordForms.form(model, "site.records.contact.edit", contact.fullName(), inputs, url, contact.version(),
                "site.records.save", "/p/" + slug + "/contacts");
        model.addAttribute("problems", problems);
        if (contact.own() && !contact.self() && actions.contains(PortalAction.DELETE_OWN)) {
            model.addAttribute("deleteAction", url + "/delete");
        }
        if (canClone(user)) {
            model.addAttribute("cloneUrl", url + "/clone");
        }
        if (contact.self()) {
            model.addAttribute("selfNote", "/p/" + slug + "/profile");
        }
        return FORM;
    }

    private String cloneForm(Model model, String slug, PortalPrincipal user, PortalContact contact,
                             Map<PortalField, String> values, Map<String, String> problems) {
        FieldMask mask = forms.mask(user.id(), PortalModule.CONTACTS);
        String url = "/p/" + slug + "/contacts/" + contact.id();
        RecordForms.form(model, "site.records.contact.clone", contact.fullName(),
                RecordForms.inputs(mask, values, problems, true), url + "/clone", null, "site.records.clone", url);
        model.addAttribute("problems", problems);
        return FORM;
    }

    private boolean canClone(PortalPrincipal user) {
        Set<PortalAction> actions = forms.actions(user.id(), PortalModule.CONTACTS);
        return actions.contains(PortalAction.CLONE) && actions.contains(PortalAction.CREATE);
    }

    private void open(String slug, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "contacts", model);
        PortalSite.requireModule(modules, PortalModule.CONTACTS);
    }

    private PortalContact openContact(String slug, String id, PortalPrincipal user, Model model) {
        open(slug, user, model);
        return reads.contact(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
    }
}
