package dev.foyer.projects;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Upserted;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects of customer companies: listed, created, edited, staffed (issue 3). */
@Service
public class Projects {

    public static final String RECORD_TYPE = "project";
    /** The most staff users a chooser offers at once. */
    static final int MAX_CHOICES = 200;
    /** The most staff members a project page lists (bounded reads, issue 3). */
    static final int MAX_STAFF_MEMBERS = 500;
    private static final Logger log = LoggerFactory.getLogger(Projects.class);

    private final JdbcAggregateOperations aggregates;
    private final Companies companies;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    Projects(JdbcAggregateOperations aggregates, Companies companies, RecordHistory history, JdbcClient jdbc,
             Clock clock) {
        this.aggregates = aggregates;
        this.companies = companies;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ProjectSummary> list(StaffPrincipal actor, ProjectQuery query, Pageable pageable) {
        ProjectAccess.requireView(actor);
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.add("lower(p.name) like :text");
            params.put("text", Sql.contains(query.text()));
        }
        if (query.company() != null) {
            where.add("p.company_id = :company");
            params.put("company", query.company().value());
        }
        if (query.status() != null) {
            where.add("p.status = :status");
            params.put("status", query.status().name());
        }
        if (query.staffMember() != null) {
            where.add("exists (select 1 from project_staff_member m where m.project_id = p.id and m.staff_user_id = :member)");
            params.put("member", query.staffMember().value());
        }
        String condition = " where " + String.join(" and ", where);
        String order = switch (query.sort()) {
            case NAME -> " order by lower(p.name), p.id";
            case DUE_DATE -> " order by p.due_date nulls last, p.id";
            case RECENTLY_UPDATED -> " order by p.updated_at desc, p.id";
        };
        long total = jdbc.sql("select count(*) from project p" + condition).params(params).query(Long.class).single();
        List<ProjectSummary> rows = jdbc.sql("""
                        select p.id, p.name, p.company_id, co.name as company_name, p.status, p.due_date, p.updated_at,
                               (select count(*) from task t where t.project_id = p.id and t.status = 'DONE') as done,
                               (select count(*) from task t where t.project_id = p.id) as tasks
                        from project p join company co on co.id = p.company_id""" + condition + order
                        + " limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new ProjectSummary(new ProjectId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("company_name"),
                        ProjectStatus.valueOf(rs.getString("status")),
                        rs.getObject("due_date", java.time.LocalDate.class), rs.getLong("done"), rs.getLong("tasks"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<Project> find(StaffPrincipal actor, ProjectId id) {
        ProjectAccess.requireView(actor);
        return Optional.ofNullable(aggregates.findById(id, Project.class));
    }

    /** Whether the actor may add and edit the project's items and comments. */
    @Transactional(readOnly = true)
    public boolean canWork(StaffPrincipal actor, ProjectId id) {
        return ProjectAccess.canWork(actor, actor != null && isStaffMember(id, actor.id()));
    }

    @Transactional
    public Project create(StaffPrincipal actor, ProjectDetails input) {
        ProjectAccess.requireManage(actor);
        return create(RecordWriter.of(actor), input, company -> companies.find(actor, company));
    }

    @Transactional
    public Project update(StaffPrincipal actor, ProjectId id, long expectedVersion, ProjectDetails input) {
        ProjectAccess.requireManage(actor);
        return update(RecordWriter.of(actor), load(id, expectedVersion), input, company -> companies.find(actor, company));
    }

    // ---- for integrations (docs/api.md)

    @Transactional
    public Project create(ApiPrincipal client, ProjectDetails input) {
        ApiAccess.requireWrite(client);
        return create(RecordWriter.of(client), input, company -> companies.find(client, company));
    }

    @Transactional
    public Project update(ApiPrincipal client, ProjectId id, long expectedVersion, ProjectDetails input) {
        ApiAccess.requireWrite(client);
        return update(RecordWriter.of(client), load(id, expectedVersion), input, company -> companies.find(client, company));
    }

    /**
     * Creates the project with this external reference, or brings the existing one up to date;
     * writes nothing when nothing differs, so a repeated sync changes nothing (docs/api.md).
     */
    @Transactional
    public Upserted<Project> upsert(ApiPrincipal client, String externalRef, Long expectedVersion, ProjectDetails input) {
        ApiAccess.requireWrite(client);
        Function<CompanyId, Optional<Company>> lookup = company -> companies.find(client, company);
        ProjectDetails withRef = new ProjectDetails(input.company(), input.name(), input.description(), input.status(),
                input.startDate(), input.dueDate(), externalRef);
        Optional<Project> existing = byExternalRef(externalRef);
        if (existing.isEmpty()) {
            return new Upserted<>(create(RecordWriter.of(client), withRef, lookup), true);
        }
        Project project = existing.get();
        if (expectedVersion != null && project.currentVersion() != expectedVersion) {
            throw new StaleVersionException("project " + project.id());
        }
        if (withRef.validated().equals(project.details())) {
            return new Upserted<>(project, false);
        }
        return new Upserted<>(update(RecordWriter.of(client), project, withRef, lookup), false);
    }

    /** Projects for an integration, oldest change first (docs/api.md, "Lists"). */
    @Transactional(readOnly = true)
    public Page<Project> changedSince(ApiPrincipal client, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        long total = jdbc.sql("select count(*) from project where updated_at >= :since")
                .param("since", from).query(Long.class).single();
        List<ProjectId> ids = jdbc.sql("""
                        select id from project where updated_at >= :since
                        order by updated_at, id limit :limit offset :offset""")
                .param("since", from).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new ProjectId(rs.getObject("id", UUID.class))).list();
        Map<ProjectId, Project> byId = new HashMap<>();
        aggregates.findAllById(ids, Project.class).forEach(project -> byId.put(project.id(), project));
        return new PageImpl<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<Project> find(ApiPrincipal client, ProjectId id) {
        ApiAccess.requireRead(client);
        return Optional.ofNullable(aggregates.findById(id, Project.class));
    }

    @Transactional(readOnly = true)
    public Optional<Project> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return byExternalRef(externalRef);
    }

    private Optional<Project> byExternalRef(String externalRef) {
        return jdbc.sql("select id from project where external_ref = :ref").param("ref", externalRef)
                .query((rs, n) -> new ProjectId(rs.getObject("id", UUID.class))).optional()
                .map(id -> aggregates.findById(id, Project.class));
    }

    /** Also for the portal's writes ({@link ProjectPortalRecords}), which authorize before they call (ACC-12). */
    Project create(RecordWriter writer, ProjectDetails input, Function<CompanyId, Optional<Company>> lookup) {
        ProjectDetails details = checked(lookup, input, null);
        Project project = aggregates.insert(Project.create(details, writer.staffId(), clock.instant()));
        history.record(RECORD_TYPE, project.id().value(), project.currentVersion(), ChangeAction.CREATED,
                writer.author(), RecordHistory.diff(Map.of(), details.snapshot(companyName(lookup, details.company()))));
        log.info("{} created project {} ({})", writer.logName(), project.name(), project.id());
        return project;
    }

    Project update(RecordWriter writer, Project project, ProjectDetails input,
                           Function<CompanyId, Optional<Company>> lookup) {
        ProjectDetails details = checked(lookup, input, project.id());
        ProjectDetails before = project.details();
        Project saved = save(project.apply(details, writer.staffId(), clock.instant()));
        history.record(RECORD_TYPE, project.id().value(), saved.currentVersion(), ChangeAction.UPDATED,
                writer.author(), RecordHistory.diff(before.snapshot(companyName(lookup, before.company())),
                        details.snapshot(companyName(lookup, details.company()))));
        log.info("{} edited project {}", writer.logName(), project.id());
        return saved;
    }

    @Transactional
    public Project addStaffMember(StaffPrincipal actor, ProjectId id, long expectedVersion, StaffUserId member) {
        ProjectAccess.requireManage(actor);
        Project project = load(id, expectedVersion);
        if (member == null || names(List.of(member.value()), true).isEmpty()) {
            throw ProjectsException.of("staffMember", "project.error.staffMember");
        }
        if (project.hasStaffMember(member)) {
            return project;
        }
        return changeStaff(actor, project, project.withStaffMember(member, actor.id().value(), clock.instant()));
    }

    @Transactional
    public Project removeStaffMember(StaffPrincipal actor, ProjectId id, long expectedVersion, StaffUserId member) {
        ProjectAccess.requireManage(actor);
        Project project = load(id, expectedVersion);
        if (!project.hasStaffMember(member)) {
            return project;
        }
        if (jdbc.sql("select count(*) from task where project_id = :project and assignee_id = :member")
                .param("project", id.value()).param("member", member.value()).query(Long.class).single() > 0) {
            throw ProjectsException.of("staffMember", "project.error.memberHasTasks");
        }
        return changeStaff(actor, project, project.withoutStaffMember(member, actor.id().value(), clock.instant()));
    }

    /** The project's staff members by name (at most {@value #MAX_STAFF_MEMBERS}). */
    @Transactional(readOnly = true)
    public List<StaffName> staffMembers(StaffPrincipal actor, ProjectId id) {
        ProjectAccess.requireView(actor);
        return jdbc.sql("""
                        select s.id, s.display_name from project_staff_member m join staff_user s on s.id = m.staff_user_id
                        where m.project_id = :project order by lower(s.display_name), s.id limit :limit""")
                .param("project", id.value()).param("limit", MAX_STAFF_MEMBERS)
                .query((rs, n) -> new StaffName(new StaffUserId(rs.getObject("id", UUID.class)), rs.getString("display_name")))
                .list();
    }

    /** Active staff users who are not on the project yet, by name (at most {@value #MAX_CHOICES}). */
    @Transactional(readOnly = true)
    public List<StaffName> staffChoices(StaffPrincipal actor, ProjectId id) {
        ProjectAccess.requireManage(actor);
        return jdbc.sql("""
                        select s.id, s.display_name from staff_user s
                        where s.active and not exists (select 1 from project_staff_member m
                                                       where m.project_id = :project and m.staff_user_id = s.id)
                        order by lower(s.display_name), s.id limit :limit""")
                .param("project", id.value()).param("limit", MAX_CHOICES)
                .query((rs, n) -> new StaffName(new StaffUserId(rs.getObject("id", UUID.class)), rs.getString("display_name")))
                .list();
    }

    boolean isStaffMember(ProjectId project, StaffUserId staff) {
        return staff != null && jdbc.sql("""
                        select exists (select 1 from project_staff_member where project_id = :project and staff_user_id = :staff)""")
                .param("project", project.value()).param("staff", staff.value()).query(Boolean.class).single();
    }

    /** Staff users' names by id (inactive ones too, so old entries keep their author). */
    Map<UUID, String> names(Collection<UUID> ids, boolean activeOnly) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, display_name from staff_user where id in (:ids)" + (activeOnly ? " and active" : ""))
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .list();
        return names;
    }

    Project load(ProjectId id, long expectedVersion) {
        Project project = Optional.ofNullable(aggregates.findById(id, Project.class))
                .orElseThrow(() -> ProjectsException.of("", "record.error.notFound"));
        if (project.currentVersion() != expectedVersion) {
            throw new StaleVersionException("project " + id);
        }
        return project;
    }

    private Project changeStaff(StaffPrincipal actor, Project before, Project after) {
        Project saved = save(after);
        history.record(RECORD_TYPE, before.id().value(), saved.currentVersion(), ChangeAction.UPDATED,
                ChangeAuthor.of(actor), RecordHistory.diff(Map.of("staff", staffNames(before)),
                        Map.of("staff", staffNames(after))));
        log.info("Staff user {} changed the staff of project {}", actor.email(), before.id());
        return saved;
    }

    private String staffNames(Project project) {
        Map<UUID, String> names = names(project.staff().stream().map(m -> m.staffUserId().value()).toList(), false);
        return names.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", "));
    }

    private Project save(Project project) {
        try {
            return aggregates.update(project);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("project " + project.id());
        }
    }

    private ProjectDetails checked(Function<CompanyId, Optional<Company>> lookup, ProjectDetails input,
                                   ProjectId self) {
        ProjectDetails details = input.validated();
        Problems problems = new Problems();
        if (lookup.apply(details.company()).isEmpty()) {
            problems.add("company", "project.error.company");
        }
        if (details.externalRef() != null && jdbc.sql("select id from project where external_ref = :ref")
                .param("ref", details.externalRef()).query(UUID.class).optional()
                .filter(other -> self == null || !other.equals(self.value())).isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
        problems.throwIfAny();
        return details;
    }

    private static String companyName(Function<CompanyId, Optional<Company>> lookup, CompanyId id) {
        return id == null ? null : lookup.apply(id).map(Company::name).orElse(null);
    }

    Instant now() {
        return clock.instant();
    }
}
