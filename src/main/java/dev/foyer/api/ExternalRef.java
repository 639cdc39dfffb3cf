package dev.foyer.api;

import java.util.Objects;

/**
 * The id a record has in the system it is synced from (a CRM or ERP), unique per record type, so
 * a sync can upsert with {@code PUT /api/v1/{type}/by-external-ref/{ref}}. 1 to
 * {@value #MAX_LENGTH} characters, none of them a control character, without leading or trailing
 * white space; compared exactly (case-sensitive). See docs/api.md.
 */
public record ExternalRef(String value) {

    public static final int MAX_LENGTH = 200;
    public static final String FIELD = "externalRef";

    public ExternalRef {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidApiRequestException(FIELD, problem);
        }
    }

    /** The value of a reference a request must name (a path segment or the ref parameter); 400 when absent. */
    public static String required(String value) {
        if (value == null) {
            throw new InvalidApiRequestException(FIELD, "is required");
        }
        return new ExternalRef(value).value();
    }

    /** An external ref, or null for a null or empty value (a record need not have one). */
    public static ExternalRef ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new ExternalRef(value);
    }

    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    private static String problem(String value) {
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            return "must have 1 to " + MAX_LENGTH + " characters";
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED)) {
            return "must consist of printable characters";
        }
        if (!value.equals(value.strip())) {
            return "must not start or end with white space";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
