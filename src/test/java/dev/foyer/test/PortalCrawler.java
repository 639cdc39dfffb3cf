package dev.foyer.test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Crawls one portal as one signed-in portal user (issue 7 item 12): breadth-first from
 * {@code /p/<slug>/}, following every same-portal link a response offers — {@code href},
 * {@code src}, {@code hx-get}/{@code data-hx-get}, the action of a GET form, a redirect's Location,
 * paging links — GET only, each path (with its query) once, at most {@code limit} of them. Nothing is
 * listed by hand, so pages, fragments, PDFs and downloads added later are crawled once a page links
 * them. Each response comes back as text to search: its headers (a download's file name) and its
 * body, a PDF's extracted text added to its bytes.
 */
public final class PortalCrawler {

    /** One response: the path asked for, status, content type, headers and body as text. */
    public record Fetched(String path, int status, String contentType, String location, String text) {

        public boolean html() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
        }
    }

    /** Answers a GET of a path (with query) for the signed-in user. */
    @FunctionalInterface
    public interface Fetcher {
        Fetched get(String path) throws Exception;
    }

    /** Never followed, though linked: GETs that would end the session (a sign-out has no GET, but be sure). */
    private static final Predicate<String> NEVER = path -> path.contains("/sign-out");

    private PortalCrawler() {
    }

    /** The responses of the crawl, in the order fetched. */
    public static List<Fetched> crawl(String slug, Fetcher fetcher, int limit) throws Exception {
        return crawl(slug, fetcher, limit, path -> true);
    }

    /** As {@link #crawl(String, Fetcher, int)}, following only the paths {@code follow} accepts. */
    public static List<Fetched> crawl(String slug, Fetcher fetcher, int limit, Predicate<String> follow) throws Exception {
        String prefix = "/p/" + slug + "/";
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        queue.add(prefix);
        seen.add(prefix);
        List<Fetched> fetched = new ArrayList<>();
        while (!queue.isEmpty() && fetched.size() < limit) {
            String path = queue.removeFirst();
            Fetched response = fetcher.get(path);
            fetched.add(response);
            Set<String> next = new LinkedHashSet<>();
            if (response.html()) {
                next.addAll(links(response.text(), path, prefix));
            }
            if (response.location() != null) {
                next.addAll(samePortal(URI.create("http://crawl" + path).resolve(response.location()), prefix));
            }
            for (String link : next) {
                if (follow.test(link) && seen.add(link)) {
                    queue.addLast(link);
                }
            }
        }
        return fetched;
    }

    /** The same-portal paths (with query, without fragment) an HTML page links to, in document order. */
    public static Set<String> links(String html, String path, String prefix) {
        Document doc = Jsoup.parse(html, "http://crawl" + path);
        Set<String> links = new LinkedHashSet<>();
        for (Element e : doc.select("[href], [src], [hx-get], [data-hx-get], form[action]")) {
            List<String> urls = new ArrayList<>();
            if (e.hasAttr("href")) {
                urls.add(e.absUrl("href"));
            }
            if (e.hasAttr("src")) {
                urls.add(e.absUrl("src"));
            }
            for (String hx : List.of("hx-get", "data-hx-get")) {
                if (e.hasAttr(hx)) {
                    urls.add(e.absUrl(hx));
                }
            }
            // A form is followed only when it GETs (a search, a filter); a POST is a write, never crawled.
            if (e.normalName().equals("form") && e.hasAttr("action")
                    && (e.attr("method").isBlank() || e.attr("method").equalsIgnoreCase("get"))) {
                urls.add(e.absUrl("action"));
            }
            for (String url : urls) {
                if (!url.isBlank()) {
                    try {
                        links.addAll(samePortal(URI.create(url), prefix));
                    } catch (IllegalArgumentException malformed) {
                        // Not a URL the portal made; nothing to follow.
                    }
                }
            }
        }
        return links;
    }

    private static Set<String> samePortal(URI uri, String prefix) {
        if (!"crawl".equals(uri.getHost()) || uri.getRawPath() == null || !uri.getRawPath().startsWith(prefix)) {
            return Set.of();
        }
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return NEVER.test(path) ? Set.of() : Set.of(path);
    }

    /**
     * The text to search in a response: the headers, then the body as UTF-8, then — for a PDF — the
     * text PDFBox extracts (a PDF's text is compressed in its bytes).
     */
    public static String text(Map<String, List<String>> headers, String contentType, byte[] body) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, values) -> text.append(name).append(": ").append(String.join(", ", values)).append('\n'));
        text.append('\n').append(new String(body, StandardCharsets.UTF_8));
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/pdf")
                || body.length > 4 && new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            text.append('\n').append(pdfText(body));
        }
        return text.toString();
    }

    /** The text of a PDF, or nothing when the bytes are not one (a test file named .pdf, say). */
    public static String pdfText(byte[] body) {
        try (PDDocument pdf = Loader.loadPDF(body)) {
            StringBuilder text = new StringBuilder(new PDFTextStripper().getText(pdf));
            var info = pdf.getDocumentInformation();
            if (info != null) {
                text.append('\n').append(info.getTitle()).append('\n').append(info.getSubject()).append('\n')
                        .append(info.getKeywords()).append('\n').append(info.getAuthor());
            }
            return text.toString();
        } catch (IOException notAPdf) {
            return "";
        }
    }

    /** Headers as a map, for {@link #text}. */
    public static Map<String, List<String>> headers(Iterable<String> names, java.util.function.Function<String, List<String>> values) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : names) {
            headers.put(name, values.apply(name));
        }
        return headers;
    }
}
