package dev.foyer.finance;

import java.time.Instant;

import dev.foyer.identity.StaffUserId;

/** An internal task of an order (seed 001): never shown to customers (ACC-6). */
public record OrderTask(OrderTaskId id, FinanceDocumentId orderId, String title, boolean done, StaffUserId assigneeId,
                        String assigneeName, long version, Instant createdAt, Instant updatedAt) {

    public static final int TITLE_MAX = 200;
}
