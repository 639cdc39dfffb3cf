package dev.foyer.finance.web;

import dev.foyer.finance.FinanceAccess;
import dev.foyer.finance.FinanceException;
import dev.foyer.finance.OrderFlag;
import dev.foyer.finance.OrderFlagId;
import dev.foyer.finance.OrderFlags;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
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

/** Admins keep the list of order status flags, each a customer flag or not (issue 4 item 3). */
@Controller
@RequestMapping("/settings/order-flags")
class OrderFlagsController {

    private final OrderFlags flags;

    OrderFlagsController(OrderFlags flags) {
        this.flags = flags;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "orderFlags");
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", flags.list(actor, FinanceWeb.page(page, FinanceWeb.PAGE_SIZE)));
        return "finance/order-flags";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        FinanceAccess.requireManageSettings(actor);
        model.addAttribute("form", OrderFlagForm.empty());
        return "finance/order-flag-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") OrderFlagForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        FinanceAccess.requireManageSettings(actor);
        try {
            OrderFlag flag = flags.create(actor, form.name(), form.isCustomerFlag());
            redirect.addFlashAttribute("saved", flag.name());
            return "redirect:/settings/order-flags";
        } catch (FinanceException e) {
            FinanceWeb.reject(errors, e);
            return "finance/order-flag-form";
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, Model model) {
        OrderFlag flag = load(actor, id);
        model.addAttribute("flag", flag);
        model.addAttribute("form", OrderFlagForm.of(flag));
        return "finance/order-flag-form";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                  @ModelAttribute("form") OrderFlagForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        OrderFlag current = load(actor, id);
        model.addAttribute("flag", current);
        try {
            OrderFlag saved = flags.update(actor, current.id(), form.version(), form.name(), form.isCustomerFlag(),
                    form.isActive());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/settings/order-flags";
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", current);
            model.addAttribute("form", form.withVersion(current.version()));
            return "finance/order-flag-form";
        } catch (FinanceException e) {
            FinanceWeb.reject(errors, e);
            return "finance/order-flag-form";
        }
    }

    private OrderFlag load(StaffPrincipal actor, String id) {
        FinanceAccess.requireManageSettings(actor);
        OrderFlagId flagId = OrderFlagId.parse(id).orElseThrow(FinanceWeb::notFound);
        return flags.find(actor, flagId).orElseThrow(FinanceWeb::notFound);
    }
}
