package dev.foyer.portal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The organization's sharing defaults as stored: which kinds start shared, and the row's version. */
public record SharingDefaultsView(Set<SharedItem> shared, long version, Instant updatedAt) {

    public SharingDefaultsView {
        shared = Collections.unmodifiableSet(shared.isEmpty() ? EnumSet.noneOf(SharedItem.class) : EnumSet.copyOf(shared));
    }

    public boolean sharedByDefault(SharedItem item) {
        return shared.contains(item);
    }
}
