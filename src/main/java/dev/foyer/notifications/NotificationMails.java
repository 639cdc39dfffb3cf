package dev.foyer.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.foyer.accounts.PortalAccounts;
import dev.foyer.identity.EmailAddress;
import dev.foyer.mail.MailTemplates;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutgoingMail;
import dev.foyer.mail.RenderedMail;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalNotification;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.Portals;
import dev.foyer.site.PortalSite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Notification e-mails (EXP-7) through the outbox, in the user's language (their account's, else
 * the organization's). They carry only what {@link dev.foyer.portal.PortalReads} gave for this user
 * (masked titles and excerpts, ACC-8) and links into the portal; the caller has just read them.
 */
@Component
class NotificationMails {

    static final String IMMEDIATE_TEMPLATE = "portal-notification";
    static final String DIGEST_TEMPLATE = "portal-notification-digest";
    static final String PURPOSE = "portal-notification";
    static final String DIGEST_PURPOSE = "portal-notification-digest";

    private final PortalAccounts accounts;
    private final Portals portals;
    private final PortalSite site;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final String publicBaseUrl;

    NotificationMails(PortalAccounts accounts, Portals portals, PortalSite site, MailTemplates templates, Outbox outbox,
                      @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.accounts = accounts;
        this.portals = portals;
        this.site = site;
        this.templates = templates;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** One mail for one notification; false when the user has no account or address to write to. */
    boolean immediate(PortalUserId user, PortalNotification notification) {
        return recipient(user).map(r -> {
            Map<String, Object> model = model(r);
            model.put("n", notification);
            model.put("link", r.base() + Notifications.path(notification));
            RenderedMail mail = templates.render(IMMEDIATE_TEMPLATE, model, r.locale());
            outbox.enqueue(OutgoingMail.of("notification:" + notification.id(), r.address(), null, mail, PURPOSE));
            return true;
        }).orElse(false);
    }

    /** The daily digest: the notifications listed, {@code more} beyond them; keyed per user and local day. */
    boolean digest(PortalUserId user, String day, List<PortalNotification> notifications, long total) {
        return recipient(user).map(r -> {
            Map<String, Object> model = model(r);
            model.put("notifications", notifications);
            model.put("links", notifications.stream().map(n -> r.base() + Notifications.path(n)).toList());
            model.put("total", total);
            model.put("more", Math.max(0, total - notifications.size()));
            model.put("link", r.base() + "/notifications");
            RenderedMail mail = templates.render(DIGEST_TEMPLATE, model, r.locale());
            outbox.enqueue(OutgoingMail.of("notification-digest:" + user + ":" + day, r.address(), null, mail,
                    DIGEST_PURPOSE));
            return true;
        }).orElse(false);
    }

    private Map<String, Object> model(Recipient r) {
        Map<String, Object> model = new HashMap<>();
        model.put("portalName", r.portal().name());
        model.put("settingsLink", r.base() + "/profile/notifications");
        return model;
    }

    private Optional<Recipient> recipient(PortalUserId user) {
        return accounts.find(user)
                .filter(account -> account.email() != null && EmailAddress.isValid(account.email()))
                .flatMap(account -> portals.findForAccess(account.portalId()).filter(Portal::active)
                        .map(portal -> new Recipient(new EmailAddress(account.email()), portal,
                                Locale.forLanguageTag(site.formats(user).locale().getLanguage()),
                                publicBaseUrl + "/p/" + portal.slug())));
    }

    private record Recipient(EmailAddress address, Portal portal, Locale locale, String base) {
    }
}
