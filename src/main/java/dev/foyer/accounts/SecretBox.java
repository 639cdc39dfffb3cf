package dev.foyer.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest of small secrets (the portal users' TOTP secrets, ADR 008): AES-256-GCM with a
 * fresh 96-bit nonce per value and the owning row's id as associated data, so a ciphertext copied to
 * another row does not decrypt. Stored as {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}.
 *
 * <p>The key is {@code FOYER_SECRET_KEY} (base64 of 32 random bytes) or, without it, the file
 * {@code secret.key} in the data folder, created on first start readable by its owner only. Losing
 * the key turns every second factor off in effect (users sign in with a recovery code or a reset).
 */
final class SecretBox {

    static final String KEY_FILE = "secret.key";
    private static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The secret key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes, "
                    + "e.g. from `openssl rand -base64 32`), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The configured key if there is one, else the data folder's key file (created on first use). */
    static SecretBox of(String configuredKey, Path dataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new SecretBox(decodeKey(configuredKey.strip(), "FOYER_SECRET_KEY"));
        }
        return fromKeyFile(dataDir.resolve(KEY_FILE));
    }

    /**
     * Reads the key file, or creates it with a new random key and mode 600. Creation writes a
     * temporary file and hard-links it into place, so two nodes starting at once cannot end up with
     * different keys: the loser of the race reads the winner's.
     */
    static SecretBox fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[KEY_BYTES];
                RANDOM.nextBytes(fresh);
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
                try {
                    ownerOnly(temp);
                    Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                    Files.createLink(file, temp);
                    log.warn("Created a new secret key in {} (readable by its owner only). Back it up with the database: "
                            + "without it, second factors cannot be checked.", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // Another node created it first: use theirs.
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return new SecretBox(decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file.toAbsolutePath(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 (expected 32 random bytes, e.g. from `openssl rand -base64 32`)");
        }
    }

    /** Encrypts the value for the row named by {@code owner}. */
    String seal(String plain, String owner) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** Decrypts a value {@link #seal} made for the same owner; a wrong key, owner or a changed value is refused. */
    String open(String stored, String owner) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt: wrong key, or the value was changed", e);
        }
    }
}
