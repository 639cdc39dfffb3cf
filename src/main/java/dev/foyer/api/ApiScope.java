package dev.foyer.api;

/** What an API token may do: read only (GET, HEAD), or read and write (every method). */
public enum ApiScope {
    READ,
    READ_WRITE;

    public boolean canWrite() {
        return this == READ_WRITE;
    }
}
