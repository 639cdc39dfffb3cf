package dev.foyer.site.web;

import java.util.Map;
import java.util.Set;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalCompany;
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
 * EXP-5 for the user's company: its details as the user type shows them (PRT-4), editable where
 * COMPANIES grants EDIT_OWN or EDIT_SHARED; a stale edit is refused and the other change shown.
 */
@Controller
class PortalCompanyController {

    private final SitePages pages;
    private final PortalReads reads;
    private final PortalForms forms;
    private final PortalRecordWrites writes;

    PortalCompanyController(SitePages pages, PortalReads reads, PortalForms forms, PortalRecordWrites writes) {
        this.pages = pages;
        this.reads = reads;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/p/{slug}/company")
    String company(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                   @RequestParam(required = false) String saved, Model model) {
        PortalCompany company = open(slug, user, model);
        if (saved != null) {
            model.addAttribute("notice", "site.records.notice.saved");
        }
        return form(model, slug, user, company, PortalRecordWrites.values(company), Map.of());
    }

    @PostMapping("/p/{slug}/company")
    String edit(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "-1") long version, @RequestParam Map<String, String> params, Model model) {
        PortalCompany company = open(slug, user, model);
        var posted = RecordForms.posted(PortalModule.COMPANIES, params);
        try {
            writes.editCompany(user.id(), version, posted);
            return "redirect:/p/" + slug + "/company?saved";
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        } catch (StaleVersionException e) {
            model.addAttribute("problem", "site.records.error.stale");
            return form(model, slug, user, company, PortalRecordWrites.values(company), Map.of());
        } catch (PortalException e) {
            return form(model, slug, user, company, posted, e.problems());
        }
    }

    private String form(Model model, String slug, PortalPrincipal user, PortalCompany company,
                        Map<PortalField, String> values, Map<String, String> problems) {
        Set<PortalAction> actions = forms.actions(user.id(), PortalModule.COMPANIES);
        boolean canEdit = actions.contains(PortalAction.EDIT_OWN) || actions.contains(PortalAction.EDIT_SHARED);
        FieldMask mask = forms.mask(user.id(), PortalModule.COMPANIES);
        var inputs = RecordForms.inputs(mask, values, problems, false);
        if (!canEdit) {
            inputs = inputs.stream().map(i -> new RecordForms.Input(new PortalForms.FormRow(i.row().field(),
                    i.row().name(), false, i.row().mandatory(), i.row().value(), null), i.type())).toList();
        }
        RecordForms.form(model, "site.records.company.title", company.name(), inputs, "/p/" + slug + "/company",
                company.version(), "site.records.save", "/p/" + slug + "/");
        model.addAttribute("problems", problems);
        return "site/record-form";
    }

    private PortalCompany open(String slug, PortalPrincipal user, Model model) {
        Set<PortalModule> modules = pages.open(slug, user, "company", model);
        PortalSite.requireModule(modules, PortalModule.COMPANIES);
        return reads.company(user.id()).orElseThrow(PortalPageNotFound::new);
    }
}
