package dev.foyer.portal;

import java.time.Instant;
import java.util.UUID;

/** A quote answer finance applied: the quote's number, the staff user who created it (or null) and when. */
public record QuoteAnswered(UUID quoteId, String number, UUID ownerStaffId, Instant answeredAt) {
}
