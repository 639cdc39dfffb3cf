package dev.foyer.portal.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.ContactPortalChoicesQuery;
import dev.foyer.portal.InvitationJob;
import dev.foyer.portal.InvitationJobs;
import dev.foyer.portal.PortalAccess;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.UserTypeId;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk invitation (LIF-3): the contacts chosen on a contacts list (or a whole company) get a
 * portal and user type, then the job runs in the background; its page shows progress (htmx polls
 * the progress fragment; without JavaScript a Refresh link does the same) and at the end
 * "N sent, M failed" with each failed contact and its reason.
 */
@Controller
@RequestMapping("/portal-invitations")
class InvitationJobsController {

    private final InvitationJobs jobs;
    private final ContactPortalChoicesQuery choices;
    private final Companies companies;

    InvitationJobsController(InvitationJobs jobs, ContactPortalChoicesQuery choices, Companies companies) {
        this.jobs = jobs;
        this.choices = choices;
        this.companies = companies;
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) List<String> contact,
                @RequestParam(required = false) String company, Model model) {
        PortalAccess.requireGiveAccess(actor);
        List<String> ids = contact == null ? List.of()
                : contact.stream().map(ContactId::parse).flatMap(Optional::stream).map(ContactId::toString).distinct()
                        .limit(InvitationJobs.MAX_CONTACTS).toList();
        model.addAttribute("contactIds", ids);
        CompanyId companyId = CompanyId.parse(company).orElse(null);
        if (companyId != null) {
            companies.find(actor, companyId).ifPresent(c -> {
                model.addAttribute("companyId", c.id().toString());
                model.addAttribute("companyName", c.name());
            });
        }
        model.addAttribute("typeChoices", choices.all(actor));
        model.addAttribute("shellSection", "contacts");
        return "portal/invitation-new";
    }

    @PostMapping
    String start(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) List<String> contact,
                 @RequestParam(required = false) String company, @RequestParam(required = false) String userType,
                 Model model) {
        PortalAccess.requireGiveAccess(actor);
        UserTypeId type = UserTypeId.parse(userType).orElse(null);
        try {
            UUID job;
            Optional<CompanyId> companyId = CompanyId.parse(company);
            if (companyId.isPresent()) {
                job = jobs.startForCompany(actor, type, companyId.get());
            } else {
                job = jobs.start(actor, type, contact == null ? List.of()
                        : contact.stream().map(ContactId::parse).flatMap(Optional::stream).toList());
            }
            return "redirect:/portal-invitations/" + job;
        } catch (PortalException e) {
            model.addAttribute("problem", e.messageKey());
            return form(actor, contact, company, model);
        }
    }

    @GetMapping("/{id}")
    String job(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
               @RequestParam(defaultValue = "0") int page,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        InvitationJob job = load(actor, id);
        model.addAttribute("job", job);
        model.addAttribute("failures", jobs.failures(actor, job.id(), PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("shellSection", "contacts");
        // htmx polls only the progress section; a full load renders the page.
        return htmx != null ? "portal/invitation-job :: progress" : "portal/invitation-job";
    }

    private InvitationJob load(StaffPrincipal actor, String id) {
        PortalAccess.requireGiveAccess(actor);
        try {
            return jobs.find(actor, UUID.fromString(id)).orElseThrow(Forms::notFound);
        } catch (IllegalArgumentException e) {
            throw Forms.notFound();
        }
    }
}
