package dev.foyer.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** All UI text comes from the message bundle: every key a template or the code uses must exist. */
class MessageBundleTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.]+)'\\s*\\+");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");

    private final Properties bundle = load("messages.properties");

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String template : read(TEMPLATES, ".html")) {
            Matcher matcher = STATIC_KEY.matcher(template);
            while (matcher.find()) {
                if (!bundle.containsKey(matcher.group(1))) {
                    missing.add(matcher.group(1));
                }
            }
            Matcher dynamic = DYNAMIC_KEY.matcher(template);
            while (dynamic.find()) {
                String prefix = dynamic.group(1);
                if (bundle.stringPropertyNames().stream().noneMatch(key -> key.startsWith(prefix))) {
                    missing.add(prefix + "*");
                }
            }
        }
        assertThat(missing).as("keys used in templates but missing from messages.properties").isEmpty();
    }

    @Test
    void everyMessageKeyTheCodeNamesExists() throws IOException {
        Set<String> prefixes = bundle.stringPropertyNames().stream().map(key -> key.substring(0, key.indexOf('.') + 1))
                .filter(prefix -> !prefix.isEmpty()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String source : read(SOURCES, ".java")) {
            Matcher matcher = JAVA_LITERAL.matcher(source);
            while (matcher.find()) {
                String literal = matcher.group(1);
                boolean looksLikeKey = prefixes.stream().anyMatch(literal::startsWith)
                        && !literal.startsWith("foyer.") && !literal.startsWith("spring.");
                if (looksLikeKey && !bundle.containsKey(literal)) {
                    missing.add(literal);
                }
            }
        }
        assertThat(missing).as("message keys named in Java but missing from messages.properties").isEmpty();
    }

    @Test
    void theStaffRolesAndTimeFormatsAllHaveLabels() {
        for (var role : dev.foyer.identity.StaffRole.values()) {
            assertThat(bundle).containsKey("staff.role." + role.name());
        }
        for (var format : dev.foyer.organization.TimeFormat.values()) {
            assertThat(bundle).containsKey("organization.timeFormat." + format.name());
        }
        for (var language : dev.foyer.organization.OrganizationProfile.LANGUAGES) {
            assertThat(bundle).containsKey("language." + language);
        }
    }

    /** A key defined twice silently takes its last text; after merges that hides a changed label. */
    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources"))) {
            for (Path file : bundles.filter(p -> p.getFileName().toString().matches("messages.*\\.properties")).toList()) {
                Set<Object> seen = new java.util.HashSet<>();
                Set<Object> twice = new TreeSet<>();
                Properties recording = new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        if (!seen.add(key)) {
                            twice.add(key);
                        }
                        return super.put(key, value);
                    }
                };
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    recording.load(reader);
                }
                assertThat(twice).as("keys defined twice in " + file.getFileName()).isEmpty();
            }
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    private static java.util.List<String> read(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
