package dev.foyer.api;

/** The record does not exist (or the client may not see it, which answers the same): 404. */
public class ApiNotFoundException extends RuntimeException {

    public ApiNotFoundException(String record) {
        super("No such " + record);
    }
}
