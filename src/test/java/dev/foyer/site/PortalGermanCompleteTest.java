package dev.foyer.site;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 item 11: every text a portal user can meet has a German translation. Scans the portal's
 * pages — the templates under {@code site/} and {@code accounts/}, the e-mails to portal users
 * ({@code mail/portal-*}) and every template they include ({@code ~{name :: fragment}}, followed
 * transitively, e.g. the portal layout and the pager) — for message keys ({@code #{key}}, and
 * {@code #{'prefix.' + …}} meaning every key with that prefix), adds the keys the Java code of the
 * portal-facing modules names ({@code site}, {@code accounts}, the password policy, the contact
 * checks whose messages the profile shows, and the checks behind the record forms), and fails for each one without a German value. Keys
 * other helpers add to portal pages later are held to it too.
 */
class PortalGermanCompleteTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path SOURCES = Path.of("src/main/java/dev/foyer");
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.]+)'\\s*\\+");
    private static final Pattern INCLUDE = Pattern.compile("~\\{\\s*([a-z0-9_\\-/]+)\\s*::");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    /** Java of the portal-facing modules, and the checks elsewhere whose messages portal pages show. */
    private static final List<Path> JAVA = List.of(SOURCES.resolve("site"), SOURCES.resolve("accounts"),
            SOURCES.resolve("identity/PasswordPolicy.java"), SOURCES.resolve("portal/PortalContactProfile.java"),
            SOURCES.resolve("directory/ContactDetails.java"), SOURCES.resolve("directory/CompanyDetails.java"),
            // The checks behind the portal's record forms (EXP-5), whose refusals the forms show.
            SOURCES.resolve("portal/PortalRecordWrites.java"), SOURCES.resolve("portal/PortalProjectWrites.java"),
            SOURCES.resolve("portal/PortalTicketWrites.java"), SOURCES.resolve("portal/PortalInteractions.java"),
            SOURCES.resolve("projects/ProjectDetails.java"), SOURCES.resolve("projects/TaskDetails.java"),
            SOURCES.resolve("projects/MilestoneDetails.java"), SOURCES.resolve("projects/UpdateDetails.java"),
            SOURCES.resolve("projects/DocumentDetails.java"), SOURCES.resolve("projects/EventDetails.java"),
            SOURCES.resolve("projects/CommentDetails.java"), SOURCES.resolve("projects/ProjectPortalTasks.java"),
            SOURCES.resolve("projects/ProjectPortalItems.java"), SOURCES.resolve("tickets/TicketDetails.java"),
            SOURCES.resolve("files/PortalUploads.java"));

    private final Properties english = load("messages.properties");
    private final Properties german = load("messages_de.properties");

    @Test
    void everyMessageKeyOfThePortalsPagesAndEmailsHasAGermanText() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path template : portalTemplates()) {
            String text = Files.readString(template);
            Matcher key = STATIC_KEY.matcher(text);
            while (key.find()) {
                keys.add(key.group(1));
            }
            Matcher prefix = DYNAMIC_KEY.matcher(text);
            while (prefix.find()) {
                String start = prefix.group(1);
                english.stringPropertyNames().stream().filter(k -> k.startsWith(start)).forEach(keys::add);
            }
        }
        for (Path root : JAVA) {
            for (Path source : files(root, ".java")) {
                Matcher literal = JAVA_LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    if (english.containsKey(literal.group(1))) {
                        keys.add(literal.group(1));
                    }
                }
            }
        }
        assertThat(keys).as("the scan finds the portal's keys").contains("site.nav.home", "portal.profile.title",
                "mail.invitation.subject", "password.tooShort");
        Set<String> untranslated = new TreeSet<>();
        for (String key : keys) {
            String value = german.getProperty(key);
            if (value == null || value.isBlank()) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("portal message keys without a German text in messages_de.properties").isEmpty();
    }

    @Test
    void everyGermanKeyExistsInEnglishSoNoTranslationIsOrphaned() {
        Set<String> orphaned = new TreeSet<>(german.stringPropertyNames());
        orphaned.removeAll(english.stringPropertyNames());
        assertThat(orphaned).as("keys in messages_de.properties that messages.properties lacks").isEmpty();
    }

    /** The portal's pages and e-mails, and every template they include, transitively. */
    private static Set<Path> portalTemplates() throws IOException {
        Deque<Path> pending = new ArrayDeque<>();
        pending.addAll(files(TEMPLATES.resolve("site"), ".html"));
        pending.addAll(files(TEMPLATES.resolve("accounts"), ".html"));
        pending.addAll(files(TEMPLATES.resolve("mail"), "").stream()
                .filter(p -> p.getFileName().toString().startsWith("portal-")).toList());
        Set<Path> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Path template = pending.pop();
            if (!seen.add(template)) {
                continue;
            }
            Matcher include = INCLUDE.matcher(Files.readString(template));
            while (include.find()) {
                Path included = TEMPLATES.resolve(include.group(1) + ".html");
                if (Files.exists(included)) {
                    pending.add(included);
                }
            }
        }
        assertThat(seen).as("the portal layout is among the scanned templates")
                .contains(TEMPLATES.resolve("portal/layout.html"));
        return seen;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
