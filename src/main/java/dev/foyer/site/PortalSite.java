package dev.foyer.site;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalAccounts;
import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import dev.foyer.organization.TimeFormat;
import dev.foyer.portal.FinanceKind;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalFinanceDocument;
import dev.foyer.portal.PortalItem;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalProject;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.Portals;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * What the portal's pages share: the portal a URL names (only the signed-in user's own, active
 * portal), the modules the user type grants (PRT-3), the user's formats (LIF-2) and the dashboard
 * (EXP-1). Reads only through {@link PortalReads}.
 */
@Service
public class PortalSite {

    /** How many rows each dashboard section shows; "see all" leads to the paged list. */
    public static final int DASHBOARD_ROWS = 5;
    /** Invoices still to be paid (EXP-1); overdue is a sent or partly paid invoice past its due date. */
    public static final List<String> OUTSTANDING = List.of("SENT", "PARTLY_PAID");
    /** Quotes awaiting the customer's answer. */
    public static final List<String> AWAITING_ANSWER = List.of("SENT");
    public static final Set<PortalModule> FINANCE = Set.of(PortalModule.QUOTES, PortalModule.INVOICES,
            PortalModule.ORDERS, PortalModule.CONTRACTS);

    private final PortalReads reads;
    private final PortalAccounts accounts;
    private final Organizations organizations;
    private final Portals portals;
    private final Clock clock;

    PortalSite(PortalReads reads, PortalAccounts accounts, Organizations organizations, Portals portals, Clock clock) {
        this.reads = reads;
        this.accounts = accounts;
        this.organizations = organizations;
        this.portals = portals;
        this.clock = clock;
    }

    /** The portal of a {@code /p/<slug>} URL when it is active and the user's own; else 404 (ACC-10). */
    public Portal requirePortal(String slug, PortalPrincipal user) {
        return portals.findBySlug(slug).filter(Portal::active)
                .filter(portal -> user != null && portal.id().equals(user.portalId()))
                .orElseThrow(PortalPageNotFound::new);
    }

    /** The modules the user sees right now (read fresh, ACC-9). */
    public Set<PortalModule> modules(PortalUserId user) {
        return reads.visibleModules(user);
    }

    /** 404 unless the user type grants the module (ACC-2, ACC-10). */
    public static void requireModule(Set<PortalModule> modules, PortalModule module) {
        if (!modules.contains(module)) {
            throw new PortalPageNotFound();
        }
    }

    public static boolean anyFinance(Set<PortalModule> modules) {
        return modules.stream().anyMatch(FINANCE::contains);
    }

    /** The user's preferences, or the organization's defaults when the account has none yet. */
    public PortalFormats formats(PortalUserId user) {
        return accounts.find(user).map(account -> new PortalFormats(account.preferences().language(),
                        account.preferences().country(), account.preferences().timeFormat(),
                        account.preferences().timeZone()))
                .orElseGet(() -> organizations.current().map(Organization::profile)
                        .map(p -> new PortalFormats(p.defaultLanguage(), p.country(), p.timeFormat(), p.timeZone()))
                        .orElseGet(() -> new PortalFormats("en", "", TimeFormat.H24, "UTC")));
    }

    /** Today in the user's time zone, for "overdue" (an invoice's due date has passed). */
    public LocalDate today(PortalUserId user) {
        String zone = accounts.find(user).map(a -> a.preferences().timeZone())
                .or(() -> organizations.current().map(o -> o.profile().timeZone())).orElse("UTC");
        return clock.instant().atZone(ZoneId.of(zone)).toLocalDate();
    }

    /** EXP-1: each section only when its module is granted; each a short bounded list. */
    public Dashboard dashboard(PortalUserId user, Set<PortalModule> modules) {
        PageRequest first = PageRequest.of(0, DASHBOARD_ROWS);
        Page<PortalProject> projects = null;
        List<PortalItem> updates = null;
        Map<UUID, String> names = new HashMap<>();
        if (modules.contains(PortalModule.PROJECTS)) {
            projects = reads.projects(user, first);
            projects.forEach(p -> names.put(p.id(), p.name()));
            if (modules.contains(PortalModule.UPDATES)) {
                updates = reads.recentUpdates(user, first).getContent();
                // Names of the projects the updates belong to, also beyond the first page of projects.
                updates.stream().map(PortalItem::containerId).filter(id -> !names.containsKey(id)).distinct()
                        .forEach(id -> reads.project(user, id).ifPresent(p -> names.put(p.id(), p.name())));
            }
        }
        Page<dev.foyer.portal.PortalTicket> tickets = modules.contains(PortalModule.TICKETS)
                ? reads.openTickets(user, first) : null;
        Page<PortalFinanceDocument> invoices = modules.contains(PortalModule.INVOICES)
                ? reads.financeDocuments(user, FinanceKind.INVOICE, OUTSTANDING, first) : null;
        Page<PortalFinanceDocument> quotes = modules.contains(PortalModule.QUOTES)
                ? reads.financeDocuments(user, FinanceKind.QUOTE, AWAITING_ANSWER, first) : null;
        return new Dashboard(projects, tickets, invoices, quotes, updates, names);
    }
}
