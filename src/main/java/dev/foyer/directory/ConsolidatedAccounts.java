package dev.foyer.directory;

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
        return create(RecordWriter.of(actor), name, externalRef);
    }

    @Transactional
    public ConsolidatedAccount rename(StaffPrincipal actor, ConsolidatedAccountId id, long expectedVersion,
                                      String name, String externalRef) {
        DirectoryAccess.requireEdit(actor);
        return rename(RecordWriter.of(actor), load(id, expectedVersion), name, externalRef);
    }

    @Transactional
    public ConsolidatedAccount create(ApiPrincipal client, String name, String externalRef) {
        ApiAccess.requireWrite(client);
        return create(RecordWriter.of(client), name, externalRef);
    }

    @Transactional
    public ConsolidatedAccount rename(ApiPrincipal client, ConsolidatedAccountId id, long expectedVersion, String name,
                                      String externalRef) {
        ApiAccess.requireWrite(client);
        return rename(RecordWriter.of(client), load(id, expectedVersion), name, externalRef);
    }

    /**
     * Moves the account to the recycle bin. Its companies leave the group at once (no portal scope reaches through a
     * deleted account, ACC-1) and are remembered, so a restore groups them again.
     */
    @Transactional
    public void moveToRecycleBin(StaffPrincipal actor, ConsolidatedAccountId id, long expectedVersion) {
        DirectoryAccess.requireEdit(actor);
        moveToRecycleBin(RecordWriter.of(actor), load(id, expectedVersion));
    }

    @Transactional
    public void moveToRecycleBin(ApiPrincipal client, ConsolidatedAccountId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        moveToRecycleBin(RecordWriter.of(client), load(id, expectedVersion));
    }

    /** Creates or renames the account with this external reference; writes nothing when nothing differs. */
    @Transactional
    public Upserted<ConsolidatedAccount> upsert(ApiPrincipal client, String externalRef, Long expectedVersion,
                                                String name) {
        ApiAccess.requireWrite(client);
        Optional<ConsolidatedAccount> existing = findByRef(externalRef);
        if (existing.isEmpty()) {
            return new Upserted<>(create(RecordWriter.of(client), name, externalRef), true);
        }
        ConsolidatedAccount account = existing.get();
        if (expectedVersion != null && account.version() != expectedVersion) {
            throw new StaleVersionException("consolidated account " + account.id());
        }
        if (name != null && name.strip().equals(account.name())) {
            return new Upserted<>(account, false);
        }
        return new Upserted<>(rename(RecordWriter.of(client), account, name, externalRef), false);
    }

    @Transactional(readOnly = true)
    public Page<ConsolidatedAccount> changedSince(ApiPrincipal client, java.time.Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        var from = java.sql.Timestamp.from(since == null ? java.time.Instant.EPOCH : since);
        long total = jdbc.sql("select count(*) from consolidated_account where deleted_at is null and updated_at >= :s")
                .param("s", from).query(Long.class).single();
        List<ConsolidatedAccountId> ids = jdbc.sql("""
                        select id from consolidated_account where deleted_at is null and updated_at >= :s
                        order by updated_at, id limit :limit offset :offset""")
                .param("s", from).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new ConsolidatedAccountId(rs.getObject("id", UUID.class))).list();
        Map<ConsolidatedAccountId, ConsolidatedAccount> byId = new java.util.HashMap<>();
        accounts.findAllById(ids).forEach(account -> byId.put(account.id(), account));
        return new PageImpl<>(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<ConsolidatedAccount> find(ApiPrincipal client, ConsolidatedAccountId id) {
        ApiAccess.requireRead(client);
        return accounts.findById(id).filter(account -> account.deletedAt() == null);
    }

    @Transactional(readOnly = true)
    public Optional<ConsolidatedAccount> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return findByRef(externalRef);
    }

    private Optional<ConsolidatedAccount> findByRef(String externalRef) {
        return jdbc.sql("select id from consolidated_account where external_ref = :ref and deleted_at is null")
                .param("ref", externalRef).query(UUID.class).optional()
                .flatMap(id -> accounts.findById(new ConsolidatedAccountId(id)));
    }

    private ConsolidatedAccount load(ConsolidatedAccountId id, long expectedVersion) {
        ConsolidatedAccount account = accounts.findById(id).filter(a -> a.deletedAt() == null)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        if (account.version() != expectedVersion) {
            throw new StaleVersionException("consolidated account " + id);
        }
        return account;
    }

    private ConsolidatedAccount create(RecordWriter writer, String name, String externalRef) {
        Problems problems = check(name, externalRef);
        requireRefFree(problems, externalRef, null);
        problems.throwIfAny();
        ConsolidatedAccount account = accounts.save(ConsolidatedAccount.create(name.strip(),
                Problems.clean(externalRef), writer.staffId(), clock.instant()));
        history.record(RECORD_TYPE, account.id().value(), account.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), Map.of("name", account.name())));
        log.info("{} created consolidated account {}", writer.logName(), account.id());
        return account;
    }

    private ConsolidatedAccount rename(RecordWriter writer, ConsolidatedAccount account, String name, String externalRef) {
        Problems problems = check(name, externalRef);
        requireRefFree(problems, externalRef, account.id());
        problems.throwIfAny();
        String before = account.name();
        account.rename(name.strip(), Problems.clean(externalRef), writer.staffId(), clock.instant());
        ConsolidatedAccount saved;
        try {
            saved = accounts.save(account);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("consolidated account " + account.id());
        }
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(Map.of("name", before), Map.of("name", saved.name())));
        return saved;
    }

    private void moveToRecycleBin(RecordWriter writer, ConsolidatedAccount account) {
        java.time.Instant now = clock.instant();
        account.moveToRecycleBin(writer.staffId(), now);
        ConsolidatedAccount saved;
        try {
            saved = accounts.save(account);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("consolidated account " + account.id());
        }
        record Detached(UUID id, long version) {
        }
        int detached = 0;
        List<Detached> batch;
        do {
            batch = jdbc.sql("""
                            update company set consolidated_account_id = null, detached_from_account = :account,
                                               updated_at = :now, updated_by = :actor, version = version + 1
                            where id in (select id from company where consolidated_account_id = :account limit 500)
                            returning id, version""")
                    .param("account", account.id().value()).param("now", java.sql.Timestamp.from(now))
                    .param("actor", writer.staffId())
                    .query((rs, n) -> new Detached(rs.getObject("id", UUID.class), rs.getLong("version"))).list();
            for (Detached company : batch) {
                history.record(Companies.RECORD_TYPE, company.id(), company.version(), ChangeAction.UPDATED,
                        writer.author(), RecordHistory.diff(Map.of("consolidatedAccount", account.name()), Map.of()));
            }
            detached += batch.size();
        } while (batch.size() == 500);
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.DELETED, writer.author(),
                List.of());
        log.info("{} moved consolidated account {} to the recycle bin; {} company(ies) left the group",
                writer.logName(), account.id(), detached);
    }

    private void requireRefFree(Problems problems, String externalRef, ConsolidatedAccountId self) {
        String ref = Problems.clean(externalRef);
        if (ref != null && findByRef(ref).filter(other -> !other.id().equals(self)).isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
    }

    private static Problems check(String name, String externalRef) {
        Problems problems = new Problems();
        problems.required("name", name, 200, "consolidatedAccount.error.name");
        ExternalRefs.check(problems, externalRef);
        return problems;
    }
}
