package dev.foyer.api;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * API token secrets: {@code foyer_} followed by 32 random bytes from {@link SecureRandom} written in
 * base62 (43 characters, so a double click selects all of it), and their SHA-256 hashes.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "foyer_";
    /** Characters of a secret shown in lists: {@code foyer_} and the first 8 random characters. */
    static final int DISPLAY_LENGTH = PREFIX.length() + 8;
    private static final int RANDOM_BYTES = 32;
    private static final int ENCODED_LENGTH = 43;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile("foyer_[0-9A-Za-z]{" + ENCODED_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        BigInteger number = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(ALPHABET.length());
        char[] encoded = new char[ENCODED_LENGTH];
        for (int i = ENCODED_LENGTH - 1; i >= 0; i--) {
            BigInteger[] divided = number.divideAndRemainder(base);
            encoded[i] = ALPHABET.charAt(divided[1].intValue());
            number = divided[0];
        }
        return PREFIX + new String(encoded);
    }

    /** Whether a presented value can be a secret at all; anything else is refused without a lookup. */
    static boolean looksLikeSecret(String value) {
        return value != null && value.length() == PREFIX.length() + ENCODED_LENGTH && FORMAT.matcher(value).matches();
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_LENGTH);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
