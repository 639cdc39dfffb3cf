package dev.foyer.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.foyer.portal.LeakWorld.Item;

/**
 * The one place that knows the portal's URL for a record id (issue 7 item 12), for the crawl's two
 * id-based checks: every record the oracle says a user may NOT see is asked for by id on each of its
 * URLs and must answer exactly as an unknown id (ACC-10); every record the user may see and a page
 * lists must have been reached by the crawl (coverage). A new page that shows one record by id —
 * a PDF, an edit form, a fragment — gets a line in {@link #URLS}; pages reached only by links need
 * nothing here, the crawler follows them.
 */
final class PortalCrawlProbes {

    /** A URL pattern: {@code {slug}}, {@code {id}} and, for a record inside a project, {@code {container}}. */
    record Probe(RecordKind kind, String template) {

        String url(String slug, UUID id, UUID container) {
            return template.replace("{slug}", slug).replace("{id}", id.toString())
                    .replace("{container}", container == null ? "" : container.toString());
        }
    }

    /** Every URL that shows one record by its id. */
    static final List<Probe> URLS = List.of(
            new Probe(RecordKind.PROJECT, "/p/{slug}/projects/{id}"),
            // EXP-5 for the project record: its edit and clone forms, linked only where the type grants the action.
            new Probe(RecordKind.PROJECT, "/p/{slug}/projects/{id}/edit"),
            new Probe(RecordKind.PROJECT, "/p/{slug}/projects/{id}/clone"),
            new Probe(RecordKind.TASK_LIST, "/p/{slug}/projects/{container}/task-lists/{id}"),
            new Probe(RecordKind.TICKET, "/p/{slug}/tickets/{id}"),
            // EXP-5 for tickets: the edit and clone forms, linked only where the type grants the action.
            new Probe(RecordKind.TICKET, "/p/{slug}/tickets/{id}/edit"),
            new Probe(RecordKind.TICKET, "/p/{slug}/tickets/{id}/clone"),
            new Probe(RecordKind.FINANCE_DOCUMENT, "/p/{slug}/finance/documents/{id}"),
            // EXP-4, PRT-6 (the quote helper's PDF download): probed now, so it is covered the day it lands.
            new Probe(RecordKind.FINANCE_DOCUMENT, "/p/{slug}/finance/documents/{id}/pdf"),
            new Probe(RecordKind.FILE, "/p/{slug}/files/{id}"),
            // EXP-5: the pages that show one item of a project for editing or cloning.
            new Probe(RecordKind.TASK, "/p/{slug}/projects/{container}/tasks/{id}"),
            new Probe(RecordKind.TASK, "/p/{slug}/projects/{container}/tasks/{id}/clone"),
            new Probe(RecordKind.MILESTONE, "/p/{slug}/projects/{container}/milestones/{id}"),
            new Probe(RecordKind.UPDATE, "/p/{slug}/projects/{container}/updates/{id}"),
            new Probe(RecordKind.DOCUMENT, "/p/{slug}/projects/{container}/documents/{id}"),
            new Probe(RecordKind.EVENT, "/p/{slug}/projects/{container}/events/{id}"));

    /**
     * Items whose page is an edit form (EXP-5): linked only where the user type grants an action on
     * them, so the crawl need not reach them; an invisible one must still answer like an unknown id.
     */
    static final java.util.Set<RecordKind> EDIT_PAGES = java.util.EnumSet.of(RecordKind.TASK, RecordKind.MILESTONE,
            RecordKind.UPDATE, RecordKind.DOCUMENT, RecordKind.EVENT);

    /** A record of the generated organization, as the probes see it. */
    record Target(RecordKind kind, UUID id, UUID container, boolean visible) {
    }

    private PortalCrawlProbes() {
    }

    /** Every record of the organization that has a URL of its own, with whether the user may see it. */
    static List<Target> targets(LeakWorld world, LeakOracle oracle) {
        List<Target> targets = new ArrayList<>();
        world.projects.forEach(p -> targets.add(new Target(RecordKind.PROJECT, p.id(), null, oracle.sees(p))));
        world.tickets.forEach(t -> targets.add(new Target(RecordKind.TICKET, t.id(), null, oracle.sees(t))));
        world.finance.forEach(f -> targets.add(new Target(RecordKind.FINANCE_DOCUMENT, f.id(), null, oracle.sees(f))));
        world.files.forEach(f -> targets.add(new Target(RecordKind.FILE, f.id(), null, oracle.sees(f))));
        for (Item i : world.items) {
            if (i.kind() == RecordKind.TASK_LIST || EDIT_PAGES.contains(i.kind())) {
                targets.add(new Target(i.kind(), i.id(), i.container(), oracle.sees(i)));
            }
        }
        return targets;
    }

    /**
     * The URLs the crawl must reach for the user: the page of every visible record that some page
     * lists. Files of updates and documents are visible (ACC-7) but no portal page lists them yet,
     * so only files of projects and tickets count; the PDF is not linked until the finance helper's
     * download lands (then add its template here).
     */
    static List<String> mustReach(LeakWorld world, LeakOracle oracle, String slug) {
        List<String> urls = new ArrayList<>();
        for (Target t : targets(world, oracle)) {
            if (!t.visible() || EDIT_PAGES.contains(t.kind())) {
                continue;
            }
            if (t.kind() == RecordKind.FILE && world.files.stream().noneMatch(f -> f.id().equals(t.id())
                    && (f.ownerType().equals("project") || f.ownerType().equals("ticket")))) {
                continue;
            }
            URLS.stream().filter(p -> p.kind() == t.kind() && !p.template().endsWith("/pdf")
                            && !p.template().endsWith("/edit") && !p.template().endsWith("/clone"))
                    .forEach(p -> urls.add(p.url(slug, t.id(), t.container())));
        }
        return urls;
    }

    /** The canary a page must show for each visible item without a page of its own: its title, or a comment's body. */
    static List<String> mustShow(LeakWorld world, LeakOracle oracle) {
        List<String> texts = new ArrayList<>();
        for (Item i : world.items) {
            if (oracle.sees(i)) {
                texts.add(i.title() != null ? i.title() : i.body());
            }
        }
        return texts;
    }
}
