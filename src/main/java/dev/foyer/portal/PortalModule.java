package dev.foyer.portal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.foyer.portal.PortalAction.CLONE;
import static dev.foyer.portal.PortalAction.CREATE;
import static dev.foyer.portal.PortalAction.DELETE_OWN;
import static dev.foyer.portal.PortalAction.EDIT_OWN;
import static dev.foyer.portal.PortalAction.EDIT_SHARED;

/**
 * The modules a portal can show (PRT-3), each with the actions that make sense for it: financial
 * documents and notifications are only viewed (a quote is answered, not edited); files are added
 * and deleted; comments are written, edited and deleted by their authors.
 */
public enum PortalModule {
    PROJECTS(EnumSet.allOf(PortalAction.class)),
    TASKS(EnumSet.allOf(PortalAction.class)),
    MILESTONES(EnumSet.allOf(PortalAction.class)),
    UPDATES(EnumSet.allOf(PortalAction.class)),
    DOCUMENTS(EnumSet.allOf(PortalAction.class)),
    EVENTS(EnumSet.allOf(PortalAction.class)),
    FILES(EnumSet.of(CREATE, DELETE_OWN)),
    COMMENTS(EnumSet.of(CREATE, EDIT_OWN, DELETE_OWN)),
    TICKETS(EnumSet.allOf(PortalAction.class)),
    NOTIFICATIONS(EnumSet.noneOf(PortalAction.class)),
    QUOTES(EnumSet.noneOf(PortalAction.class)),
    INVOICES(EnumSet.noneOf(PortalAction.class)),
    ORDERS(EnumSet.noneOf(PortalAction.class)),
    CONTRACTS(EnumSet.noneOf(PortalAction.class)),
    CONTACTS(EnumSet.of(CREATE, EDIT_OWN, EDIT_SHARED, DELETE_OWN, CLONE)),
    COMPANIES(EnumSet.of(EDIT_OWN, EDIT_SHARED));

    private final Set<PortalAction> actions;

    PortalModule(Set<PortalAction> actions) {
        this.actions = Set.copyOf(actions);
    }

    /** The actions a user type can be granted in this module. */
    public Set<PortalAction> actions() {
        return actions;
    }

    public boolean allows(PortalAction action) {
        return actions.contains(action);
    }

    /** This module's fields (PRT-4), in the order forms show them. */
    public List<PortalField> fields() {
        return PortalField.of(this);
    }
}
