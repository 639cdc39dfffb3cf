package dev.foyer.directory;

import java.time.Instant;

/** One row of a contacts list. */
public record ContactSummary(ContactId id, String firstName, String lastName, String email, String title,
                             CompanyId companyId, String companyName, boolean consent, boolean locked,
                             Instant updatedAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
