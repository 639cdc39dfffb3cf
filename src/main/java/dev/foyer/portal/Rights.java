package dev.foyer.portal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user type's complete rights: one {@link ModuleRight} per module (PRT-3), one access per field
 * (PRT-4) and whether events show their descriptions (ACC-4). Valid by construction: refused input
 * names each bad control as a form field ({@code view-TICKETS}, {@code CREATE-FILES},
 * {@code field-CONTACTS-EMAIL}) with a message key, and nothing is changed.
 */
public record Rights(Map<PortalModule, ModuleRight> modules, Map<PortalField, FieldAccess> fields,
                     boolean eventDescriptions) {

    public Rights {
        modules = Collections.unmodifiableMap(new EnumMap<>(complete(modules)));
        fields = Collections.unmodifiableMap(new EnumMap<>(completeFields(fields)));
        Problems problems = new Problems();
        for (ModuleRight right : modules.values()) {
            PortalModule module = right.module();
            for (PortalAction action : right.actions()) {
                if (!module.allows(action)) {
                    problems.add(actionField(action, module), "portal.rights.error.notApplicable");
                }
            }
            if (!right.grantsView() && !right.actions().isEmpty()) {
                problems.add(viewField(module), "portal.rights.error.actionWithoutView");
            }
            if (right.canClone() && !right.canCreate()) {
                problems.add(actionField(PortalAction.CLONE, module), "portal.rights.error.cloneNeedsCreate");
            }
        }
        for (var entry : fields.entrySet()) {
            PortalField field = entry.getKey();
            if (!field.permits(entry.getValue())) {
                problems.add(fieldField(field), entry.getValue() == FieldAccess.HIDDEN
                        ? "portal.rights.error.mandatoryHidden" : "portal.rights.error.notEditable");
            }
        }
        problems.throwIfAny();
    }

    /** Nothing granted: what a new user type starts with (deny by default). */
    public static Rights none() {
        return new Rights(Map.of(), Map.of(), false);
    }

    public ModuleRight of(PortalModule module) {
        return modules.get(module);
    }

    public FieldAccess of(PortalField field) {
        return fields.get(field);
    }

    public static String viewField(PortalModule module) {
        return "view-" + module.name();
    }

    public static String actionField(PortalAction action, PortalModule module) {
        return action.name() + "-" + module.name();
    }

    public static String fieldField(PortalField field) {
        return "field-" + field.module().name() + "-" + field.key();
    }

    /** How the history shows these rights: one entry per module and per field that differs from its default. */
    Map<String, String> snapshot() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("eventDescriptions", String.valueOf(eventDescriptions));
        modules.values().forEach(right -> shown.put("rights." + right.module().name(), right.summary()));
        fields.forEach((field, access) -> shown.put("fieldRight." + field.code(),
                access == field.defaultAccess() ? null : access.name()));
        return shown;
    }

    private static Map<PortalModule, ModuleRight> complete(Map<PortalModule, ModuleRight> given) {
        Map<PortalModule, ModuleRight> all = new EnumMap<>(PortalModule.class);
        for (PortalModule module : PortalModule.values()) {
            ModuleRight right = given == null ? null : given.get(module);
            all.put(module, right == null ? ModuleRight.none(module) : right);
        }
        return all;
    }

    private static Map<PortalField, FieldAccess> completeFields(Map<PortalField, FieldAccess> given) {
        Map<PortalField, FieldAccess> all = new EnumMap<>(PortalField.class);
        for (PortalField field : PortalField.values()) {
            FieldAccess access = given == null ? null : given.get(field);
            all.put(field, access == null ? field.defaultAccess() : access);
        }
        return all;
    }
}
