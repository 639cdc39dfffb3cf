package dev.foyer.portal;

import java.util.UUID;

/** A ticket as a portal user sees it (EXP-3); hidden fields are null (ACC-8). */
public record PortalTicket(UUID id, long number, String subject, String description, String status,
                           String priority) {
}
