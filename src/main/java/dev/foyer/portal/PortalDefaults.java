package dev.foyer.portal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The two user types every portal starts with (PRT-2, seed 000). Full access: projects (with
 * their milestones, updates and documents, which EXP-2 shows inside a project), tasks, events with
 * descriptions, files, comments, notifications, invoices, quotes, orders, contracts. Limited
 * access: projects, files, comments, notifications. Both may comment and upload; nobody edits
 * what staff wrote until an admin says so.
 */
final class PortalDefaults {

    static final String FULL_ACCESS = "Full access";
    static final String LIMITED_ACCESS = "Limited access";

    private PortalDefaults() {
    }

    static Rights fullAccess() {
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        for (PortalModule module : EnumSet.of(PortalModule.PROJECTS, PortalModule.TASKS, PortalModule.MILESTONES,
                PortalModule.UPDATES, PortalModule.DOCUMENTS, PortalModule.EVENTS, PortalModule.NOTIFICATIONS,
                PortalModule.INVOICES, PortalModule.QUOTES, PortalModule.ORDERS, PortalModule.CONTRACTS)) {
            modules.put(module, viewOnly(module));
        }
        addParticipation(modules);
        return new Rights(modules, Map.of(), true);
    }

    static Rights limitedAccess() {
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        modules.put(PortalModule.PROJECTS, viewOnly(PortalModule.PROJECTS));
        modules.put(PortalModule.NOTIFICATIONS, viewOnly(PortalModule.NOTIFICATIONS));
        addParticipation(modules);
        return new Rights(modules, Map.of(), false);
    }

    private static ModuleRight viewOnly(PortalModule module) {
        return ModuleRight.of(module, ViewScope.ACCOUNT, Set.of());
    }

    private static void addParticipation(Map<PortalModule, ModuleRight> modules) {
        modules.put(PortalModule.FILES, ModuleRight.of(PortalModule.FILES, ViewScope.ACCOUNT,
                EnumSet.of(PortalAction.CREATE, PortalAction.DELETE_OWN)));
        modules.put(PortalModule.COMMENTS, ModuleRight.of(PortalModule.COMMENTS, ViewScope.ACCOUNT,
                EnumSet.of(PortalAction.CREATE, PortalAction.EDIT_OWN, PortalAction.DELETE_OWN)));
    }
}
