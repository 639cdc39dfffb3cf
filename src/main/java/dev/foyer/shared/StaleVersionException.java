package dev.foyer.shared;

/** An edit was based on a version of a record that someone else has changed since. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String record) {
        super("Stale version of " + record);
    }
}
