package dev.foyer.site.web;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalInteractions;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-2, EXP-3, ACC-11: a portal user comments on a visible project or ticket and edits or deletes
 * their own comments, where the user type allows (PRT-3). {@link PortalInteractions} authorizes
 * every write; what is refused is the 404 page (ACC-10) or the message next to the field.
 */
@Controller
class PortalCommentsController {

    private final PortalSite site;
    private final PortalInteractions writes;

    PortalCommentsController(PortalSite site, PortalInteractions writes) {
        this.site = site;
        this.writes = writes;
    }

    @PostMapping("/p/{slug}/{containers:projects|tickets}/{id}/comments")
    String comment(@PathVariable String slug, @PathVariable String containers, @PathVariable String id,
                   @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal PortalPrincipal user,
                   RedirectAttributes flash) {
        site.requirePortal(slug, user);
        RecordRef container = container(containers, id);
        return SiteWrites.redirect(flash, SiteWrites.pageOf(slug, container) + "#comments", "comment", body,
                "site.interact.commented", () -> writes.comment(user.id(), container, body));
    }

    @PostMapping("/p/{slug}/{containers:projects|tickets}/{id}/comments/{commentId}/edit")
    String edit(@PathVariable String slug, @PathVariable String containers, @PathVariable String id,
                @PathVariable String commentId, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "-1") long version, @AuthenticationPrincipal PortalPrincipal user,
                RedirectAttributes flash) {
        site.requirePortal(slug, user);
        RecordRef container = container(containers, id);
        RecordRef comment = comment(container, commentId);
        return SiteWrites.redirect(flash, SiteWrites.pageOf(slug, container) + "#comment-" + comment.id(),
                "edit-" + comment.id(), body, "site.interact.edited",
                () -> writes.editComment(user.id(), container, comment, version, body));
    }

    @PostMapping("/p/{slug}/{containers:projects|tickets}/{id}/comments/{commentId}/delete")
    String delete(@PathVariable String slug, @PathVariable String containers, @PathVariable String id,
                  @PathVariable String commentId, @RequestParam(defaultValue = "-1") long version,
                  @AuthenticationPrincipal PortalPrincipal user, RedirectAttributes flash) {
        site.requirePortal(slug, user);
        RecordRef container = container(containers, id);
        RecordRef comment = comment(container, commentId);
        return SiteWrites.redirect(flash, SiteWrites.pageOf(slug, container) + "#comments", "edit-" + comment.id(),
                "", "site.interact.deleted",
                () -> writes.deleteComment(user.id(), container, comment, version));
    }

    static RecordRef container(String containers, String id) {
        return new RecordRef("projects".equals(containers) ? RecordKind.PROJECT : RecordKind.TICKET, SitePages.id(id));
    }

    private static RecordRef comment(RecordRef container, String commentId) {
        return new RecordRef(container.kind() == RecordKind.PROJECT ? RecordKind.PROJECT_COMMENT
                : RecordKind.TICKET_COMMENT, SitePages.id(commentId));
    }
}
