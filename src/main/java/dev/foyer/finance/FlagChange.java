package dev.foyer.finance;

import java.time.Instant;

/** One entry of an order's flag history: which flag (null: cleared), whether customers see it, who, when. */
public record FlagChange(OrderFlagId flagId, String flagName, boolean customerFlag, String setBy, Instant setAt) {
}
