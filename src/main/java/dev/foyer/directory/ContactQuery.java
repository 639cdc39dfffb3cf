package dev.foyer.directory;

/** Filters and order for a contacts list; any filter may be null. */
public record ContactQuery(String text, CompanyId company, Boolean consent, Boolean locked, Sort sort) {

    public enum Sort {
        NAME, RECENTLY_UPDATED
    }

    public ContactQuery {
        sort = sort == null ? Sort.NAME : sort;
    }

    public static ContactQuery ofCompany(CompanyId company) {
        return new ContactQuery(null, company, null, null, Sort.NAME);
    }
}
