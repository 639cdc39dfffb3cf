package dev.foyer.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TOTP secrets at rest (ADR 008, issue 6 item 7): AES-256-GCM bound to the owning row, with a key
 * from FOYER_SECRET_KEY or a key file the first start creates readable by its owner only.
 */
class SecretBoxTest {

    static final String OWNER = "6f1c9a52-0d55-4a55-9a55-2b0f4f6a1e01";

    @Test
    void aSealedSecretOpensForItsOwnerAndNeverShowsThePlainText(@TempDir Path dir) {
        SecretBox box = SecretBox.of("", dir);
        String sealed = box.seal("JBSWY3DPEHPK3PXP", OWNER);
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.seal("JBSWY3DPEHPK3PXP", OWNER)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, OWNER)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void anotherRowAnotherKeyOrAChangedValueIsRefused(@TempDir Path dir) {
        SecretBox box = SecretBox.of("", dir);
        String sealed = box.seal("JBSWY3DPEHPK3PXP", OWNER);
        assertThatThrownBy(() -> box.open(sealed, "someone-else")).isInstanceOf(IllegalStateException.class);
        SecretBox other = SecretBox.of(Base64.getEncoder().encodeToString(new byte[32]), dir);
        assertThatThrownBy(() -> other.open(sealed, OWNER)).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open(tampered, OWNER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("JBSWY3DPEHPK3PXP", OWNER)).as("plain text is not accepted")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstStartCreatesAKeyFileForItsOwnerOnlyAndLaterStartsReuseIt(@TempDir Path dir) throws Exception {
        String sealed = SecretBox.of(null, dir).seal("secret", OWNER);
        Path file = dir.resolve(SecretBox.KEY_FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(SecretBox.of("  ", dir).open(sealed, OWNER)).as("the same key after a restart").isEqualTo("secret");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(SecretBox.KEY_FILE);
        }
    }

    @Test
    void aConfiguredKeyIsUsedInsteadOfTheFileAndABadOneStopsTheStart(@TempDir Path dir) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        SecretBox box = SecretBox.of(Base64.getEncoder().encodeToString(key), dir);
        assertThat(box.open(box.seal("secret", OWNER), OWNER)).isEqualTo("secret");
        assertThat(dir.resolve(SecretBox.KEY_FILE)).doesNotExist();
        assertThatThrownBy(() -> SecretBox.of("c2hvcnQ=", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of("not base64 at all!", dir)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theAccountTheWebLayerSeesHasNoPasswordHashAndNoSecret() {
        assertThat(Arrays.stream(PortalAccounts.Account.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(name -> name.contains("hash") || name.contains("secret") || name.contains("password"));
    }
}
