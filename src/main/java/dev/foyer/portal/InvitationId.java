package dev.foyer.portal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of one invitation (LIF-2); never the token, which is never stored. */
public record InvitationId(UUID value) implements TypedId, Serializable {

    public InvitationId {
        Objects.requireNonNull(value, "value");
    }

    static InvitationId newId() {
        return new InvitationId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
