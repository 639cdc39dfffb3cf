package dev.foyer.portal;

import java.util.UUID;

/** A portal user's "open a ticket" input, as posted: nothing in it is trusted (ACC-1, PRT-4). */
public record NewPortalTicket(UUID company, String subject, String description, String priority) {
}
