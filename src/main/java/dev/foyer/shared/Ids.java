package dev.foyer.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** New record ids: time-ordered (UUID version 7), so indexes on them stay compact. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = Instant.now().toEpochMilli();
        long randomA = RANDOM.nextLong();
        long randomB = RANDOM.nextLong();
        long high = (millis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long low = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
