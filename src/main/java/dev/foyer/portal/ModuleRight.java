package dev.foyer.portal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.relational.core.mapping.Table;

/** PRT-3: what one user type sees and does in one module; part of the user type. */
@Table("portal_module_right")
public record ModuleRight(PortalModule module, ViewScope viewScope, boolean canCreate, boolean canEditOwn,
                          boolean canEditShared, boolean canDeleteOwn, boolean canClone) {

    public static ModuleRight none(PortalModule module) {
        return new ModuleRight(module, ViewScope.NONE, false, false, false, false, false);
    }

    public static ModuleRight of(PortalModule module, ViewScope scope, Set<PortalAction> actions) {
        return new ModuleRight(module, scope, actions.contains(PortalAction.CREATE),
                actions.contains(PortalAction.EDIT_OWN), actions.contains(PortalAction.EDIT_SHARED),
                actions.contains(PortalAction.DELETE_OWN), actions.contains(PortalAction.CLONE));
    }

    public boolean allows(PortalAction action) {
        return switch (action) {
            case CREATE -> canCreate;
            case EDIT_OWN -> canEditOwn;
            case EDIT_SHARED -> canEditShared;
            case DELETE_OWN -> canDeleteOwn;
            case CLONE -> canClone;
        };
    }

    public Set<PortalAction> actions() {
        Set<PortalAction> granted = EnumSet.noneOf(PortalAction.class);
        for (PortalAction action : PortalAction.values()) {
            if (allows(action)) {
                granted.add(action);
            }
        }
        return granted;
    }

    public boolean grantsView() {
        return viewScope != ViewScope.NONE;
    }

    /** How the history shows this right, e.g. {@code ACCOUNT + CREATE, EDIT_OWN}. */
    String summary() {
        Set<PortalAction> granted = actions();
        return granted.isEmpty() ? viewScope.name()
                : viewScope.name() + " + " + String.join(", ", granted.stream().map(Enum::name).toList());
    }
}
