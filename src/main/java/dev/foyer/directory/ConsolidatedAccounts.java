package dev.foyer.directory;

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

/** Consolidated accounts: named groups of companies [seed 001]. */
@Service
public class ConsolidatedAccounts {

    public static final String RECORD_TYPE = "consolidated_account";
    private static final Logger log = LoggerFactory.getLogger(ConsolidatedAccounts.class);

    public record Summary(ConsolidatedAccountId id, String name, long companyCount) {
    }

    private final ConsolidatedAccountRepository accounts;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    ConsolidatedAccounts(ConsolidatedAccountRepository accounts, RecordHistory history, JdbcClient jdbc,
                         java.time.Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Summary> list(StaffPrincipal actor, String text, Pageable pageable) {
        DirectoryAccess.requireView(actor);
        String pattern = Sql.contains(text == null ? "" : text);
        long total = jdbc.sql("select count(*) from consolidated_account where deleted_at is null and lower(name) like :p")
                .param("p", pattern).query(Long.class).single();
        List<Summary> rows = jdbc.sql("""
                        select a.id, a.name,
                               (select count(*) from company c where c.consolidated_account_id = a.id
                                                                and c.deleted_at is null) as companies
                        from consolidated_account a where a.deleted_at is null and lower(a.name) like :p
                        order by lower(a.name), a.id limit :limit offset :offset""")
                .param("p", pattern).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new Summary(new ConsolidatedAccountId(rs.getObject("id", UUID.class)),
                        rs.getString("name"), rs.getLong("companies")))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Every active account, for choosers; their number stays small in practice but is capped anyway. */
    @Transactional(readOnly = true)
    public List<Summary> choices(StaffPrincipal actor) {
        return list(actor, null, org.springframework.data.domain.PageRequest.of(0, 200)).getContent();
    }

    @Transactional(readOnly = true)
    public Optional<ConsolidatedAccount> find(StaffPrincipal actor, ConsolidatedAccountId id) {
        DirectoryAccess.requireView(actor);
        return accounts.findById(id).filter(account -> account.deletedAt() == null);
    }

    @Transactional
    public ConsolidatedAccount create(StaffPrincipal actor, String name, String externalRef) {
        DirectoryAccess.requireEdit(actor);
        Problems problems = check(name, externalRef);
        problems.throwIfAny();
        ConsolidatedAccount account = accounts.save(ConsolidatedAccount.create(name.strip(),
                Problems.clean(externalRef), actor.id().value(), clock.instant()));
        history.record(RECORD_TYPE, account.id().value(), account.version(), ChangeAction.CREATED,
                ChangeAuthor.of(actor), RecordHistory.diff(Map.of(), Map.of("name", account.name())));
        log.info("Staff user {} created consolidated account {}", actor.email(), account.id());
        return account;
    }

    @Transactional
    public ConsolidatedAccount rename(StaffPrincipal actor, ConsolidatedAccountId id, long expectedVersion,
                                      String name, String externalRef) {
        DirectoryAccess.requireEdit(actor);
        ConsolidatedAccount account = accounts.findById(id).filter(a -> a.deletedAt() == null)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        if (account.version() != expectedVersion) {
            throw new StaleVersionException("consolidated account " + id);
        }
        check(name, externalRef).throwIfAny();
        String before = account.name();
        account.rename(name.strip(), Problems.clean(externalRef), actor.id().value(), clock.instant());
        try {
            account = accounts.save(account);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("consolidated account " + id);
        }
        history.record(RECORD_TYPE, id.value(), account.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of("name", before), Map.of("name", account.name())));
        return account;
    }

    private static Problems check(String name, String externalRef) {
        Problems problems = new Problems();
        problems.required("name", name, 200, "consolidatedAccount.error.name");
        ExternalRefs.check(problems, externalRef);
        return problems;
    }
}
