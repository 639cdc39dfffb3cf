package dev.foyer.shared;

import java.util.UUID;

/** An identifier that names the kind of record it points to, so ids of different kinds never mix. */
public interface TypedId {

    UUID value();
}
