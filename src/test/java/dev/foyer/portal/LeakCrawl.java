package dev.foyer.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.portal.LeakWorld.User;
import dev.foyer.portal.PortalCrawlProbes.Probe;
import dev.foyer.portal.PortalCrawlProbes.Target;
import dev.foyer.test.PortalCrawler;
import dev.foyer.test.PortalCrawler.Fetched;

/**
 * Issue 7 item 12: the leak suite's zero-leak bar on what the portal actually sends. For every
 * ACTIVE portal user of a generated organization ({@link LeakWorld}) it crawls the portal as that
 * user ({@link PortalCrawler}: every page, fragment, PDF and download a page links), and checks
 * <ul>
 *   <li>no response carries a canary of a record {@link LeakOracle} says the user may not see —
 *       hidden fields (ACC-8), internal notes, order tasks, non-customer flags and file types included;</li>
 *   <li>no response is a server error, and the crawl ends within its bound;</li>
 *   <li>coverage: the page of every visible record a page lists was reached, and every visible item's
 *       title (a comment's body) was shown, so a crawler that finds nothing cannot pass;</li>
 *   <li>ACC-10: every record the user may not see, asked for by id on each of its URLs
 *       ({@link PortalCrawlProbes#URLS}), answers exactly as an unknown id — same status, same body
 *       but for the id and the CSRF token.</li>
 * </ul>
 * E-mails get the same canary check per recipient ({@link #mail}). Every failure starts with the seed.
 */
final class LeakCrawl {

    static final Pattern CANARY = Pattern.compile("CANARY-\\d+-\\d+~");
    /** Far above what a generated organization links (about 60 pages a user); reaching it is a failure. */
    static final int LIMIT = 1_000;
    private static final Pattern CSRF = Pattern.compile("(_csrf\"?[^>]*?(?:value|content)=\")[^\"]*");
    private static final Pattern COOKIE = Pattern.compile("(?m)^Set-Cookie: .*$");

    private final LeakWorld world;
    private final Function<User, PortalCrawler.Fetcher> signIn;
    private final List<String> failures = new ArrayList<>();
    int pages;
    private boolean probes = true;

    private LeakCrawl(LeakWorld world, Function<User, PortalCrawler.Fetcher> signIn) {
        this.world = world;
        this.signIn = signIn;
    }

    /** Crawls as every ACTIVE user; answers the failures (empty when nothing leaked and everything was reached). */
    static LeakCrawl run(LeakWorld world, Function<User, PortalCrawler.Fetcher> signIn) throws Exception {
        LeakCrawl crawl = new LeakCrawl(world, signIn);
        for (User user : world.users) {
            if (user.status() == PortalUserStatus.ACTIVE) {
                crawl.check(user);
            }
        }
        return crawl;
    }

    /**
     * Crawls user after user until one finds a leak (for the tests that weaken the rules); the
     * ACC-10 probes are left out, the leak must be found by crawling.
     */
    static LeakCrawl firstFailure(LeakWorld world, Function<User, PortalCrawler.Fetcher> signIn) throws Exception {
        LeakCrawl crawl = new LeakCrawl(world, signIn);
        crawl.probes = false;
        for (User user : world.users) {
            if (user.status() == PortalUserStatus.ACTIVE && crawl.failures.isEmpty()) {
                crawl.check(user);
            }
        }
        return crawl;
    }

    /** Crawls and probes as one user only. */
    static LeakCrawl one(LeakWorld world, User user, Function<User, PortalCrawler.Fetcher> signIn) throws Exception {
        LeakCrawl crawl = new LeakCrawl(world, signIn);
        crawl.check(user);
        return crawl;
    }

    List<String> failures() {
        return failures;
    }

    private void fail(User user, String what) {
        failures.add("seed " + world.seed + ": portal user " + user.id() + " (" + user.kind() + "): " + what);
    }

