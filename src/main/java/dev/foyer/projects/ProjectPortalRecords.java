package dev.foyer.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.foyer.directory.CompanyId;
import dev.foyer.directory.DelegatedDirectoryWrites;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalProjectRecords;
import dev.foyer.portal.PortalWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects written from the portal (EXP-5), for the portal module's {@code PortalProjectWrites},
 * which has authorized each call (rights, field rights, visibility) in the same transaction.
 * Validation, optimistic locking, history and deletion are the staff's ({@link Projects},
 * {@link ProjectDeletion}); the project is owned by the inviting staff user (LIF-6,
 * {@code created_by}) and remembers its portal author (V26).
 */
@Component
class ProjectPortalRecords implements PortalProjectRecords {

    private final Projects projects;
    private final ProjectDeletion deletion;
    private final DelegatedDirectoryWrites directory;
    private final JdbcClient jdbc;

    ProjectPortalRecords(Projects projects, ProjectDeletion deletion, DelegatedDirectoryWrites directory,
                         JdbcClient jdbc) {
        this.projects = projects;
        this.deletion = deletion;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProjectRecord> find(UUID projectId) {
        if (projectId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, company_id, name, description, status, start_date, due_date, portal_author_id, version
                        from project where id = :id""")
                .param("id", projectId)
                .query((rs, n) -> new ProjectRecord(rs.getObject("id", UUID.class),
                        rs.getObject("company_id", UUID.class), rs.getString("name"), rs.getString("description"),
                        rs.getString("status"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class), rs.getObject("portal_author_id", UUID.class),
                        rs.getLong("version")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ProjectRecord create(PortalWriter writer, UUID companyId, ProjectValues values) {
        ProjectDetails details = new ProjectDetails(new CompanyId(companyId), values.name(), values.descriptionHtml(),
                ProjectStatus.ACTIVE, values.startDate(), values.dueDate(), null);
        Project created = translated(() -> projects.create(writer.recordWriter(), details, directory::company));
        jdbc.sql("update project set portal_author_id = :author where id = :id")
                .param("author", writer.portalUser().value()).param("id", created.id().value()).update();
        return find(created.id().value()).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ProjectRecord update(PortalWriter writer, UUID projectId, long expectedVersion, ProjectValues values) {
        translated(() -> {
            Project current = projects.load(new ProjectId(projectId), expectedVersion);
            ProjectDetails details = new ProjectDetails(current.companyId(), values.name(), values.descriptionHtml(),
                    current.status(), values.startDate(), values.dueDate(), current.externalRef());
            return projects.update(writer.recordWriter(), current, details, directory::company);
        });
        return find(projectId).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(PortalWriter writer, UUID projectId, long expectedVersion) {
        translated(() -> {
            deletion.deleteAuthorized(writer.recordWriter(), new ProjectId(projectId), expectedVersion);
            return null;
        });
    }

    /** The staff side's refusals, renamed to the portal form's fields. */
    private static <T> T translated(Supplier<T> write) {
        try {
            return write.get();
        } catch (ProjectsException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach((field, key) -> problems.putIfAbsent(switch (field) {
                case "name", "description" -> field;
                case "startDate" -> "start_date";
                case "dueDate" -> "due_date";
                default -> "";
            }, key));
            throw new PortalException(problems);
        }
    }
}
