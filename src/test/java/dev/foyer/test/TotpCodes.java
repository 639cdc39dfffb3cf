package dev.foyer.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits) computed in tests, written apart from the
 * production code so a shared mistake cannot make both agree.
 */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The code an authenticator app shows at the clock's current time. */
    public static String now(String base32Secret, Clock clock) {
        return code(base32Secret, clock.instant().getEpochSecond() / 30);
    }

    public static String code(String base32Secret, long step) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        long buffer = 0;
        int bits = 0;
        for (char c : base32Secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((int) ((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int v = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", v % 1000000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
