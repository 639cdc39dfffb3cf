package dev.foyer.finance;

import java.time.Instant;

/**
 * A status flag an order can carry (seed 001): admins keep the list; a customer flag is one the
 * customer may see on the portal (ACC-6), any other stays internal. Inactive flags are no longer
 * offered but stay on the orders and in the histories that name them.
 */
public record OrderFlag(OrderFlagId id, String name, boolean customerFlag, boolean active, long version,
                        Instant updatedAt) {

    public static final int NAME_MAX = 100;
}
