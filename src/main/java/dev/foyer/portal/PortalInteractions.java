package dev.foyer.portal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a portal user writes (issue 7 items 2, 3; EXP-2, EXP-3, ACC-11): comments on visible
 * projects and tickets, uploads to them, and new tickets. Every method authorizes first (ACC-12):
 * an active viewer, the user type's module right (PRT-3), the record visible through
 * {@link PortalReads} — and only then writes, through the SPI of the module that keeps the record
 * ({@link PortalCommentStore}, {@link PortalFileStore}, {@link PortalTicketStore}), and appends a
 * {@link RecordActivity} in the same transaction. What the user may not see or do throws
 * {@link PortalRecordNotFound} (ACC-10); bad input and stale versions throw {@link PortalException}
 * with the form field and message key. Either way nothing is changed.
 */
@Service
public class PortalInteractions {

    /** The longest comment or ticket description a portal user may write, in characters of plain text. */
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SUBJECT = 200;
    public static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");
    private static final Logger log = LoggerFactory.getLogger(PortalInteractions.class);

    private final PortalViewers viewers;
    private final PortalReads reads;
    private final RecordActivities activities;
    private final Map<RecordKind, PortalCommentStore> comments;
    private final PortalFileStore files;
    private final PortalTicketStore tickets;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortalInteractions(PortalViewers viewers, PortalReads reads, RecordActivities activities,
                       List<PortalCommentStore> comments, PortalFileStore files, PortalTicketStore tickets,
                       JdbcClient jdbc, Clock clock) {
        this.viewers = viewers;
        this.reads = reads;
        this.activities = activities;
        this.comments = comments.stream().collect(Collectors.toMap(PortalCommentStore::kind, Function.identity()));
        this.files = files;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the user may write right now, for pages to offer; nothing for an inactive user. */
    @Transactional(readOnly = true)
    public PortalWriteRights rights(PortalUserId user) {
        Optional<PortalViewer> found = viewers.load(user).filter(PortalViewer::active);
        if (found.isEmpty()) {
            return PortalWriteRights.none();
        }
        Rights rights = found.get().rights();
        ModuleRight comment = rights.of(PortalModule.COMMENTS);
        ModuleRight file = rights.of(PortalModule.FILES);
        boolean upload = file.grantsView() && file.canCreate();
        return new PortalWriteRights(comment.grantsView() && comment.canCreate(),
                comment.grantsView() && comment.canEditOwn(), comment.grantsView() && comment.canDeleteOwn(),
                upload, file.grantsView() && file.canDeleteOwn(),
                rights.of(PortalModule.TICKETS).grantsView() && rights.of(PortalModule.TICKETS).canCreate(),
                upload ? files.customerTypes() : List.of(), files.maxSizeText());
    }

    // ---------------------------------------------------------------- comments

    /** Comments on a visible project or ticket (ACC-11: shared with its members and staff at once). */
    @Transactional
    public UUID comment(PortalUserId user, RecordRef container, String text) {
        PortalViewer viewer = require(user, PortalModule.COMMENTS, PortalAction.CREATE);
        RecordKind kind = commentKind(container.kind());
        requireVisible(user, container);
        String html = commentHtml(text);
        PortalAuthor author = author(viewer);
        UUID id = comments.get(kind).add(container.id(), author, html);
        activities.record(new RecordActivity(actor(author), ActivityKind.COMMENTED, new RecordRef(kind, id), container,
                text));
        log.info("Portal user {} commented on {} {}", user, container.kind(), container.id());
        return id;
    }

    /** Edits the user's own visible comment on that project or ticket at the version they saw. */
    @Transactional
    public void editComment(PortalUserId user, RecordRef container, RecordRef comment, long expectedVersion,
                            String text) {
        PortalViewer viewer = require(user, PortalModule.COMMENTS, PortalAction.EDIT_OWN);
        PortalComment found = ownComment(user, container, comment);
        String html = commentHtml(text);
        PortalAuthor author = author(viewer);
        if (found.version() != expectedVersion
                || !comments.get(comment.kind()).edit(comment.id(), expectedVersion, author, html)) {
            throw PortalException.of("body", "site.interact.error.stale");
        }
        activities.record(new RecordActivity(actor(author), ActivityKind.EDITED, comment, container, text));
    }

    /** Deletes the user's own visible comment on that project or ticket at the version they saw. */
    @Transactional
    public void deleteComment(PortalUserId user, RecordRef container, RecordRef comment, long expectedVersion) {
        PortalViewer viewer = require(user, PortalModule.COMMENTS, PortalAction.DELETE_OWN);
        PortalComment found = ownComment(user, container, comment);
        PortalAuthor author = author(viewer);
        if (found.version() != expectedVersion
                || !comments.get(comment.kind()).delete(comment.id(), expectedVersion, author)) {
            throw PortalException.of("", "site.interact.error.stale");
        }
        activities.record(new RecordActivity(actor(author), ActivityKind.DELETED, comment, container, found.text()));
    }

    // ---------------------------------------------------------------- files

    /**
     * Uploads a file to a visible project or ticket: whole or absent (the files module's store), of a
     * customer file type (ACC-7; the first one unless the user chose another), shared.
     */
    @Transactional
    public UUID upload(PortalUserId user, RecordRef owner, String name, InputStream content, UUID fileType) {
        PortalViewer viewer = require(user, PortalModule.FILES, PortalAction.CREATE);
        String ownerType = switch (owner.kind()) {
            case PROJECT -> "project";
            case TICKET -> "ticket";
            default -> throw new PortalRecordNotFound();
        };
        requireVisible(user, owner);
        List<PortalFileStore.Choice> types = files.customerTypes();
        if (types.isEmpty()) {
            throw PortalException.of("file", "site.interact.error.noFileType");
        }
        UUID type = fileType == null ? types.getFirst().id()
                : types.stream().map(PortalFileStore.Choice::id).filter(fileType::equals).findFirst()
                        .orElseThrow(() -> PortalException.of("fileType", "site.interact.error.fileType"));
        PortalAuthor author = author(viewer);
        UUID id = files.store(ownerType, owner.id(), author, name, content, type);
        activities.record(new RecordActivity(actor(author), ActivityKind.UPLOADED, new RecordRef(RecordKind.FILE, id),
                owner, name));
        log.info("Portal user {} uploaded file {} to {} {}", user, id, owner.kind(), owner.id());
        return id;
    }

    /** Deletes the user's own visible file attached to exactly that project or ticket. */
    @Transactional
    public void deleteFile(PortalUserId user, UUID fileId, RecordRef owner) {
        PortalViewer viewer = require(user, PortalModule.FILES, PortalAction.DELETE_OWN);
        PortalFile file = reads.file(user, fileId).filter(f -> f.owner().equals(owner))
                .orElseThrow(PortalRecordNotFound::new);
        boolean own = jdbc.sql("select coalesce(portal_author_id = :user, false) from stored_file where id = :id")
                .param("user", user.value()).param("id", fileId).query(Boolean.class).optional().orElse(false);
        PortalAuthor author = author(viewer);
        if (!own || !files.delete(fileId, author)) {
            throw new PortalRecordNotFound();
        }
        activities.record(new RecordActivity(actor(author), ActivityKind.DELETED, new RecordRef(RecordKind.FILE, fileId),
                owner, file.name()));
    }

    // ---------------------------------------------------------------- tickets

    /** The "open a ticket" form for a user whose type may create tickets; else {@link PortalRecordNotFound}. */
    @Transactional(readOnly = true)
    public PortalTicketForm ticketForm(PortalUserId user) {
        PortalViewer viewer = require(user, PortalModule.TICKETS, PortalAction.CREATE);
        List<PortalTicketForm.Company> companies = viewer.scope().isEmpty() ? List.of()
                : jdbc.sql("select id, name from company where id = any(:scope) and deleted_at is null"
                        + " order by lower(name), id limit 500")
                .param("scope", viewer.scope().toArray(UUID[]::new))
                .query((rs, n) -> new PortalTicketForm.Company(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return new PortalTicketForm(companies, viewer.rights().of(PortalField.TICKET_DESCRIPTION),
                viewer.rights().of(PortalField.TICKET_PRIORITY), PRIORITIES);
    }

    /**
     * Opens a ticket for a company of the user's scope (never trusting the posted company, ACC-1),
     * taking description and priority only where the user type makes them editable (PRT-4). The user
     * becomes its member (ACC-3), the staff user who invited them its owner (LIF-6).
     */
    @Transactional
    public UUID openTicket(PortalUserId user, NewPortalTicket input) {
        PortalViewer viewer = require(user, PortalModule.TICKETS, PortalAction.CREATE);
        Problems problems = new Problems();
        UUID company = input.company() == null && viewer.scope().size() == 1 ? viewer.scope().getFirst()
                : input.company();
        if (company == null || !viewer.scope().contains(company)) {
            problems.add("company", "site.ticket.new.error.company");
        }
        String subject = input.subject() == null ? "" : input.subject().strip();
        if (subject.isEmpty()) {
            problems.add("subject", "site.ticket.new.error.subject");
        } else if (subject.length() > MAX_SUBJECT) {
            problems.add("subject", "site.ticket.new.error.subjectTooLong");
        }
        String description = "";
        if (viewer.rights().of(PortalField.TICKET_DESCRIPTION) == FieldAccess.EDITABLE && input.description() != null
                && !input.description().isBlank()) {
            if (input.description().strip().length() > MAX_TEXT) {
                problems.add("description", "site.interact.error.tooLong");
            } else {
                description = PortalText.toHtml(input.description());
            }
        }
        String priority = PortalTicketForm.DEFAULT_PRIORITY;
        if (viewer.rights().of(PortalField.TICKET_PRIORITY) == FieldAccess.EDITABLE && input.priority() != null
                && !input.priority().isBlank()) {
            if (PRIORITIES.contains(input.priority())) {
                priority = input.priority();
            } else {
                problems.add("priority", "site.ticket.new.error.priority");
            }
        }
        problems.throwIfAny();
        PortalAuthor author = author(viewer);
        UUID id = tickets.open(author, company, viewer.contactId(), subject, description, priority);
        // ACC-3: the user follows the ticket they opened.
        jdbc.sql("""
                        insert into ticket_portal_member (ticket_id, portal_user_id, created_at, created_by)
                        values (:ticket, :user, :now, :owner)""")
                .param("ticket", id).param("user", user.value()).param("now", Timestamp.from(clock.instant()))
                .param("owner", author.owner()).update();
        RecordRef ticket = new RecordRef(RecordKind.TICKET, id);
        activities.record(new RecordActivity(actor(author), ActivityKind.OPENED, ticket, ticket, subject));
        log.info("Portal user {} opened ticket {}", user, id);
        return id;
    }

    // ---------------------------------------------------------------- the checks

    /** An active viewer whose user type grants the module and the action (PRT-3); else not found. */
    private PortalViewer require(PortalUserId user, PortalModule module, PortalAction action) {
        PortalViewer viewer = viewers.load(user).filter(PortalViewer::active).orElseThrow(PortalRecordNotFound::new);
        ModuleRight right = viewer.rights().of(module);
        if (!right.grantsView() || !right.allows(action)) {
            throw new PortalRecordNotFound();
        }
        return viewer;
    }

    private void requireVisible(PortalUserId user, RecordRef record) {
        boolean visible = switch (record.kind()) {
            case PROJECT -> reads.project(user, record.id()).isPresent();
            case TICKET -> reads.ticket(user, record.id()).isPresent();
            default -> false;
        };
        if (!visible) {
            throw new PortalRecordNotFound();
        }
    }

    /** The viewer's own visible comment, on exactly that project or ticket (not one of another record). */
    private PortalComment ownComment(PortalUserId user, RecordRef container, RecordRef comment) {
        if (comment.kind() != commentKind(container.kind())) {
            throw new PortalRecordNotFound();
        }
        return reads.comment(user, comment).filter(PortalComment::own)
                .filter(c -> c.containerId().equals(container.id())).orElseThrow(PortalRecordNotFound::new);
    }

    private static RecordKind commentKind(RecordKind container) {
        return switch (container) {
            case PROJECT -> RecordKind.PROJECT_COMMENT;
            case TICKET -> RecordKind.TICKET_COMMENT;
            default -> throw new PortalRecordNotFound();
        };
    }

    /** Plain text, 1 to {@value #MAX_TEXT} characters, stored escaped. */
    private static String commentHtml(String text) {
        if (text == null || text.isBlank()) {
            throw PortalException.of("body", "site.interact.error.empty");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw PortalException.of("body", "site.interact.error.tooLong");
        }
        return PortalText.toHtml(text);
    }

    /** The user's name (their contact) and owner (LIF-6: the staff user who invited them, if still there). */
    private PortalAuthor author(PortalViewer viewer) {
        return jdbc.sql("""
                        select c.first_name || ' ' || c.last_name as name,
                               (select s.id from staff_user s where s.id = u.created_by) as owner
                        from portal_user u join contact c on c.id = u.contact_id where u.id = :id""")
                .param("id", viewer.id().value())
                .query((rs, n) -> new PortalAuthor(viewer.id(), rs.getObject("owner", UUID.class), rs.getString("name")))
                .single();
    }

    private static ActivityActor actor(PortalAuthor author) {
        return ActivityActor.portalUser(author.portalUser(), author.name());
    }
}
