package dev.foyer.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The template language of ADR 005: HTML with mustache-like placeholders, evaluated over a tree
 * of maps, lists and strings that {@link PrintModel} builds from a {@link PrintableDocument} — no
 * reflection, no method calls, no expressions, so a template can show exactly the document's
 * fields and nothing else, and cannot run code.
 *
 * <ul>
 * <li>{@code {{customer.name}}} prints a value, always HTML-escaped;</li>
 * <li>{@code {{#lines}}…{{/lines}}} repeats for every item of a list (inside, the item's fields are
 * named directly, e.g. {@code {{description}}}, and {@code {{.}}} is the item itself), or shows its
 * content once when a value is present and not empty / true;</li>
 * <li>{@code {{^taxes}}…{{/taxes}}} shows its content when the value is absent, empty or false;</li>
 * <li>{@code {{! a comment }}} prints nothing.</li>
 * </ul>
 * There is no unescaped output: {@code {{{…}}}} is a syntax error.
 */
final class Placeholders {

    static final int MAX_DEPTH = 20;
    private static final Pattern NAME = Pattern.compile("\\.|[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    sealed interface Node permits Text, Value, Section {
    }

    record Text(String text) implements Node {
    }

    record Value(String name, int line, int column) implements Node {
    }

    record Section(String name, boolean inverted, List<Node> children, int line, int column) implements Node {
    }

    /** A syntax or name error at a place in the template (line and column from 1). */
    static final class TemplateError extends RuntimeException {
        final String messageKey;
        final int line;
        final int column;
        final String name;

        TemplateError(String messageKey, int line, int column, String name) {
            super(messageKey + " at " + line + ":" + column + (name == null ? "" : " (" + name + ")"));
            this.messageKey = messageKey;
            this.line = line;
            this.column = column;
            this.name = name;
        }
    }

    private final List<Node> nodes;

    private Placeholders(List<Node> nodes) {
        this.nodes = nodes;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Parses a template; a syntax error is reported with its line and column. */
    static Placeholders parse(String template) {
        String text = template == null ? "" : template;
        Deque<Section> open = new ArrayDeque<>();
        Deque<List<Node>> targets = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        targets.push(root);
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf("{{", at);
            if (start < 0) {
                targets.peek().add(new Text(text.substring(at)));
                break;
            }
            if (start > at) {
                targets.peek().add(new Text(text.substring(at, start)));
            }
            int line = lineOf(text, start);
            int column = columnOf(text, start);
            if (text.startsWith("{{{", start)) {
                throw new TemplateError("pdfTemplates.syntax.triple", line, column, null);
            }
            int end = text.indexOf("}}", start + 2);
            // A placeholder sits on one line; running into the next "{{" or line means this one was never closed.
            int nextOpen = text.indexOf("{{", start + 2);
            int nextLine = text.indexOf('\n', start + 2);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end) || (nextLine >= 0 && nextLine < end && !text.startsWith("{{!", start))) {
                throw new TemplateError("pdfTemplates.syntax.unclosedTag", line, column, null);
            }
            String tag = text.substring(start + 2, end).strip();
            at = end + 2;
            if (tag.startsWith("!")) {
                continue;
            }
            char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
            String name = (sigil == '#' || sigil == '^' || sigil == '/') ? tag.substring(1).strip() : tag;
            if (!NAME.matcher(name).matches()) {
                throw new TemplateError("pdfTemplates.syntax.badName", line, column, shorten(tag));
            }
            switch (sigil) {
                case '#', '^' -> {
                    if (name.equals(".")) {
                        throw new TemplateError("pdfTemplates.syntax.badName", line, column, shorten(tag));
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new TemplateError("pdfTemplates.syntax.tooDeep", line, column, name);
                    }
                    Section section = new Section(name, sigil == '^', new ArrayList<>(), line, column);
                    targets.peek().add(section);
                    open.push(section);
                    targets.push(section.children());
                }
                case '/' -> {
                    if (open.isEmpty()) {
                        throw new TemplateError("pdfTemplates.syntax.unexpectedClose", line, column, name);
                    }
                    if (!open.peek().name().equals(name)) {
                        throw new TemplateError("pdfTemplates.syntax.wrongClose", line, column, open.peek().name());
                    }
                    open.pop();
                    targets.pop();
                }
                default -> targets.peek().add(new Value(name, line, column));
            }
        }
        if (!open.isEmpty()) {
            Section unclosed = open.peek();
            throw new TemplateError("pdfTemplates.syntax.unclosedSection", unclosed.line(), unclosed.column(),
                    unclosed.name());
        }
        return new Placeholders(root);
    }

    /**
     * Checks every name against a model whose lists hold at least one item of each shape (the
     * sample document): an unknown name, or a list or group printed as a value, is an error.
     */
    void check(Map<String, Object> fullModel) {
        Deque<Object> scopes = new ArrayDeque<>();
        scopes.push(fullModel);
        check(nodes, scopes);
    }

    private static void check(List<Node> nodes, Deque<Object> scopes) {
        for (Node node : nodes) {
            switch (node) {
                case Text ignored -> {
                }
                case Value value -> {
                    Object found = resolve(value.name(), scopes);
                    if (found == MISSING) {
                        throw new TemplateError("pdfTemplates.syntax.unknownName", value.line(), value.column(), value.name());
                    }
                    if (found instanceof List<?> || found instanceof Map<?, ?>) {
                        throw new TemplateError("pdfTemplates.syntax.notAValue", value.line(), value.column(), value.name());
                    }
                }
                case Section section -> {
                    Object found = resolve(section.name(), scopes);
                    if (found == MISSING) {
                        throw new TemplateError("pdfTemplates.syntax.unknownName", section.line(), section.column(),
                                section.name());
                    }
                    Object inner = found instanceof List<?> list ? (list.isEmpty() ? Map.of() : list.get(0)) : found;
                    scopes.push(inner == null ? "" : inner);
                    check(section.children(), scopes);
                    scopes.pop();
                }
            }
        }
    }

    /** Prints the template over the model, escaping every value for HTML. */
    String render(Map<String, Object> model) {
        StringBuilder out = new StringBuilder();
        Deque<Object> scopes = new ArrayDeque<>();
        scopes.push(model);
        render(nodes, scopes, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Deque<Object> scopes, StringBuilder out) {
        for (Node node : nodes) {
            switch (node) {
                case Text text -> out.append(text.text());
                case Value value -> {
                    Object found = resolve(value.name(), scopes);
                    if (found instanceof String string) {
                        escape(string, out);
                    }
                }
                case Section section -> {
                    Object found = resolve(section.name(), scopes);
                    boolean truthy = truthy(found);
                    if (section.inverted()) {
                        if (!truthy) {
                            render(section.children(), scopes, out);
                        }
                    } else if (found instanceof List<?> list) {
                        for (Object item : list) {
                            scopes.push(item);
                            render(section.children(), scopes, out);
                            scopes.pop();
                        }
                    } else if (truthy) {
                        scopes.push(found);
                        render(section.children(), scopes, out);
                        scopes.pop();
                    }
                }
            }
        }
    }

    private static final Object MISSING = new Object();

    /** The innermost scope whose map has the first part of the name, then down through maps. */
    private static Object resolve(String name, Deque<Object> scopes) {
        if (name.equals(".")) {
            return scopes.peek();
        }
        String[] parts = name.split("\\.");
        for (Object scope : scopes) {
            if (scope instanceof Map<?, ?> map && map.containsKey(parts[0])) {
                Object current = map.get(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    if (current instanceof Map<?, ?> inner && inner.containsKey(parts[i])) {
                        current = inner.get(parts[i]);
                    } else {
                        return MISSING;
                    }
                }
                return current;
            }
        }
        return MISSING;
    }

    private static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            default -> value != MISSING;
        };
    }

    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static String shorten(String tag) {
        return tag.length() > 40 ? tag.substring(0, 40) + "\u2026" : tag;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int index) {
        return index - text.lastIndexOf('\n', index - 1);
    }
}
