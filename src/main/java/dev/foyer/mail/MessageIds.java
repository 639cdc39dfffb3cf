package dev.foyer.mail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Message-IDs derived from idempotency keys: every attempt at one message carries the same
 * Message-ID, so a receiving server that de-duplicates by it drops the copy a crash between SMTP
 * send and "mark sent" would otherwise deliver twice (ADR 006).
 */
final class MessageIds {

    private MessageIds() {
    }

    /** {@code <foyer.<first 160 bits of SHA-256(key) in hex>@<host of the public base URL>>}. */
    static String of(String idempotencyKey, String publicBaseUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<foyer." + HexFormat.of().formatHex(digest, 0, 20) + "@" + domain(publicBaseUrl) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String domain(String publicBaseUrl) {
        try {
            String host = URI.create(publicBaseUrl).getHost();
            return host == null || host.isBlank() ? "foyer.invalid" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "foyer.invalid";
        }
    }
}
