package dev.foyer.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.foyer.portal.PortalModule.COMMENTS;
import static dev.foyer.portal.PortalModule.COMPANIES;
import static dev.foyer.portal.PortalModule.CONTACTS;
import static dev.foyer.portal.PortalModule.CONTRACTS;
import static dev.foyer.portal.PortalModule.DOCUMENTS;
import static dev.foyer.portal.PortalModule.EVENTS;
import static dev.foyer.portal.PortalModule.FILES;
import static dev.foyer.portal.PortalModule.INVOICES;
import static dev.foyer.portal.PortalModule.MILESTONES;
import static dev.foyer.portal.PortalModule.ORDERS;
import static dev.foyer.portal.PortalModule.PROJECTS;
import static dev.foyer.portal.PortalModule.QUOTES;
import static dev.foyer.portal.PortalModule.TASKS;
import static dev.foyer.portal.PortalModule.TICKETS;
import static dev.foyer.portal.PortalModule.UPDATES;

/**
 * The fields of each module that field rights govern (PRT-4). A mandatory field cannot be hidden
 * (it stays mandatory on portal forms); a field the portal never writes (numbers, totals, what
 * staff decide) cannot be made editable. A field without a stored right is read-only. Event
 * descriptions are not a field here: they are their own right on the user type (ACC-4).
 */
public enum PortalField {
    PROJECT_NAME(PROJECTS, "NAME", true, true),
    PROJECT_DESCRIPTION(PROJECTS, "DESCRIPTION", false, true),
    PROJECT_STATUS(PROJECTS, "STATUS", false, false),
    PROJECT_START_DATE(PROJECTS, "START_DATE", false, true),
    PROJECT_DUE_DATE(PROJECTS, "DUE_DATE", false, true),
    TASK_TITLE(TASKS, "TITLE", true, true),
    TASK_DESCRIPTION(TASKS, "DESCRIPTION", false, true),
    TASK_STATUS(TASKS, "STATUS", false, true),
    TASK_ASSIGNEE(TASKS, "ASSIGNEE", false, false),
    TASK_DUE_DATE(TASKS, "DUE_DATE", false, true),
    MILESTONE_TITLE(MILESTONES, "TITLE", true, true),
    MILESTONE_DUE_DATE(MILESTONES, "DUE_DATE", true, true),
    MILESTONE_DONE(MILESTONES, "DONE", false, true),
    UPDATE_TITLE(UPDATES, "TITLE", true, true),
    UPDATE_BODY(UPDATES, "BODY", true, true),
    DOCUMENT_TITLE(DOCUMENTS, "TITLE", true, true),
    DOCUMENT_BODY(DOCUMENTS, "BODY", false, true),
    EVENT_TITLE(EVENTS, "TITLE", true, true),
    EVENT_TIME(EVENTS, "TIME", true, true),
    FILE_NAME(FILES, "NAME", true, false),
    FILE_TYPE(FILES, "TYPE", false, false),
    FILE_SIZE(FILES, "SIZE", false, false),
    COMMENT_BODY(COMMENTS, "BODY", true, true),
    TICKET_SUBJECT(TICKETS, "SUBJECT", true, true),
    TICKET_DESCRIPTION(TICKETS, "DESCRIPTION", false, true),
    TICKET_PRIORITY(TICKETS, "PRIORITY", false, true),
    TICKET_STATUS(TICKETS, "STATUS", false, false),
    TICKET_ASSIGNEE(TICKETS, "ASSIGNEE", false, false),
    QUOTE_NUMBER(QUOTES, "NUMBER", true, false),
    QUOTE_TOTAL(QUOTES, "TOTAL", true, false),
    QUOTE_VALID_UNTIL(QUOTES, "VALID_UNTIL", false, false),
    QUOTE_TERMS(QUOTES, "TERMS", false, false),
    INVOICE_NUMBER(INVOICES, "NUMBER", true, false),
    INVOICE_TOTAL(INVOICES, "TOTAL", true, false),
    INVOICE_DUE_DATE(INVOICES, "DUE_DATE", false, false),
    INVOICE_TERMS(INVOICES, "TERMS", false, false),
    ORDER_NUMBER(ORDERS, "NUMBER", true, false),
    ORDER_TOTAL(ORDERS, "TOTAL", false, false),
    ORDER_DELIVERY_DATE(ORDERS, "DELIVERY_DATE", false, false),
    CONTRACT_NUMBER(CONTRACTS, "NUMBER", true, false),
    CONTRACT_START_DATE(CONTRACTS, "START_DATE", false, false),
    CONTRACT_END_DATE(CONTRACTS, "END_DATE", false, false),
    CONTRACT_TERMS(CONTRACTS, "TERMS", false, false),
    CONTACT_FIRST_NAME(CONTACTS, "FIRST_NAME", true, true),
    CONTACT_LAST_NAME(CONTACTS, "LAST_NAME", true, true),
    CONTACT_EMAIL(CONTACTS, "EMAIL", true, true),
    CONTACT_PHONE(CONTACTS, "PHONE", false, true),
    CONTACT_TITLE(CONTACTS, "TITLE", false, true),
    COMPANY_NAME(COMPANIES, "NAME", true, true),
    COMPANY_DOMAIN(COMPANIES, "DOMAIN", false, true),
    COMPANY_ADDRESS(COMPANIES, "ADDRESS", false, true),
    COMPANY_PHONE(COMPANIES, "PHONE", false, true);

    private final PortalModule module;
    private final String key;
    private final boolean mandatory;
    private final boolean editable;

    PortalField(PortalModule module, String key, boolean mandatory, boolean editable) {
        this.module = module;
        this.key = key;
        this.mandatory = mandatory;
        this.editable = editable;
    }

    public PortalModule module() {
        return module;
    }

    /** The field's name within its module, as stored in portal_field_right.field. */
    public String key() {
        return key;
    }

    /** Mandatory fields cannot be hidden (PRT-4). */
    public boolean mandatory() {
        return mandatory;
    }

    /** Whether portal users could ever write this field. */
    public boolean editable() {
        return editable;
    }

    /** The access a user type has until an admin sets another. */
    public FieldAccess defaultAccess() {
        return FieldAccess.READ_ONLY;
    }

    /** The accesses an admin may choose for this field. */
    public List<FieldAccess> choices() {
        return Arrays.stream(FieldAccess.values()).filter(this::permits).toList();
    }

    public boolean permits(FieldAccess access) {
        return switch (access) {
            case HIDDEN -> !mandatory;
            case READ_ONLY -> true;
            case EDITABLE -> editable;
        };
    }

    /** A stable id for forms and messages, e.g. {@code CONTACTS.EMAIL}. */
    public String code() {
        return module.name() + "." + key;
    }

    static List<PortalField> of(PortalModule module) {
        return Arrays.stream(values()).filter(f -> f.module == module).toList();
    }

    public static Optional<PortalField> of(PortalModule module, String key) {
        return Arrays.stream(values()).filter(f -> f.module == module && f.key.equals(key)).findFirst();
    }
}
