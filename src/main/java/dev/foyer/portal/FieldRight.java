package dev.foyer.portal;

import org.springframework.data.relational.core.mapping.Table;

/** PRT-4: how one user type sees one field of a module; part of the user type. */
@Table("portal_field_right")
public record FieldRight(PortalModule module, String field, FieldAccess access) {
}
