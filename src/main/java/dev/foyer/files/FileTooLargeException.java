package dev.foyer.files;

/** Content grew past the size limit while it was being stored; nothing was kept. */
public class FileTooLargeException extends java.io.IOException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("Content exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
