package dev.foyer.projects;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffUserId;

/** Filters and order for the projects list; any filter may be null. */
public record ProjectQuery(String text, CompanyId company, ProjectStatus status, StaffUserId staffMember, Sort sort) {

    public enum Sort {
        NAME, DUE_DATE, RECENTLY_UPDATED
    }

    public ProjectQuery {
        sort = sort == null ? Sort.NAME : sort;
    }

    public static ProjectQuery ofCompany(CompanyId company) {
        return new ProjectQuery(null, company, null, null, Sort.NAME);
    }
}
