package dev.foyer.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer companies: listed, created, edited, moved to the recycle bin and back (issue 3). */
@Service
public class Companies {

    public static final String RECORD_TYPE = "company";
    private static final Logger log = LoggerFactory.getLogger(Companies.class);

    private final CompanyRepository companies;
    private final ConsolidatedAccountRepository accounts;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    Companies(CompanyRepository companies, ConsolidatedAccountRepository accounts, RecordHistory history,
              JdbcClient jdbc, Clock clock) {
        this.companies = companies;
        this.accounts = accounts;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<CompanySummary> list(StaffPrincipal actor, CompanyQuery query, Pageable pageable) {
        DirectoryAccess.requireView(actor);
        List<String> where = new ArrayList<>(List.of("co.deleted_at is null"));
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.add("lower(co.name) like :text");
            params.put("text", Sql.contains(query.text()));
        }
        if (query.consolidatedAccount() != null) {
            where.add("co.consolidated_account_id = :account");
            params.put("account", query.consolidatedAccount().value());
        }
        String condition = " where " + String.join(" and ", where);
        String order = switch (query.sort()) {
            case NAME -> " order by lower(co.name), co.id";
            case RECENTLY_UPDATED -> " order by co.updated_at desc, co.id";
        };
        long total = jdbc.sql("select count(*) from company co" + condition).params(params).query(Long.class).single();
        List<CompanySummary> rows = jdbc.sql("""
                        select co.id, co.name, co.domain, ca.name as account_name, co.updated_at,
                               (select count(*) from contact c where c.company_id = co.id and c.deleted_at is null)
                                   as contacts
                        from company co left join consolidated_account ca on ca.id = co.consolidated_account_id"""
                        + condition + order + " limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new CompanySummary(new CompanyId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("domain"), rs.getString("account_name"), rs.getLong("contacts"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A company that is not in the recycle bin. */
    @Transactional(readOnly = true)
    public Optional<Company> find(StaffPrincipal actor, CompanyId id) {
        DirectoryAccess.requireView(actor);
        return companies.findById(id).filter(company -> !company.inRecycleBin());
    }

    /** Up to {@code limit} active companies whose name contains the text, for choosers. */
    @Transactional(readOnly = true)
    public List<CompanyChoice> choices(StaffPrincipal actor, String text, int limit) {
        DirectoryAccess.requireView(actor);
        return jdbc.sql("""
                        select id, name from company
                        where deleted_at is null and (:text = '' or lower(name) like :pattern)
                        order by lower(name), id limit :limit""")
                .param("text", text == null ? "" : text.strip())
                .param("pattern", Sql.contains(text == null ? "" : text))
                .param("limit", Math.min(limit, 100))
                .query((rs, n) -> new CompanyChoice(new CompanyId(rs.getObject("id", UUID.class)), rs.getString("name")))
                .list();
    }

    @Transactional
    public Company create(StaffPrincipal actor, CompanyDetails input) {
        DirectoryAccess.requireEdit(actor);
        return create(RecordWriter.of(actor), input);
    }

    @Transactional
    public Company create(ApiPrincipal client, CompanyDetails input) {
        ApiAccess.requireWrite(client);
        return create(RecordWriter.of(client), input);
    }

    @Transactional
    public Company update(StaffPrincipal actor, CompanyId id, long expectedVersion, CompanyDetails input) {
        DirectoryAccess.requireEdit(actor);
        return update(RecordWriter.of(actor), load(id, expectedVersion), input);
    }

    @Transactional
    public Company update(ApiPrincipal client, CompanyId id, long expectedVersion, CompanyDetails input) {
        ApiAccess.requireWrite(client);
        return update(RecordWriter.of(client), load(id, expectedVersion), input);
    }

    /**
     * Creates the company with this external reference, or brings the existing one up to date;
     * writes nothing when nothing differs, so a repeated sync changes nothing (docs/api.md).
     */
    @Transactional
    public Upserted<Company> upsert(ApiPrincipal client, String externalRef, Long expectedVersion, CompanyDetails input) {
        ApiAccess.requireWrite(client);
        CompanyDetails withRef = new CompanyDetails(input.name(), input.domain(), input.address(), input.phone(),
                input.notes(), input.consolidatedAccount(), externalRef);
        Optional<Company> existing = companies.findByExternalRef(externalRef).filter(c -> !c.inRecycleBin());
        if (existing.isEmpty()) {
            return new Upserted<>(create(RecordWriter.of(client), withRef), true);
        }
        Company company = existing.get();
        if (expectedVersion != null && company.version() != expectedVersion) {
            throw new StaleVersionException("company " + company.id());
        }
        if (withRef.validated().equals(company.details())) {
            return new Upserted<>(company, false);
        }
        return new Upserted<>(update(RecordWriter.of(client), company, withRef), false);
    }

    /** Moves the company and its contacts to the recycle bin; an admin can restore them together. */
    @Transactional
    public void moveToRecycleBin(StaffPrincipal actor, CompanyId id, long expectedVersion) {
        DirectoryAccess.requireEdit(actor);
        moveToRecycleBin(RecordWriter.of(actor), load(id, expectedVersion));
    }

    @Transactional
    public void moveToRecycleBin(ApiPrincipal client, CompanyId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        moveToRecycleBin(RecordWriter.of(client), load(id, expectedVersion));
    }

    /** Active companies for an integration, oldest change first (docs/api.md, "Lists"). */
    @Transactional(readOnly = true)
    public Page<Company> changedSince(ApiPrincipal client, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        long total = jdbc.sql("select count(*) from company where deleted_at is null and updated_at >= :since")
                .param("since", from).query(Long.class).single();
        List<CompanyId> ids = jdbc.sql("""
                        select id from company where deleted_at is null and updated_at >= :since
                        order by updated_at, id limit :limit offset :offset""")
                .param("since", from).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new CompanyId(rs.getObject("id", UUID.class))).list();
        return new PageImpl<>(inOrder(ids), pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<Company> find(ApiPrincipal client, CompanyId id) {
        ApiAccess.requireRead(client);
        return companies.findById(id).filter(company -> !company.inRecycleBin());
    }

    @Transactional(readOnly = true)
    public Optional<Company> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return companies.findByExternalRef(externalRef).filter(company -> !company.inRecycleBin());
    }

    private List<Company> inOrder(List<CompanyId> ids) {
        Map<CompanyId, Company> byId = new HashMap<>();
        companies.findAllById(ids).forEach(company -> byId.put(company.id(), company));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Company create(RecordWriter writer, CompanyDetails input) {
        CompanyDetails details = checked(input, null);
        Company company = companies.save(Company.create(details, writer.staffId(), clock.instant()));
        history.record(RECORD_TYPE, company.id().value(), company.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), details.snapshot(accountName(details))));
        log.info("{} created company {} ({})", writer.logName(), company.name(), company.id());
        return company;
    }

    Company update(RecordWriter writer, Company company, CompanyDetails input) {
        CompanyDetails details = checked(input, company.id());
        CompanyDetails before = company.details();
        company.apply(details, writer.staffId(), clock.instant());
        Company saved = save(company);
        history.record(RECORD_TYPE, company.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(before.snapshot(accountName(before)), details.snapshot(accountName(details))));
        log.info("{} edited company {}", writer.logName(), company.id());
        return saved;
    }

    private void moveToRecycleBin(RecordWriter writer, Company company) {
        Instant now = clock.instant();
        company.moveToRecycleBin(writer.staffId(), now);
        Company saved = save(company);
        int contacts = jdbc.sql("""
                        update contact set deleted_at = :now, deleted_by = :actor, deleted_with_company = true,
                                           updated_at = :now, updated_by = :actor, version = version + 1
                        where company_id = :company and deleted_at is null""")
                .param("now", Timestamp.from(now)).param("actor", writer.staffId()).param("company", company.id().value())
                .update();
        history.record(RECORD_TYPE, company.id().value(), saved.version(), ChangeAction.DELETED, writer.author(),
                List.of());
        log.info("{} moved company {} and {} contact(s) to the recycle bin", writer.logName(), company.id(), contacts);
    }

    Company load(CompanyId id, long expectedVersion) {
        Company company = companies.findById(id).filter(c -> !c.inRecycleBin())
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        if (company.version() != expectedVersion) {
            throw new StaleVersionException("company " + id);
        }
        return company;
    }

    private Company save(Company company) {
        try {
            return companies.save(company);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("company " + company.id());
        }
    }

    private CompanyDetails checked(CompanyDetails input, CompanyId self) {
        CompanyDetails details = input.validated();
        Problems problems = new Problems();
        if (details.consolidatedAccount() != null && accounts.findById(details.consolidatedAccount())
                .filter(account -> account.deletedAt() == null).isEmpty()) {
            problems.add("consolidatedAccount", "company.error.consolidatedAccount");
        }
        if (details.externalRef() != null && companies.findByExternalRef(details.externalRef())
                .filter(other -> !other.id().equals(self)).isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
        problems.throwIfAny();
        return details;
    }

    private String accountName(CompanyDetails details) {
        return details.consolidatedAccount() == null ? null
                : accounts.findById(details.consolidatedAccount()).map(ConsolidatedAccount::name).orElse(null);
    }
}
