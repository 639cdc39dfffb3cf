package dev.foyer.portal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user type (permission set) of a portal (PRT-2) with its module and field rights (PRT-3,
 * PRT-4); the type's version covers its rights, so one save of the rights screen is one edit.
 * Changes go through {@link UserTypes}.
 */
@Table("portal_user_type")
public final class UserType {

    public static final int MAX_NAME = 100;

    @Id
    private final UserTypeId id;
    private final PortalId portalId;
    private String name;
    private boolean eventDescriptions;
    @MappedCollection(idColumn = "user_type_id")
    private Set<ModuleRight> moduleRights;
    @MappedCollection(idColumn = "user_type_id")
    private Set<FieldRight> fieldRights;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    UserType(UserTypeId id, PortalId portalId, String name, boolean eventDescriptions, Set<ModuleRight> moduleRights,
             Set<FieldRight> fieldRights, Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
             UUID updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.portalId = Objects.requireNonNull(portalId);
        this.name = name;
        this.eventDescriptions = eventDescriptions;
        this.moduleRights = moduleRights == null ? new HashSet<>() : new HashSet<>(moduleRights);
        this.fieldRights = fieldRights == null ? new HashSet<>() : new HashSet<>(fieldRights);
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static UserType create(PortalId portal, String name, Rights rights, UUID actor, Instant now) {
        UserType type = new UserType(UserTypeId.newId(), portal, requireName(name), false, Set.of(), Set.of(), null,
                now, actor, now, actor);
        type.store(rights);
        return type;
    }

    void rename(String newName, UUID actor, Instant now) {
        this.name = requireName(newName);
        touch(actor, now);
    }

    void changeRights(Rights rights, UUID actor, Instant now) {
        store(rights);
        touch(actor, now);
    }

    /** Keeps every module's row and only the field rights that differ from their default. */
    private void store(Rights rights) {
        this.moduleRights = new HashSet<>(rights.modules().values());
        Set<FieldRight> fields = new HashSet<>();
        rights.fields().forEach((field, access) -> {
            if (access != field.defaultAccess()) {
                fields.add(new FieldRight(field.module(), field.key(), access));
            }
        });
        this.fieldRights = fields;
        this.eventDescriptions = rights.eventDescriptions();
    }

    private void touch(UUID actor, Instant now) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= MAX_NAME;
    }

    private static String requireName(String name) {
        if (!isValidName(name)) {
            throw PortalException.of("name", "portal.userType.error.name");
        }
        return name.strip();
    }

    public Rights rights() {
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        moduleRights.forEach(right -> modules.put(right.module(), right));
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        // A stored right for a field this version no longer knows is ignored rather than fatal.
        fieldRights.forEach(right -> PortalField.of(right.module(), right.field())
                .ifPresent(field -> fields.put(field, right.access())));
        return new Rights(modules, fields, eventDescriptions);
    }

    public UserTypeId id() {
        return id;
    }

    public PortalId portalId() {
        return portalId;
    }

    public String name() {
        return name;
    }

    public boolean eventDescriptions() {
        return eventDescriptions;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