    private void check(User user) throws Exception {
        LeakOracle oracle = new LeakOracle(world, user);
        String slug = world.slug(user.portal());
        PortalCrawler.Fetcher fetcher = signIn.apply(user);
        Set<String> permitted = permitted(world, oracle, user);

        List<Fetched> crawled = PortalCrawler.crawl(slug, fetcher, LIMIT);
        pages += crawled.size();
        if (crawled.size() >= LIMIT) {
            fail(user, "the crawl reached its bound of " + LIMIT + " responses (a link that never ends?)");
        }
        StringBuilder everything = new StringBuilder();
        Set<String> reached = new HashSet<>();
        for (Fetched page : crawled) {
            reached.add(page.path());
            everything.append(page.text());
            if (page.status() >= 500) {
                fail(user, page.path() + " answered " + page.status());
            }
            Set<String> leaked = canaries(page.text());
            leaked.removeAll(permitted);
            if (!leaked.isEmpty()) {
                fail(user, "forbidden canaries on " + page.path() + " (" + page.status() + "): " + leaked);
            }
        }

        // Coverage: what the user may see and a page lists was reached and shown.
        for (String url : PortalCrawlProbes.mustReach(world, oracle, slug)) {
            if (!reached.contains(url)) {
                fail(user, "the crawl never reached " + url + ", a visible record's page");
            }
        }
        String all = everything.toString();
        for (String text : PortalCrawlProbes.mustShow(world, oracle)) {
            if (!all.contains(text)) {
                fail(user, "no crawled page shows the visible item " + text);
            }
        }

        // ACC-10: what the user may not see answers as what does not exist.
        Map<String, Fetched> unknown = new HashMap<>();
        for (Target target : PortalCrawlProbes.targets(world, oracle)) {
            if (target.visible() || !probes) {
                continue;
            }
            for (Probe probe : PortalCrawlProbes.URLS) {
                if (probe.kind() != target.kind()) {
                    continue;
                }
                UUID nobody = new UUID(world.seed, probe.template().hashCode());
                Fetched none = unknown.computeIfAbsent(probe.url(slug, nobody, target.container()), path -> {
                    try {
                        return fetcher.get(path);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                String path = probe.url(slug, target.id(), target.container());
                Fetched answer = fetcher.get(path);
                pages++;
                String expected = normalized(none, nobody);
                String actual = normalized(answer, target.id());
                if (answer.status() != none.status() || !actual.equals(expected)) {
                    fail(user, "ACC-10: " + path + " answered " + answer.status() + " unlike an unknown id ("
                            + none.status() + ")" + difference(expected, actual));
                }
                Set<String> leaked = canaries(answer.text());
                leaked.removeAll(permitted);
                if (!leaked.isEmpty()) {
                    fail(user, "forbidden canaries on " + path + ": " + leaked);
                }
            }
        }
    }

    /**
     * E-mails (issue 7 item 12): every message the user's address received carries no canary of a
     * record the oracle says they may not see; {@code texts} are the messages' subjects and bodies.
     */
    static List<String> mail(LeakWorld world, User user, List<String> texts) {
        LeakOracle oracle = new LeakOracle(world, user);
        Set<String> permitted = permitted(world, oracle, user);
        List<String> failures = new ArrayList<>();
        for (String text : texts) {
            Set<String> leaked = canaries(text);
            leaked.removeAll(permitted);
            if (!leaked.isEmpty()) {
                failures.add("seed " + world.seed + ": portal user " + user.id() + " (" + user.status() + ", "
                        + user.kind() + "): forbidden canaries in an e-mail: " + leaked + "\n" + text);
            }
        }
        return failures;
    }

    /**
     * The canaries the user may receive: everything in the oracle's views of what they may see (a
     * hidden field is null there, ACC-8), and the names of their portal, user type, contact and the
     * companies of their scope.
     */
    static Set<String> permitted(LeakWorld world, LeakOracle oracle, User user) {
        StringBuilder allowed = new StringBuilder();
        world.projects.forEach(p -> allowed.append(oracle.project(p).map(Object::toString).orElse("")));
        world.tickets.forEach(t -> allowed.append(oracle.ticket(t).map(Object::toString).orElse("")));
        world.items.forEach(i -> allowed.append(oracle.item(i).map(Object::toString).orElse("")));
        world.finance.forEach(f -> allowed.append(oracle.finance(f).map(Object::toString).orElse("")));
        world.files.forEach(f -> allowed.append(oracle.file(f).map(Object::toString).orElse("")));
        for (UUID own : List.of(user.portal(), user.type(), user.contact())) {
            allowed.append(Optional.ofNullable(world.names.get(own)).orElse("")).append(' ');
        }
        oracle.scope().forEach(company -> allowed.append(world.names.get(company)).append(' '));
        // ACC-11: a visible comment by a portal user shows its author's name.
        world.items.stream().filter(i -> i.author() != null && oracle.item(i).isPresent())
                .forEach(i -> world.users.stream().filter(u -> u.id().equals(i.author())).findFirst()
                        .ifPresent(author -> allowed.append(world.names.get(author.contact())).append(' ')));
        // EXP-5: the colleagues the CONTACTS module shows (ACC-2; names are mandatory fields, never hidden).
        ViewScope contacts = world.types.stream().filter(t -> t.id().equals(user.type())).findFirst()
                .map(t -> t.views().getOrDefault(PortalModule.CONTACTS, ViewScope.NONE)).orElse(ViewScope.NONE);
        if (contacts == ViewScope.ACCOUNT) {
            world.contacts.stream().filter(c -> !c.deleted() && oracle.scope().contains(c.company()))
                    .forEach(c -> allowed.append(world.names.get(c.id())).append(' '));
        }
        return canaries(allowed.toString());
    }

    static Set<String> canaries(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = CANARY.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String normalized(Fetched response, UUID id) {
        String text = COOKIE.matcher(response.text().replace(id.toString(), "{id}")).replaceAll("Set-Cookie:");
        return CSRF.matcher(text).replaceAll("$1");
    }

    private static String difference(String expected, String actual) {
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        if (at == expected.length() && at == actual.length()) {
            return "";
        }
        int from = Math.max(0, at - 80);
        return "; first difference: expected …" + expected.substring(from, Math.min(expected.length(), at + 80))
                + "… but got …" + actual.substring(from, Math.min(actual.length(), at + 80)) + "…";
    }
}
