package dev.foyer.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an update or delete is based on: the {@code version} field of the request body, or
 * the {@code If-Match: "<version>"} header (the {@code ETag} of a single-record GET). If both are
 * given they must agree. A stale version gets 409 (the service throws
 * {@link dev.foyer.shared.StaleVersionException}).
 */
public final class ExpectedVersion {

    public static final String FIELD = "version";
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private ExpectedVersion() {
    }

    /** The expected version; 400 when neither is given, the header is malformed, or they differ. */
    public static long of(Long bodyVersion, String ifMatch) {
        Long header = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            Matcher matcher = ETAG.matcher(ifMatch.strip());
            if (!matcher.matches()) {
                throw new InvalidApiRequestException("If-Match", "must be a version in quotes, e.g. \"3\"");
            }
            header = Long.parseLong(matcher.group(1));
        }
        if (bodyVersion != null && header != null && !bodyVersion.equals(header)) {
            throw new InvalidApiRequestException(FIELD, "differs from the If-Match header");
        }
        Long version = bodyVersion != null ? bodyVersion : header;
        if (version == null) {
            throw new InvalidApiRequestException(FIELD, "is required (or send If-Match)");
        }
        if (version < 0) {
            throw new InvalidApiRequestException(FIELD, "must be 0 or more");
        }
        return version;
    }

    /** The ETag header value of a record at this version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
