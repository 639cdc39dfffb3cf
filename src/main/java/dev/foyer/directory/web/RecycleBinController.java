package dev.foyer.directory.web;

import dev.foyer.directory.CompanyId;
import dev.foyer.directory.ConsolidatedAccountId;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.DirectoryAccess;
import dev.foyer.directory.DirectoryException;
import dev.foyer.directory.RecycleBin;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins restore deleted companies, contacts and consolidated accounts, or purge them for good. */
@Controller
@RequestMapping("/recycle-bin")
class RecycleBinController {

    private final RecycleBin bin;

    RecycleBinController(RecycleBin bin) {
        this.bin = bin;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "recycleBin");
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int page, Model model) {
        DirectoryAccess.requireManageRecycleBin(actor);
        model.addAttribute("page", bin.list(actor, Forms.page(page)));
        return "directory/recycle-bin";
    }

    @PostMapping("/{kind}/{id}/restore")
    String restore(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable RecycleBin.Kind kind,
                   @PathVariable String id, RedirectAttributes redirect) {
        try {
            switch (kind) {
                case COMPANY -> bin.restoreCompany(actor, CompanyId.parse(id).orElseThrow(Forms::notFound));
                case CONTACT -> bin.restoreContact(actor, ContactId.parse(id).orElseThrow(Forms::notFound));
                case CONSOLIDATED_ACCOUNT -> bin.restoreConsolidatedAccount(actor,
                        ConsolidatedAccountId.parse(id).orElseThrow(Forms::notFound));
            }
            redirect.addFlashAttribute("done", "recycleBin.restored");
        } catch (DirectoryException e) {
            redirect.addFlashAttribute("problem", e.problems().values().iterator().next());
        }
        return "redirect:/recycle-bin";
    }

    @PostMapping("/{kind}/{id}/purge")
    String purge(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable RecycleBin.Kind kind,
                 @PathVariable String id, RedirectAttributes redirect) {
        try {
            switch (kind) {
                case COMPANY -> bin.purgeCompany(actor, CompanyId.parse(id).orElseThrow(Forms::notFound));
                case CONTACT -> bin.purgeContact(actor, ContactId.parse(id).orElseThrow(Forms::notFound));
                case CONSOLIDATED_ACCOUNT -> bin.purgeConsolidatedAccount(actor,
                        ConsolidatedAccountId.parse(id).orElseThrow(Forms::notFound));
            }
            redirect.addFlashAttribute("done", "recycleBin.purged");
        } catch (DirectoryException e) {
            redirect.addFlashAttribute("problem", e.problems().values().iterator().next());
        }
        return "redirect:/recycle-bin";
    }
}
