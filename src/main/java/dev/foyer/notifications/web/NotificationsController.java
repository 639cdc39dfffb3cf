package dev.foyer.notifications.web;

import java.util.Set;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.notifications.NotificationException;
import dev.foyer.notifications.NotificationSettings;
import dev.foyer.notifications.Notifications;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalNotification;
import dev.foyer.site.PortalNavigation;
import dev.foyer.site.PortalSite;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-7 in the portal: the paged list {@code /p/<slug>/notifications}, marking one or all read
 * (POST, then redirect), and the e-mail choice at {@code /p/<slug>/profile/notifications}. The list
 * answers 404 when the user type does not grant NOTIFICATIONS (ACC-2, ACC-10).
 */
@Controller
class NotificationsController {

    static final int PAGE_SIZE = 20;

    private final PortalSite site;
    private final Notifications notifications;
    private final NotificationSettings settings;

    NotificationsController(PortalSite site, Notifications notifications, NotificationSettings settings) {
        this.site = site;
        this.notifications = notifications;
        this.settings = settings;
    }

    @GetMapping("/p/{slug}/notifications")
    String list(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread,
                Model model) {
        Set<PortalModule> modules = open(slug, user, model);
        PortalSite.requireModule(modules, PortalModule.NOTIFICATIONS);
        Page<PortalNotification> list = notifications.list(user.id(), unread,
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
        model.addAttribute("notifications", list);
        model.addAttribute("times", notifications.times(user.id(), list.getContent()));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("newest", list.getContent().stream().mapToLong(PortalNotification::activityId).max().orElse(0));
        return "notifications/list";
    }

    @PostMapping("/p/{slug}/notifications/{id}/read")
    String markRead(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, @PathVariable String id,
                    @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page) {
        requireModule(slug, user);
        notifications.markRead(user, parse(id));
        return "redirect:/p/" + slug + "/notifications?unread=" + unread + "&page=" + Math.max(0, page);
    }

    @PostMapping("/p/{slug}/notifications/read-all")
    String markAllRead(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                       @RequestParam(defaultValue = "0") long upTo, RedirectAttributes flash) {
        requireModule(slug, user);
        int marked = notifications.markAllRead(user, upTo);
        flash.addFlashAttribute("notice", "notifications.allRead");
        flash.addFlashAttribute("noticeArgument", marked);
        return "redirect:/p/" + slug + "/notifications";
    }

    @GetMapping("/p/{slug}/profile/notifications")
    String settings(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model) {
        open(slug, user, model);
        model.addAttribute("setting", settings.of(user.id()));
        return "notifications/settings";
    }

    @PostMapping("/p/{slug}/profile/notifications")
    String saveSettings(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                        @RequestParam(defaultValue = "0") long version, @RequestParam(defaultValue = "") String email,
                        Model model, RedirectAttributes flash) {
        open(slug, user, model);
        try {
            settings.save(user, version, email);
        } catch (NotificationException e) {
            model.addAttribute("setting", settings.of(user.id()));
            model.addAttribute("problem", e.messageKey());
            return "notifications/settings";
        }
        flash.addFlashAttribute("notice", "notifications.settings.saved");
        return "redirect:/p/" + slug + "/profile/notifications";
    }

    /** The model every portal page has (as the site's pages do): portal, user, navigation, formats. */
    private Set<PortalModule> open(String slug, PortalPrincipal user, Model model) {
        Portal portal = site.requirePortal(slug, user);
        Set<PortalModule> modules = site.modules(user.id());
        model.addAttribute("portal", portal);
        model.addAttribute("user", user);
        model.addAttribute("siteNav", PortalNavigation.of(modules));
        model.addAttribute("section", "notifications");
        model.addAttribute("choices", dev.foyer.notifications.NotificationEmail.values());
        model.addAttribute("fmt", site.formats(user.id()));
        model.addAttribute("today", site.today(user.id()));
        return modules;
    }

    private void requireModule(String slug, PortalPrincipal user) {
        site.requirePortal(slug, user);
        PortalSite.requireModule(site.modules(user.id()), PortalModule.NOTIFICATIONS);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new dev.foyer.site.PortalPageNotFound();
        }
    }
}
