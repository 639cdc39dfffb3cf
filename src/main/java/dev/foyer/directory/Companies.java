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

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
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
        CompanyDetails details = checked(input, null);
        Company company = companies.save(Company.create(details, actor.id().value(), clock.instant()));
        history.record(RECORD_TYPE, company.id().value(), company.version(), ChangeAction.CREATED,
                ChangeAuthor.of(actor), RecordHistory.diff(Map.of(), details.snapshot(accountName(details))));
        log.info("Staff user {} created company {} ({})", actor.email(), company.name(), company.id());
        return company;
    }

    @Transactional
    public Company update(StaffPrincipal actor, CompanyId id, long expectedVersion, CompanyDetails input) {
        DirectoryAccess.requireEdit(actor);
        Company company = load(id, expectedVersion);
        CompanyDetails details = checked(input, id);
        CompanyDetails before = company.details();
        company.apply(details, actor.id().value(), clock.instant());
        Company saved = save(company);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(before.snapshot(accountName(before)), details.snapshot(accountName(details))));
        log.info("Staff user {} edited company {}", actor.email(), id);
        return saved;
    }

    /** Moves the company and its contacts to the recycle bin; an admin can restore them together. */
    @Transactional
    public void moveToRecycleBin(StaffPrincipal actor, CompanyId id, long expectedVersion) {
        DirectoryAccess.requireEdit(actor);
        Company company = load(id, expectedVersion);
        Instant now = clock.instant();
        company.moveToRecycleBin(actor.id().value(), now);
        Company saved = save(company);
        int contacts = jdbc.sql("""
                        update contact set deleted_at = :now, deleted_by = :actor, deleted_with_company = true,
                                           updated_at = :now, updated_by = :actor, version = version + 1
                        where company_id = :company and deleted_at is null""")
                .param("now", Timestamp.from(now)).param("actor", actor.id().value()).param("company", id.value())
                .update();
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.DELETED, ChangeAuthor.of(actor), List.of());
        log.info("Staff user {} moved company {} and {} contact(s) to the recycle bin", actor.email(), id, contacts);
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
