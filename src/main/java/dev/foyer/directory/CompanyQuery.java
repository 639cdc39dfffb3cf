package dev.foyer.directory;

/** Filters and order for the companies list; any filter may be null. */
public record CompanyQuery(String text, ConsolidatedAccountId consolidatedAccount, Sort sort) {

    public enum Sort {
        NAME, RECENTLY_UPDATED
    }

    public CompanyQuery {
        sort = sort == null ? Sort.NAME : sort;
    }
}
