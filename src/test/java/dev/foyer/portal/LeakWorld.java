package dev.foyer.portal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leak suite's randomized organization (issue 5 item 8): built from a seed, kept in memory for
 * the oracle, and written straight into the database with batch inserts (fast, and independent of
 * the services). Every text is a unique canary {@code CANARY-<seed>-<n>~}, so a text that reaches a
 * portal user who may not see it is found by searching for it. Rows of different seeds are distinct
 * (own portal, companies, file types, flags), so seeds share one database.
 */
final class LeakWorld {

    record Account(UUID id, boolean deleted) { }
    record Company(UUID id, UUID account, boolean deleted) { }
    record Contact(UUID id, UUID company, boolean deleted) { }
    record Type(UUID id, Map<PortalModule, ViewScope> views, Map<PortalField, FieldAccess> fields,
                boolean eventDescriptions) { }
    record Portal(UUID id, boolean active) { }
    record User(UUID id, UUID contact, UUID portal, UUID type, PortalUserKind kind, PortalUserStatus status) { }
    record Project(UUID id, UUID company, UUID author, Set<UUID> members, String name, String description,
                   String status, LocalDate start, LocalDate due) { }
    /** Any item inside a project (or a ticket comment, whose container is the ticket). */
    record Item(RecordKind kind, UUID id, UUID container, UUID parent, RecordKind parentKind, boolean shared,
                UUID author, String title, String body, String status, LocalDate due, Boolean done,
                LocalDateTime starts, LocalDateTime ends) { }
    record Ticket(UUID id, long number, UUID company, UUID author, UUID contact, Set<UUID> members, String subject,
                  String description, String status, String priority) { }
    record Flag(UUID id, String name, boolean customer) { }
    record Finance(UUID id, FinanceKind kind, UUID company, String status, String number, LocalDate issue,
                   LocalDate due, String currency, BigDecimal total, String terms, String internalNotes, UUID flag,
                   List<String> tasks) { }
    record FileType(UUID id, String name, boolean customer) { }
    record StoredFile(UUID id, String ownerType, UUID owner, UUID type, boolean shared, UUID author, String name,
                      long size) { }

    private static final Map<FinanceKind, List<String>> STATUSES = Map.of(
            FinanceKind.QUOTE, List.of("DRAFT", "SENT", "ACCEPTED", "DECLINED", "EXPIRED"),
            FinanceKind.INVOICE, List.of("DRAFT", "SENT", "PARTLY_PAID", "PAID", "VOID"),
            FinanceKind.ORDER, List.of("DRAFT", "SENT", "COMPLETED", "CANCELLED"),
            FinanceKind.CONTRACT, List.of("DRAFT", "SENT", "SIGNED", "EXPIRED"));

    final long seed;
    private final Random random;
    private int canaries;
    final List<Account> accounts = new ArrayList<>();
    final List<Company> companies = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final List<Type> types = new ArrayList<>();
    final List<Portal> portals = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Ticket> tickets = new ArrayList<>();
    final List<Flag> flags = new ArrayList<>();
    final List<Finance> finance = new ArrayList<>();
    final List<FileType> fileTypes = new ArrayList<>();
    final List<StoredFile> files = new ArrayList<>();
    /**
     * The canaries of the names of accounts, companies, contacts, portals and user types, by id
     * (issue 7 item 12: pages and e-mails may show a user their own portal, contact and companies).
     */
    final Map<UUID, String> names = new java.util.HashMap<>();
    /**
     * Issue 7 item 12 (portal writes): contacts a portal user added (their {@code portal_author_id}),
     * by contact; empty in a generated organization, filled by the leak suite's successful writes.
     */
    final Map<UUID, UUID> contactAuthors = new java.util.HashMap<>();

