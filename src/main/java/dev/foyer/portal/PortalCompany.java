package dev.foyer.portal;

import java.util.UUID;

/** The portal user's own company as they see it (EXP-5); fields the user type hides are null (ACC-8). */
public record PortalCompany(UUID id, String name, String domain, String address, String phone, long version) {
}
