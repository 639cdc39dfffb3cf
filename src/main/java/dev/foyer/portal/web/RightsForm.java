package dev.foyer.portal.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.ViewScope;
import org.springframework.util.MultiValueMap;

/**
 * The rights screen of a user type as typed: its name, one view scope and set of actions per
 * module, one access per field, and event descriptions. Control names are the ids the portal
 * module uses for problems ({@code view-TICKETS}, {@code CREATE-TICKETS}, {@code field-CONTACTS-EMAIL}),
 * so each message lands next to its control. A checkbox that is not ticked sends nothing.
 */
final class RightsForm {

    private final String name;
    private final long version;
    private final Map<PortalModule, String> views = new EnumMap<>(PortalModule.class);
    private final Map<PortalModule, Set<PortalAction>> actions = new EnumMap<>(PortalModule.class);
    private final Map<PortalField, String> fields = new EnumMap<>(PortalField.class);
    private final boolean eventDescriptions;

    private RightsForm(String name, long version, boolean eventDescriptions) {
        this.name = name;
        this.version = version;
        this.eventDescriptions = eventDescriptions;
    }

    static RightsForm of(UserType type) {
        Rights rights = type.rights();
        RightsForm form = new RightsForm(type.name(), type.version(), rights.eventDescriptions());
        for (PortalModule module : PortalModule.values()) {
            ModuleRight right = rights.of(module);
            form.views.put(module, right.viewScope().name());
            form.actions.put(module, right.actions());
        }
        rights.fields().forEach((field, access) -> form.fields.put(field, access.name()));
        return form;
    }

    static RightsForm from(MultiValueMap<String, String> params) {
        long version;
        try {
            version = Long.parseLong(params.getFirst("version"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        RightsForm form = new RightsForm(params.getFirst("name"), version,
                "true".equals(params.getFirst("eventDescriptions")));
        for (PortalModule module : PortalModule.values()) {
            form.views.put(module, params.getFirst(Rights.viewField(module)));
            Set<PortalAction> granted = EnumSet.noneOf(PortalAction.class);
            for (PortalAction action : PortalAction.values()) {
                if ("true".equals(params.getFirst(Rights.actionField(action, module)))) {
                    granted.add(action);
                }
            }
            form.actions.put(module, granted);
        }
        for (PortalField field : PortalField.values()) {
            form.fields.put(field, params.getFirst(Rights.fieldField(field)));
        }
        return form;
    }

    /** The rights this form describes; every problem at once, keyed by control name. */
    Rights rights() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", "portal.userType.error.name");
        }
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        for (PortalModule module : PortalModule.values()) {
            ViewScope scope = parse(ViewScope.class, views.get(module));
            if (scope == null) {
                problems.put(Rights.viewField(module), "portal.rights.error.view");
                scope = ViewScope.NONE;
            }
            modules.put(module, ModuleRight.of(module, scope, actions.get(module)));
        }
        Map<PortalField, FieldAccess> accesses = new EnumMap<>(PortalField.class);
        for (PortalField field : PortalField.values()) {
            FieldAccess access = parse(FieldAccess.class, fields.get(field));
            if (access == null) {
                problems.put(Rights.fieldField(field), "portal.rights.error.access");
            } else {
                accesses.put(field, access);
            }
        }
        Rights rights = null;
        try {
            rights = new Rights(modules, accesses, eventDescriptions);
        } catch (PortalException e) {
            e.problems().forEach(problems::putIfAbsent);
        }
        if (!problems.isEmpty()) {
            throw new PortalException(problems);
        }
        return rights;
    }

    public String getName() {
        return name;
    }

    public long getVersion() {
        return version;
    }

    public boolean isEventDescriptions() {
        return eventDescriptions;
    }

    public String view(PortalModule module) {
        return views.get(module);
    }

    public boolean granted(PortalAction action, PortalModule module) {
        return actions.getOrDefault(module, Set.of()).contains(action);
    }

    public String access(PortalField field) {
        return fields.get(field);
    }

    RightsForm withVersion(long newVersion) {
        RightsForm copy = new RightsForm(name, newVersion, eventDescriptions);
        copy.views.putAll(views);
        copy.actions.putAll(actions);
        copy.fields.putAll(fields);
        return copy;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
