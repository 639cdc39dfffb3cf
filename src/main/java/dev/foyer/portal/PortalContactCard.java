package dev.foyer.portal;

import java.util.List;
import java.util.Optional;

/**
 * A portal user's own contact details as their profile shows them (EXP-6), per field rights
 * (PRT-4): a hidden field is not in {@code fields} at all (ACC-8), a read-only one carries its
 * value to show as text, an editable one its value for an input. {@code version} is the contact's,
 * so an edit made in between by staff is detected. A locked contact is read-only throughout.
 */
public record PortalContactCard(long version, boolean locked, List<Field> fields) {

    public PortalContactCard {
        fields = List.copyOf(fields);
    }

    /** One shown field: its form name ({@code firstName}…), its right and its value (null when empty). */
    public record Field(String name, PortalField field, FieldAccess access, String value) {

        public boolean editable() {
            return access == FieldAccess.EDITABLE;
        }
    }

    public boolean anyEditable() {
        return fields.stream().anyMatch(Field::editable);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