    private LeakWorld(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The same organization for the same seed, every time. */
    /**
     * Generated documents take sequence numbers far above any the application issues, so they never
     * collide with documents other tests created in the same (shared) test database.
     */
    private static final long SEQUENCE_BASE = 1_000_000_000_000L;

    static LeakWorld generate(long seed, JdbcTemplate jdbc) {
        LeakWorld world = new LeakWorld(seed);
        world.build(jdbc);
        world.insert(jdbc);
        return world;
    }

    String canary() {
        return "CANARY-" + seed + "-" + (canaries++) + "~";
    }

    /** The canary of a record's name (see {@link #names}); a new one the first time. */
    private String name(UUID id) {
        return names.computeIfAbsent(id, k -> canary());
    }

    /** The portal's URL slug. */
    String slug(UUID portal) {
        return "leak-" + seed + "-" + portals.indexOf(portals.stream().filter(p -> p.id().equals(portal)).findFirst()
                .orElseThrow());
    }

    /** The contact's e-mail address, unique per seed (invitation and membership e-mails go there). */
    String email(UUID contact) {
        int index = contacts.indexOf(contacts.stream().filter(c -> c.id().equals(contact)).findFirst().orElseThrow());
        return "contact-" + index + "@leak-" + seed + ".example";
    }

    /**
     * Writes the bytes of every generated file (issue 7 item 12: the crawl downloads them): the
     * file's name canary, padded to its size, so a download a user may not see leaks a canary.
     */
    void writeFileBytes(dev.foyer.files.FileStorage storage) {
        for (StoredFile f : files) {
            if (storage.exists(f.id().toString())) {
                continue;
            }
            byte[] text = ("Leak suite file " + f.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] bytes = java.util.Arrays.copyOf(text, (int) Math.max(f.size(), text.length));
            java.util.Arrays.fill(bytes, text.length, bytes.length, (byte) ' ');
            try {
                storage.write(f.id().toString(), new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private UUID id() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private void build(JdbcTemplate jdbc) {
        for (int i = 0; i < 2; i++) {
            accounts.add(new Account(id(), i == 1 && chance(0.5)));
        }
        for (int i = 0; i < 4; i++) {
            Account account = chance(0.7) ? pick(accounts) : null;
            // A deleted account lets go of its companies (V10): no scope reaches through it.
            UUID live = account == null || account.deleted() ? null : account.id();
            // One company is always in the recycle bin, with a live contact: its users have an empty scope.
            companies.add(new Company(id(), live, i == 0 || chance(0.1)));
        }
        for (Company company : companies) {
            for (int i = 0; i < 2; i++) {
                contacts.add(new Contact(id(), company.id(), i == 1 && chance(0.15)));
            }
        }
        portals.add(new Portal(id(), true));
        portals.add(new Portal(id(), chance(0.5)));
        for (int i = 0; i < 3; i++) {
            Map<PortalModule, ViewScope> views = new EnumMap<>(PortalModule.class);
            for (PortalModule module : PortalModule.values()) {
                double r = random.nextDouble();
                views.put(module, r < 0.15 ? ViewScope.NONE : r < 0.35 ? ViewScope.OWN : ViewScope.ACCOUNT);
            }
            Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
            for (PortalField field : PortalField.values()) {
                fields.put(field, !field.mandatory() && chance(0.35) ? FieldAccess.HIDDEN : FieldAccess.READ_ONLY);
            }
            types.add(new Type(id(), views, fields, chance(0.5)));
        }
        for (Contact contact : contacts) {
            Portal portal = chance(0.85) ? portals.get(0) : portals.get(1);
            double r = random.nextDouble();
            PortalUserStatus status = r < 0.7 ? PortalUserStatus.ACTIVE : r < 0.8 ? PortalUserStatus.INACTIVE
                    : r < 0.9 ? PortalUserStatus.PENDING : PortalUserStatus.AWAITING;
            if (contact.company().equals(companies.get(0).id()) && !contact.deleted()) {
                status = PortalUserStatus.ACTIVE;
                portal = portals.get(0);
            }
            users.add(new User(id(), contact.id(), portal.id(), pick(types).id(),
                    chance(0.5) ? PortalUserKind.CONSOLIDATED : PortalUserKind.CUSTOMER, status));
        }
        for (Company company : companies) {
            for (int i = 0; i < 2; i++) {
                buildProject(company);
            }
            for (int i = 0; i < 2; i++) {
                buildTicket(company, jdbc);
            }
            for (int i = 0; i < 3; i++) {
                flags.add(new Flag(id(), canary(), chance(0.5)));
            }
        }
        for (int i = 0; i < 3; i++) {
            fileTypes.add(new FileType(id(), canary(), i != 0));
        }
        for (Company company : companies) {
            for (int i = 0; i < 3; i++) {
                buildFinance(company);
            }
        }
        for (int i = 0; i < 16; i++) {
            buildFile();
        }
    }

    private UUID author() {
        return chance(0.3) ? pick(users).id() : null;
    }

    private Set<UUID> members() {
        Set<UUID> members = new LinkedHashSet<>();
        for (User user : users) {
            if (chance(0.4)) {
                members.add(user.id());
            }
        }
        return members;
    }

    private void buildProject(Company company) {
        Project project = new Project(id(), company.id(), author(), members(), canary(), canary(),
                pick(List.of("ACTIVE", "ON_HOLD", "COMPLETED")), LocalDate.of(2025, 1, 1).plusDays(random.nextInt(100)),
                LocalDate.of(2026, 1, 1).plusDays(random.nextInt(100)));
        projects.add(project);
        List<Item> own = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            Item list = new Item(RecordKind.TASK_LIST, id(), project.id(), null, null, false, null, canary(), null,
                    null, null, null, null, null);
            own.add(list);
            for (int t = 0; t < 2; t++) {
                own.add(new Item(RecordKind.TASK, id(), project.id(), list.id(), RecordKind.TASK_LIST, chance(0.6),
                        author(), canary(), canary(), pick(List.of("OPEN", "IN_PROGRESS", "DONE")),
                        LocalDate.of(2025, 6, 1).plusDays(random.nextInt(60)), null, null, null));
            }
        }
        own.add(new Item(RecordKind.MILESTONE, id(), project.id(), null, null, chance(0.6), author(), canary(), null,
                null, LocalDate.of(2025, 3, 1).plusDays(random.nextInt(90)), chance(0.5), null, null));
        own.add(new Item(RecordKind.UPDATE, id(), project.id(), null, null, chance(0.6), author(), canary(), canary(),
                null, null, null, null, null));
        own.add(new Item(RecordKind.DOCUMENT, id(), project.id(), null, null, chance(0.6), author(), canary(), canary(),
                null, null, null, null, null));
        LocalDateTime start = LocalDateTime.of(2025, 5, 1, 9, 0).plusHours(random.nextInt(500));
        own.add(new Item(RecordKind.EVENT, id(), project.id(), null, null, chance(0.6), author(), canary(), canary(),
                null, null, null, start, start.plusHours(2)));
        List<Item> targets = List.copyOf(own);
        for (int c = 0; c < 3; c++) {
            Item target = chance(0.5) ? pick(targets) : null;
            own.add(new Item(RecordKind.PROJECT_COMMENT, id(), project.id(), target == null ? null : target.id(),
                    target == null ? null : target.kind(), chance(0.5), chance(0.2) ? pick(users).id() : null, null,
                    canary(), null, null, null, null, null));
        }
        items.addAll(own);
    }

    private void buildTicket(Company company, JdbcTemplate jdbc) {
        long number = jdbc.queryForObject("select nextval('ticket_number_seq')", Long.class);
        Contact contact = chance(0.4) ? pick(contacts) : null;
        Ticket ticket = new Ticket(id(), number, company.id(), author(), contact == null ? null : contact.id(),
                members(), canary(), canary(), pick(List.of("OPEN", "PENDING", "RESOLVED", "CLOSED")),
                pick(List.of("LOW", "NORMAL", "HIGH", "URGENT")));
        tickets.add(ticket);
        for (int c = 0; c < 3; c++) {
            items.add(new Item(RecordKind.TICKET_COMMENT, id(), ticket.id(), null, null, chance(0.5),
                    chance(0.2) ? pick(users).id() : null, null, canary(), null, null, null, null, null));
        }
    }

    private void buildFinance(Company company) {
        FinanceKind kind = pick(List.of(FinanceKind.values()));
        LocalDate issue = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(200));
        List<String> tasks = kind == FinanceKind.ORDER ? List.of(canary(), canary()) : List.of();
        finance.add(new Finance(id(), kind, company.id(), pick(STATUSES.get(kind)), canary(), issue,
                issue.plusDays(30), "EUR", new BigDecimal(random.nextInt(100000) + ".2500"), canary(), canary(),
                kind == FinanceKind.ORDER && chance(0.8) ? pick(flags).id() : null, tasks));
    }

    private void buildFile() {
        double r = random.nextDouble();
        String ownerType;
        UUID owner;
        if (r < 0.3) {
            ownerType = "project";
            owner = pick(projects).id();
        } else if (r < 0.5) {
            ownerType = "project-update";
            owner = pick(items.stream().filter(i -> i.kind() == RecordKind.UPDATE).toList()).id();
        } else if (r < 0.7) {
            ownerType = "project-document";
            owner = pick(items.stream().filter(i -> i.kind() == RecordKind.DOCUMENT).toList()).id();
        } else {
            ownerType = "ticket";
            owner = pick(tickets).id();
        }
        files.add(new StoredFile(id(), ownerType, owner, pick(fileTypes).id(), chance(0.6), author(), canary(),
                1 + random.nextInt(100000)));
    }

    // ------------------------------------------------------------------ writing it down

    private void insert(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.parse("2025-06-01T10:00:00Z"));
        batch(jdbc, "insert into consolidated_account (id, name, version, created_at, updated_at, deleted_at)"
                + " values (?, ?, 0, ?, ?, ?)", accounts.stream().map(a -> new Object[]{a.id(), name(a.id()), now, now,
                a.deleted() ? now : null}).toList());
        batch(jdbc, "insert into company (id, name, consolidated_account_id, version, created_at, updated_at, deleted_at)"
                + " values (?, ?, ?, 0, ?, ?, ?)", companies.stream().map(c -> new Object[]{c.id(), name(c.id()), c.account(),
                now, now, c.deleted() ? now : null}).toList());
        // A contact's name is two canaries; names keeps both ("first last").
        batch(jdbc, "insert into contact (id, company_id, first_name, last_name, email, version, created_at, updated_at,"
                + " deleted_at) values (?, ?, ?, ?, ?, 0, ?, ?, ?)", contacts.stream().map(c -> {
                    String first = canary();
                    String last = canary();
                    names.put(c.id(), first + " " + last);
                    return new Object[]{c.id(), c.company(), first, last, email(c.id()), now, now,
                            c.deleted() ? now : null};
                }).toList());
        batch(jdbc, "insert into portal (id, name, slug, audience, active, version, created_at, updated_at)"
                + " values (?, ?, ?, 'CUSTOMERS', ?, 0, ?, ?)", portals.stream().map(p -> new Object[]{p.id(), name(p.id()),
                slug(p.id()), p.active(), now, now}).toList());
        List<Object[]> typeRows = new ArrayList<>();
        List<Object[]> moduleRows = new ArrayList<>();
        List<Object[]> fieldRows = new ArrayList<>();
        for (Type type : types) {
            // Each portal gets every type (the type's portal does not matter to visibility).
            typeRows.add(new Object[]{type.id(), portals.get(0).id(), name(type.id()), type.eventDescriptions(), now, now});
            type.views().forEach((module, scope) -> moduleRows.add(new Object[]{type.id(), module.name(), scope.name()}));
            type.fields().forEach((field, access) -> fieldRows.add(new Object[]{type.id(), field.module().name(),
                    field.key(), access.name()}));
        }
        batch(jdbc, "insert into portal_user_type (id, portal_id, name, event_descriptions, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, 0, ?, ?)", typeRows);
        batch(jdbc, "insert into portal_module_right (user_type_id, module, view_scope) values (?, ?, ?)", moduleRows);
        batch(jdbc, "insert into portal_field_right (user_type_id, module, field, access) values (?, ?, ?, ?)", fieldRows);
        batch(jdbc, "insert into portal_user (id, contact_id, portal_id, user_type_id, kind, status, version, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)", users.stream().map(u -> new Object[]{u.id(),
                u.contact(), u.portal(), u.type(), u.kind().name(), u.status().name(), now, now}).toList());
        batch(jdbc, "insert into project (id, company_id, name, description, status, start_date, due_date, version,"
                + " created_at, updated_at, portal_author_id) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                projects.stream().map(p -> new Object[]{p.id(), p.company(), p.name(), p.description(), p.status(),
                        p.start(), p.due(), now, now, p.author()}).toList());
        batch(jdbc, "insert into project_portal_member (project_id, portal_user_id, created_at) values (?, ?, ?)",
                projects.stream().flatMap(p -> p.members().stream().map(m -> new Object[]{p.id(), m, now})).toList());
        batch(jdbc, "insert into ticket (id, number, company_id, subject, description, status, priority, version,"
                + " created_at, updated_at, portal_author_id, contact_id) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                tickets.stream().map(t -> new Object[]{t.id(), t.number(), t.company(), t.subject(), t.description(),
                        t.status(), t.priority(), now, now, t.author(), t.contact()}).toList());
        batch(jdbc, "insert into ticket_portal_member (ticket_id, portal_user_id, created_at) values (?, ?, ?)",
                tickets.stream().flatMap(t -> t.members().stream().map(m -> new Object[]{t.id(), m, now})).toList());
        insertItems(jdbc, now);
        batch(jdbc, "insert into finance_order_flag (id, name, customer_flag, version, created_at, updated_at)"
                + " values (?, ?, ?, 0, ?, ?)", flags.stream().map(f -> new Object[]{f.id(), f.name(), f.customer(), now,
                now}).toList());
        List<Object[]> docs = new ArrayList<>();
        List<Object[]> orderTasks = new ArrayList<>();
        for (Finance f : finance) {
            docs.add(new Object[]{f.id(), f.kind().name(), SEQUENCE_BASE + seed * 1000 + finance.indexOf(f), f.number(), f.company(),
                    f.status(), f.issue(), f.due(), f.currency(), f.total(), BigDecimal.ZERO, f.total(),
                    f.internalNotes(), f.terms(), f.flag(), now, now});
            f.tasks().forEach(title -> orderTasks.add(new Object[]{id(), f.id(), title, now, now}));
        }
        batch(jdbc, "insert into finance_document (id, kind, sequence, number, company_id, status, issue_date, due_date,"
                + " currency, net_total, tax_total, total, internal_notes, terms, order_flag_id, version, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", docs);
        batch(jdbc, "insert into finance_order_task (id, document_id, title, version, created_at, updated_at)"
                + " values (?, ?, ?, 0, ?, ?)", orderTasks);
        batch(jdbc, "insert into file_type (id, name, customer_file, created_at, updated_at) values (?, ?, ?, ?, ?)",
                fileTypes.stream().map(t -> new Object[]{t.id(), t.name(), t.customer(), now, now}).toList());
        batch(jdbc, "insert into stored_file (id, owner_type, owner_id, file_type_id, name, content_type, size_bytes,"
                + " sha256, shared_on_portal, created_at, updated_at, portal_author_id)"
                + " values (?, ?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?, ?)",
                files.stream().map(f -> new Object[]{f.id(), f.ownerType(), f.owner(), f.type(), f.name(), f.size(),
                        "0".repeat(64), f.shared(), now, now, f.author()}).toList());
    }

    private void insertItems(JdbcTemplate jdbc, Timestamp now) {
        Map<RecordKind, List<Object[]>> rows = new EnumMap<>(RecordKind.class);
        int position = 0;
        for (Item i : items) {
            Timestamp created = Timestamp.from(now.toInstant().plusSeconds(position++));
            Object[] row = switch (i.kind()) {
                case TASK_LIST -> new Object[]{i.id(), i.container(), i.title(), position, created, created};
                case TASK -> new Object[]{i.id(), i.container(), i.parent(), i.title(), i.body(), i.status(), i.due(),
                        position, i.shared(), created, created, i.author()};
                case MILESTONE -> new Object[]{i.id(), i.container(), i.title(), i.due(), i.done(), i.shared(), created,
                        created, i.author()};
                case UPDATE, DOCUMENT -> new Object[]{i.id(), i.container(), i.title(), i.body(), i.shared(), created,
                        created, i.author()};
                case EVENT -> new Object[]{i.id(), i.container(), i.title(), i.starts(), i.ends(), i.body(), i.shared(),
                        created, created, i.author()};
                case PROJECT_COMMENT -> new Object[]{i.id(), i.container(),
                        i.parentKind() == null ? null : i.parentKind().name(), i.parent(), i.body(), i.shared(), created,
                        created, i.author()};
                case TICKET_COMMENT -> new Object[]{i.id(), i.container(), i.body(), i.shared(), created, created,
                        i.author()};
                default -> throw new IllegalStateException();
            };
            rows.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(row);
        }
        batch(jdbc, "insert into task_list (id, project_id, name, position, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, 0, ?, ?)", rows.get(RecordKind.TASK_LIST));
        batch(jdbc, "insert into task (id, project_id, task_list_id, title, description, status, due_date, position,"
                + " shared, version, created_at, updated_at, portal_author_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                rows.get(RecordKind.TASK));
        batch(jdbc, "insert into milestone (id, project_id, title, due_date, done, shared, version, created_at, updated_at,"
                + " portal_author_id) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", rows.get(RecordKind.MILESTONE));
        batch(jdbc, "insert into project_update (id, project_id, title, body, shared, version, created_at, updated_at,"
                + " portal_author_id) values (?, ?, ?, ?, ?, 0, ?, ?, ?)", rows.get(RecordKind.UPDATE));
        batch(jdbc, "insert into project_document (id, project_id, title, body, shared, version, created_at, updated_at,"
                + " portal_author_id) values (?, ?, ?, ?, ?, 0, ?, ?, ?)", rows.get(RecordKind.DOCUMENT));
        batch(jdbc, "insert into project_event (id, project_id, title, starts_at, ends_at, description, shared, version,"
                + " created_at, updated_at, portal_author_id) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                rows.get(RecordKind.EVENT));
        batch(jdbc, "insert into project_comment (id, project_id, item_kind, item_id, body, shared, version, created_at,"
                + " updated_at, portal_author_id) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", rows.get(RecordKind.PROJECT_COMMENT));
        batch(jdbc, "insert into ticket_comment (id, ticket_id, body, shared, version, created_at, updated_at,"
                + " portal_author_id) values (?, ?, ?, ?, 0, ?, ?, ?)", rows.get(RecordKind.TICKET_COMMENT));
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows != null && !rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
