package dev.foyer.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one user type sees the fields of one module (PRT-4), for forms and lists: hidden (never
 * rendered, never a list column, never taken from a post), read-only (shown as text, never taken
 * from a post) or editable. The browser is never trusted: {@link #merge} decides every stored value
 * from the access, whatever was posted. Mandatory fields stay mandatory: they cannot be hidden
 * ({@link Rights}), and a new record takes them from the form even when they are read-only, since a
 * record cannot exist without them; once it exists, a read-only mandatory field keeps its value.
 */
public record FieldMask(PortalModule module, Map<PortalField, FieldAccess> access) {

    public FieldMask {
        Map<PortalField, FieldAccess> all = new EnumMap<>(PortalField.class);
        for (PortalField field : module.fields()) {
            FieldAccess given = access == null ? null : access.get(field);
            all.put(field, given == null ? FieldAccess.HIDDEN : given);
        }
        access = Collections.unmodifiableMap(all);
    }

    /** The user type's access to the module's fields. */
    static FieldMask of(Rights rights, PortalModule module) {
        Map<PortalField, FieldAccess> access = new EnumMap<>(PortalField.class);
        module.fields().forEach(field -> access.put(field, rights.of(field)));
        return new FieldMask(module, access);
    }

    /** What an inactive or unknown viewer gets: nothing shown (fail closed). */
    public static FieldMask nothing(PortalModule module) {
        return new FieldMask(module, Map.of());
    }

    public FieldAccess of(PortalField field) {
        FieldAccess found = access.get(field);
        return found == null ? FieldAccess.HIDDEN : found;
    }

    public boolean hidden(PortalField field) {
        return of(field) == FieldAccess.HIDDEN;
    }

    public boolean shown(PortalField field) {
        return !hidden(field);
    }

    /** For templates: whether the module's field with this key (e.g. {@code EMAIL}) is shown. */
    public boolean shows(String key) {
        return PortalField.of(module, key).map(this::shown).orElse(false);
    }

    public boolean editable(PortalField field) {
        return of(field) == FieldAccess.EDITABLE;
    }

    /** Whether a new record takes this field from the form: editable, or mandatory (PRT-4). */
    public boolean writableOnCreate(PortalField field) {
        return editable(field) || (field.mandatory() && shown(field));
    }

    /** The module's fields the user sees, in form order; list columns and form rows come from these. */
    public List<PortalField> shownFields() {
        List<PortalField> shown = new ArrayList<>();
        module.fields().stream().filter(this::shown).forEach(shown::add);
        return shown;
    }

    /**
     * The values to store. Editing ({@code creating} false): an editable field takes the posted
     * value, every other field keeps {@code current}. Creating (or cloning, with {@code current}
     * the source's values): a field writable on create takes the posted value; a shown read-only
     * field takes {@code current} (a clone copies what the user can see); a hidden field takes
     * {@code current} only when not creating, else nothing — so a clone never copies what the user
     * may not see.
     */
    public Map<PortalField, String> merge(Map<PortalField, String> posted, Map<PortalField, String> current,
                                          boolean creating) {
        Map<PortalField, String> values = new LinkedHashMap<>();
        for (PortalField field : module.fields()) {
            String before = current == null ? null : current.get(field);
            String sent = posted == null ? null : posted.get(field);
            String value;
            if (creating) {
                value = writableOnCreate(field) ? sent : shown(field) ? before : null;
            } else {
                value = editable(field) ? sent : before;
            }
            values.put(field, value);
        }
        return values;
    }

    /** The form control name of a field, e.g. {@code due_date} for TASKS.DUE_DATE. */
    public static String param(PortalField field) {
        return field.key().toLowerCase(java.util.Locale.ROOT);
    }
}
