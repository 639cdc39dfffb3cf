package dev.foyer.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleted companies and contacts wait here until an admin restores them or purges them for good.
 * A company comes back with the contacts that went into the bin with it; a consolidated account with the companies
 * that left it when it was deleted (unless they joined another account meanwhile).
 */
@Service
public class RecycleBin {

    private static final Logger log = LoggerFactory.getLogger(RecycleBin.class);

    public enum Kind {
        COMPANY, CONTACT, CONSOLIDATED_ACCOUNT
    }

    public record Entry(Kind kind, UUID id, String name, String companyName, Instant deletedAt) {
    }

    private final CompanyRepository companies;
    private final ConsolidatedAccountRepository accounts;
    private final ContactRepository contacts;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    RecycleBin(CompanyRepository companies, ConsolidatedAccountRepository accounts, ContactRepository contacts, RecordHistory history, JdbcClient jdbc,
               Clock clock) {
        this.companies = companies;
        this.accounts = accounts;
        this.contacts = contacts;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Entry> list(StaffPrincipal actor, Pageable pageable) {
        DirectoryAccess.requireManageRecycleBin(actor);
        long total = jdbc.sql("""
                        select (select count(*) from company where deleted_at is not null)
                             + (select count(*) from contact where deleted_at is not null)
                             + (select count(*) from consolidated_account where deleted_at is not null)""")
                .query(Long.class).single();
        List<Entry> rows = jdbc.sql("""
                        select 'COMPANY' as kind, id, name, null as company_name, deleted_at
                        from company where deleted_at is not null
                        union all
                        select 'CONTACT', c.id, c.first_name || ' ' || c.last_name, co.name, c.deleted_at
                        from contact c join company co on co.id = c.company_id where c.deleted_at is not null
                        union all
                        select 'CONSOLIDATED_ACCOUNT', id, name, null, deleted_at
                        from consolidated_account where deleted_at is not null
                        order by deleted_at desc, id limit :limit offset :offset""")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new Entry(Kind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getString("company_name"), rs.getTimestamp("deleted_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional
    public void restoreCompany(StaffPrincipal actor, CompanyId id) {
        DirectoryAccess.requireManageRecycleBin(actor);
        Company company = companies.findById(id).filter(Company::inRecycleBin)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        Instant now = clock.instant();
        company.restore(actor.id().value(), now);
        Company saved = companies.save(company);
        int restored = jdbc.sql("""
                        update contact set deleted_at = null, deleted_by = null, deleted_with_company = false,
                                           updated_at = :now, updated_by = :actor, version = version + 1
                        where company_id = :company and deleted_with_company""")
                .param("now", Timestamp.from(now)).param("actor", actor.id().value())
                .param("company", id.value()).update();
        history.record(Companies.RECORD_TYPE, id.value(), saved.version(), ChangeAction.RESTORED,
                ChangeAuthor.of(actor), List.of());
        log.info("Staff user {} restored company {} with {} contact(s)", actor.email(), id, restored);
    }

    @Transactional
    public void restoreContact(StaffPrincipal actor, ContactId id) {
        DirectoryAccess.requireManageRecycleBin(actor);
        Contact contact = contacts.findById(id).filter(Contact::inRecycleBin)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        if (companies.findById(contact.companyId()).map(Company::inRecycleBin).orElse(true)) {
            throw DirectoryException.of("", "recycleBin.error.companyDeleted");
        }
        contact.restore(actor.id().value(), clock.instant());
        Contact saved = contacts.save(contact);
        history.record(Contacts.RECORD_TYPE, id.value(), saved.version(), ChangeAction.RESTORED,
                ChangeAuthor.of(actor), List.of());
        log.info("Staff user {} restored contact {}", actor.email(), id);
    }

    @Transactional
    public void restoreConsolidatedAccount(StaffPrincipal actor, ConsolidatedAccountId id) {
        DirectoryAccess.requireManageRecycleBin(actor);
        ConsolidatedAccount account = accounts.findById(id).filter(ConsolidatedAccount::inRecycleBin)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        Instant now = clock.instant();
        account.restore(actor.id().value(), now);
        ConsolidatedAccount saved = accounts.save(account);
        record Rejoined(UUID id, long version) {
        }
        // Companies that joined another account meanwhile stay there; they only forget the old one.
        int rejoined = 0;
        List<Rejoined> batch;
        do {
            batch = jdbc.sql("""
                            update company set consolidated_account_id = :account, detached_from_account = null,
                                               updated_at = :now, updated_by = :actor, version = version + 1
                            where id in (select id from company where detached_from_account = :account
                                                                  and consolidated_account_id is null limit 500)
                            returning id, version""")
                    .param("account", id.value()).param("now", Timestamp.from(now)).param("actor", actor.id().value())
                    .query((rs, n) -> new Rejoined(rs.getObject("id", UUID.class), rs.getLong("version"))).list();
            for (Rejoined company : batch) {
                history.record(Companies.RECORD_TYPE, company.id(), company.version(), ChangeAction.UPDATED,
                        ChangeAuthor.of(actor), RecordHistory.diff(Map.of(), Map.of("consolidatedAccount", saved.name())));
            }
            rejoined += batch.size();
        } while (batch.size() == 500);
        forgetDetached(id);
        history.record(ConsolidatedAccounts.RECORD_TYPE, id.value(), saved.version(), ChangeAction.RESTORED,
                ChangeAuthor.of(actor), List.of());
        log.info("Staff user {} restored consolidated account {} with {} company(ies)", actor.email(), id,
                rejoined);
    }

    /** Deletes an account in the bin for good; its former companies stay as they are, outside any group. */
    @Transactional
    public void purgeConsolidatedAccount(StaffPrincipal actor, ConsolidatedAccountId id) {
        DirectoryAccess.requireManageRecycleBin(actor);
        accounts.findById(id).filter(ConsolidatedAccount::inRecycleBin)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        forgetDetached(id);
        accounts.deleteById(id);
        log.info("Staff user {} purged consolidated account {}", actor.email(), id);
    }

    private void forgetDetached(ConsolidatedAccountId id) {
        jdbc.sql("update company set detached_from_account = null where detached_from_account = :account")
                .param("account", id.value()).update();
    }

    /** Deletes a company in the bin for good, with its contacts. */
    @Transactional
    public void purgeCompany(StaffPrincipal actor, CompanyId id) {
        DirectoryAccess.requireManageRecycleBin(actor);
        companies.findById(id).filter(Company::inRecycleBin)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        try {
            jdbc.sql("delete from contact where company_id = :id").param("id", id.value()).update();
            companies.deleteById(id);
        } catch (DataIntegrityViolationException stillReferenced) {
            // Records of other modules (projects) still name the company: refuse, and keep everything.
            throw DirectoryException.of("", "recycleBin.error.inUse");
        }
        log.info("Staff user {} purged company {}", actor.email(), id);
    }

    @Transactional
    public void purgeContact(StaffPrincipal actor, ContactId id) {
        DirectoryAccess.requireManageRecycleBin(actor);
        contacts.findById(id).filter(Contact::inRecycleBin)
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        contacts.deleteById(id);
        log.info("Staff user {} purged contact {}", actor.email(), id);
    }
}
