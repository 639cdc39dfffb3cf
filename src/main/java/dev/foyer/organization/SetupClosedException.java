package dev.foyer.organization;

/** Setup was attempted after it had completed, or with a wrong token. */
public class SetupClosedException extends RuntimeException {

    public SetupClosedException(String message) {
        super(message);
    }
}
