package dev.foyer.projects;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalItemRecords;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static dev.foyer.portal.PortalField.*;

/**
 * Milestones, updates, documents and events written from the portal (EXP-5), for the portal
 * module's {@code PortalRecordWrites}, which has authorized each call in the same transaction.
 * Validation (rich text sanitized), optimistic locking and history are the staff's
 * ({@link ProjectItems}); the item is owned by the inviting staff user (LIF-6) and remembers its
 * portal author (V26). An event's description is not a portal field: an edit keeps it.
 */
@Component
class ProjectPortalItems implements PortalItemRecords {

    private final ProjectItems items;
    private final JdbcClient jdbc;

    ProjectPortalItems(ProjectItems items, JdbcClient jdbc) {
        this.items = items;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ItemRecord> find(PortalModule module, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        // The table name comes from the enum, never from input.
        return jdbc.sql("select * from " + kind(module).table() + " where id = :id").param("id", id).query()
                .listOfRows().stream().findFirst().map(row -> record(module, row));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ItemRecord create(PortalWriter writer, PortalModule module, UUID projectId, Map<PortalField, String> values) {
        ItemDetails details = details(module, values, null, true);
        ProjectItem created = translated(() -> items.insertAuthorized(writer.recordWriter(), new ProjectId(projectId),
                details));
        jdbc.sql("update " + kind(module).table() + " set portal_author_id = :author where id = :id")
                .param("author", writer.portalUser().value()).param("id", created.uuid()).update();
        return find(module, created.uuid()).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ItemRecord update(PortalWriter writer, PortalModule module, UUID id, long expectedVersion,
                             Map<PortalField, String> values) {
        String description = module == PortalModule.EVENTS
                ? jdbc.sql("select description from project_event where id = :id").param("id", id).query(String.class)
                        .optional().orElse(null)
                : null;
        ItemDetails details = details(module, values, description, null);
        translated(() -> items.changeAuthorized(writer.recordWriter(), kind(module), id, expectedVersion, details));
        return find(module, id).orElseThrow(() -> PortalException.of("", "record.error.notFound"));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(PortalWriter writer, PortalModule module, UUID id, long expectedVersion) {
        translated(() -> {
            items.removeAuthorized(writer.recordWriter(), kind(module), id, expectedVersion);
            return null;
        });
    }

    private static ItemKind kind(PortalModule module) {
        return switch (module) {
            case MILESTONES -> ItemKind.MILESTONE;
            case UPDATES -> ItemKind.UPDATE;
            case DOCUMENTS -> ItemKind.DOCUMENT;
            case EVENTS -> ItemKind.EVENT;
            default -> throw new IllegalArgumentException("not a portal-written project item: " + module);
        };
    }

    private static ItemDetails details(PortalModule module, Map<PortalField, String> v, String description,
                                       Boolean shared) {
        return switch (module) {
            case MILESTONES -> new MilestoneDetails(v.get(MILESTONE_TITLE), date(v.get(MILESTONE_DUE_DATE)),
                    "true".equals(v.get(MILESTONE_DONE)), shared);
            case UPDATES -> new UpdateDetails(v.get(UPDATE_TITLE), v.get(UPDATE_BODY), shared);
            case DOCUMENTS -> new DocumentDetails(v.get(DOCUMENT_TITLE), v.get(DOCUMENT_BODY), shared);
            case EVENTS -> {
                String time = v.get(EVENT_TIME);
                String[] ends = time == null ? new String[0] : time.split("/", -1);
                yield new EventDetails(v.get(EVENT_TITLE), moment(ends.length > 0 ? ends[0] : null),
                        moment(ends.length > 1 ? ends[1] : null), description, shared);
            }
            default -> throw new IllegalArgumentException("not a portal-written project item: " + module);
        };
    }

    private static ItemRecord record(PortalModule module, Map<String, Object> row) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        String title = (String) row.get("title");
        switch (module) {
            case MILESTONES -> {
                values.put(MILESTONE_TITLE, title);
                values.put(MILESTONE_DUE_DATE, text(row.get("due_date")));
                values.put(MILESTONE_DONE, String.valueOf(Boolean.TRUE.equals(row.get("done"))));
            }
            case UPDATES -> {
                values.put(UPDATE_TITLE, title);
                values.put(UPDATE_BODY, (String) row.get("body"));
            }
            case DOCUMENTS -> {
                values.put(DOCUMENT_TITLE, title);
                values.put(DOCUMENT_BODY, (String) row.get("body"));
            }
            case EVENTS -> {
                values.put(EVENT_TITLE, title);
                values.put(EVENT_TIME, text(row.get("starts_at")) + "/" + text(row.get("ends_at")));
            }
            default -> throw new IllegalArgumentException("not a portal-written project item: " + module);
        }
        return new ItemRecord(module, (UUID) row.get("id"), (UUID) row.get("project_id"), title, values,
                Boolean.TRUE.equals(row.get("shared")), (UUID) row.get("portal_author_id"),
                ((Number) row.get("version")).longValue());
    }

    /** A stored date or timestamp as ISO text (a date-time to the minute, as a form's input takes it). */
    private static String text(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().withSecond(0).withNano(0).toString();
        }
        return value == null ? null : value.toString();
    }

    private static LocalDate date(String text) {
        return PortalForms.parsed(text, LocalDate::parse, "due_date", "portal.records.error.date");
    }

    private static LocalDateTime moment(String text) {
        return PortalForms.parsed(text, LocalDateTime::parse, "time", "portal.records.error.time");
    }

    /**
     * The portal module cannot name this module's exception; the same problems travel in its own,
     * renamed to the portal form's fields (tasks use this too).
     */
    static <T> T translated(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (ProjectsException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach((field, key) -> problems.putIfAbsent(switch (field) {
                case "dueDate" -> "due_date";
                case "startsAt", "endsAt" -> "time";
                default -> field;
            }, key));
            throw new PortalException(problems);
        }
    }
}
