package dev.foyer.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.audit.RecordWriter;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PDF templates (issue 4, seed 000): admins list, create (from a kind's default), edit with a live
 * preview, mark internal use only, make default and delete them. Every kind always has exactly one
 * default: the partial unique index keeps it at most one, and the default can be neither deleted
 * nor un-defaulted except by making another template the default. Every change is checked (syntax,
 * names, a trial render) before it is stored, and recorded in the template's history.
 */
@Service
public class PdfTemplates {

    public static final String RECORD_TYPE = "pdf-template";
    /** The portal settings offer at most this many templates per kind. */
    public static final int MAX_CHOICES = 200;

    private static final Logger log = LoggerFactory.getLogger(PdfTemplates.class);
    private static final String COLUMNS = "id, kind, name, internal_only, is_default, updated_at";

    private final PdfTemplateRepository templates;
    private final PdfDocuments documents;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<PdfTemplateUses> uses;

    PdfTemplates(PdfTemplateRepository templates, PdfDocuments documents, RecordHistory history, JdbcClient jdbc,
                 Clock clock, ObjectProvider<PdfTemplateUses> uses) {
        this.templates = templates;
        this.documents = documents;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
        this.uses = uses;
    }

    /** Who manages PDF templates: admins (they hold the portal settings, PRODUCT.md §1). */
    public static boolean canManage(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireManage(StaffPrincipal actor) {
        if (!canManage(actor)) {
            throw new AccessDeniedException("Only admins manage PDF templates");
        }
    }

    /**
     * Every name a template may use, as the editor lists them: values ({@code customer.name}),
     * lists with their items' names ({@code #lines: position, description, …}) and labels ({@code t.*}).
     */
    public static List<String> placeholderNames() {
        return TemplateSource.names();
    }

    /** A page of templates, of one kind or all; by kind, its default first, then by name. */
    @Transactional(readOnly = true)
    public Page<PdfTemplateSummary> list(StaffPrincipal actor, PrintKind kind, Pageable pageable) {
        requireManage(actor);
        String where = kind == null ? "" : " where kind = :kind";
        var count = jdbc.sql("select count(*) from pdf_template" + where);
        var rows = jdbc.sql("select " + COLUMNS + " from pdf_template" + where + " " + """
                order by case kind when 'QUOTE' then 0 when 'INVOICE' then 1 when 'ORDER' then 2 else 3 end,
                          is_default desc, lower(name), id limit :limit offset :offset""");
        if (kind != null) {
            count = count.param("kind", kind.name());
            rows = rows.param("kind", kind.name());
        }
        long total = count.query(Long.class).single();
        List<PdfTemplateSummary> page = rows.param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset()).query((rs, n) -> summary(rs)).list();
        return new PageImpl<>(page, pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<PdfTemplate> find(StaffPrincipal actor, PdfTemplateId id) {
        requireManage(actor);
        return templates.findById(id);
    }

    /** The kind's default template (there is one once Foyer has started). */
    @Transactional(readOnly = true)
    public Optional<PdfTemplate> defaultFor(StaffPrincipal actor, PrintKind kind) {
        requireManage(actor);
        return templates.findDefault(kind.name());
    }

    /**
     * The templates a portal may use as its default for a kind (PRT-6): those not marked internal
     * use only, by name, at most {@link #MAX_CHOICES}.
     */
    @Transactional(readOnly = true)
    public List<PdfTemplateSummary> portalDefaultCandidates(PrintKind kind) {
        return jdbc.sql("select " + COLUMNS + " from pdf_template where kind = :kind and not internal_only"
                        + " order by is_default desc, lower(name), id limit :limit")
                .param("kind", kind.name()).param("limit", MAX_CHOICES)
                .query((rs, n) -> summary(rs)).list();
    }

    /**
     * The template, if a portal may make it its default for {@code kind} (PRT-6); refuses one that
     * is marked internal use only, of another kind, or unknown, with a {@link PdfTemplateException}
     * on the field "template". The portal settings call this before they store their choice.
     */
    @Transactional
    public PdfTemplate requirePortalDefaultCandidate(PdfTemplateId id, PrintKind kind) {
        // Locked for share until the caller commits: marking it internal use only (which locks it
        // for update before it asks who uses it) waits for the portal's choice, or the reverse.
        if (id == null || jdbc.sql("select id from pdf_template where id = :id for share").param("id", id.value())
                .query(UUID.class).optional().isEmpty()) {
            throw PdfTemplateException.of("template", "pdfTemplates.error.notFound");
        }
        PdfTemplate template = templates.findById(id)
                .orElseThrow(() -> PdfTemplateException.of("template", "pdfTemplates.error.notFound"));
        if (template.kind() != kind) {
            throw PdfTemplateException.of("template", "pdfTemplates.error.wrongKind");
        }
        if (!template.portalDefaultCandidate()) {
            throw PdfTemplateException.of("template", "pdfTemplates.error.internalOnlyPortalDefault");
        }
        return template;
    }

    /**
     * The template a portal prints a document of {@code kind} with (PRT-6, ACC-5): the portal's
     * chosen default when it is set and still a portal candidate of that kind, otherwise the kind's
     * default template. Needs no staff user: portal pages (issue 7) call it through the portal module.
     */
    @Transactional(readOnly = true)
    public PdfTemplateId forPortal(PdfTemplateId chosen, PrintKind kind) {
        if (chosen != null) {
            Optional<PdfTemplate> template = templates.findById(chosen)
                    .filter(t -> t.kind() == kind && t.portalDefaultCandidate());
            if (template.isPresent()) {
                return template.get().id();
            }
        }
        return templates.findDefault(kind.name()).map(PdfTemplate::id).orElseThrow(() ->
                new IllegalStateException("No default PDF template for " + kind));
    }

    /** The template's name and kind for settings pages that show a choice; empty when it does not exist. */
    @Transactional(readOnly = true)
    public Optional<PdfTemplateSummary> summary(PdfTemplateId id) {
        return jdbc.sql("select " + COLUMNS + " from pdf_template where id = :id").param("id", id.value())
                .query((rs, n) -> summary(rs)).optional();
    }

    /** What a new template of the kind starts from: the kind's default (the caller names the copy). */
    @Transactional(readOnly = true)
    public PdfTemplateDraft startingPoint(StaffPrincipal actor, PrintKind kind) {
        requireManage(actor);
        PdfTemplate source = templates.findDefault(kind.name()).orElseThrow(() ->
                PdfTemplateException.of("", "pdfTemplates.error.notFound"));
        return source.draft();
    }

    /** Checks the draft, renders the sample document of the kind with it, and answers the PDF. */
    public byte[] preview(StaffPrincipal actor, PrintKind kind, String html, String css, Locale locale) {
        requireManage(actor);
        TemplateSource source = checkedSource(html, css);
        return renderSample(source, css, kind, locale);
    }

    @Transactional
    public PdfTemplate create(StaffPrincipal actor, PrintKind kind, PdfTemplateDraft draft) {
        requireManage(actor);
        check(kind, draft, null);
        PdfTemplate saved = save(PdfTemplate.create(kind, draft, actor.id(), clock.instant()));
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.CREATED,
                RecordWriter.of(actor).author(), RecordHistory.diff(Map.of(), snapshot(saved)));
        log.info("Staff user {} created PDF template {} for {}", actor.email(), saved.id(), kind);
        return saved;
    }

    @Transactional
    public PdfTemplate update(StaffPrincipal actor, PdfTemplateId id, long expectedVersion, PdfTemplateDraft draft) {
        requireManage(actor);
        lockRow(id);
        PdfTemplate template = load(id, expectedVersion);
        check(template.kind(), draft, id);
        if (draft.internalOnly() && !template.internalOnly()) {
            // PRT-6: a portal's default must stay one a portal may use.
            requireNoDefaultUses(id, "internalOnly", "pdfTemplates.error.internalOnlyUsedByPortal");
        }
        Map<String, String> before = snapshot(template);
        template.apply(draft, actor.id(), clock.instant());
        PdfTemplate saved = save(template);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, RecordWriter.of(actor).author(),
                RecordHistory.diff(before, snapshot(saved)));
        log.info("Staff user {} edited PDF template {}", actor.email(), id);
        return saved;
    }

    /** Makes the template its kind's default; the previous default stops being one in the same transaction. */
    @Transactional
    public PdfTemplate makeDefault(StaffPrincipal actor, PdfTemplateId id, long expectedVersion) {
        requireManage(actor);
        PdfTemplate template = load(id, expectedVersion);
        lockKind(template.kind());
        if (template.defaultForKind()) {
            return template;
        }
        Optional<PdfTemplate> previous = templates.findDefault(template.kind().name());
        if (previous.isPresent()) {
            PdfTemplate other = previous.get();
            jdbc.sql("""
                            update pdf_template set is_default = false, version = version + 1, updated_at = :now,
                                   updated_by = :actor
                            where id = :id""")
                    .param("id", other.id().value()).param("now", Timestamp.from(clock.instant()))
                    .param("actor", actor.id().value()).update();
            history.record(RECORD_TYPE, other.id().value(), other.version() + 1, ChangeAction.UPDATED,
                    RecordWriter.of(actor).author(),
                    RecordHistory.diff(Map.of("defaultForKind", "true"), Map.of("defaultForKind", "false")));
        }
        template.markDefault(actor.id(), clock.instant());
        PdfTemplate saved = save(template);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, RecordWriter.of(actor).author(),
                RecordHistory.diff(Map.of("defaultForKind", "false"), Map.of("defaultForKind", "true")));
        log.info("Staff user {} made PDF template {} the default for {}", actor.email(), id, template.kind());
        return saved;
    }

    /** Deletes a template that is neither its kind's default nor its last one. */
    @Transactional
    public void delete(StaffPrincipal actor, PdfTemplateId id, long expectedVersion) {
        requireManage(actor);
        PdfTemplate template = load(id, expectedVersion);
        lockKind(template.kind());
        if (template.defaultForKind()) {
            throw PdfTemplateException.of("", "pdfTemplates.error.deleteDefault");
        }
        long ofKind = jdbc.sql("select count(*) from pdf_template where kind = :kind")
                .param("kind", template.kind().name()).query(Long.class).single();
        if (ofKind <= 1) {
            throw PdfTemplateException.of("", "pdfTemplates.error.deleteLast");
        }
        lockRow(id);
        requireNoDefaultUses(id, "", "pdfTemplates.error.deleteUsedByPortal");
        int deleted = jdbc.sql("delete from pdf_template where id = :id and version = :version")
                .param("id", id.value()).param("version", expectedVersion).update();
        if (deleted == 0) {
            throw new StaleVersionException("PDF template " + id);
        }
        history.record(RECORD_TYPE, id.value(), expectedVersion + 1, ChangeAction.DELETED, RecordWriter.of(actor).author(),
                RecordHistory.diff(snapshot(template), Map.of()));
        log.info("Staff user {} deleted PDF template {} ({})", actor.email(), id, template.kind());
    }

    /**
     * Inserts Foyer's shipped template for a kind that has none (start-up, {@link ShippedTemplates}).
     * Several nodes starting at once insert it once: the insert does nothing when the kind has a
     * template or another node's default arrived first.
     */
    @Transactional
    public boolean insertShippedIfMissing(PrintKind kind, PdfTemplateDraft shipped) {
        PdfTemplateId id = PdfTemplateId.newId();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        insert into pdf_template (id, kind, name, html, css, internal_only, is_default, version,
                                                  created_at, updated_at)
                        select :id, :kind, :name, :html, :css, false, true, 0, :now, :now
                        where not exists (select 1 from pdf_template where kind = :kind)
                        on conflict do nothing""")
                .param("id", id.value()).param("kind", kind.name()).param("name", shipped.name())
                .param("html", shipped.html()).param("css", shipped.css()).param("now", now).update();
        if (inserted == 1) {
            history.record(RECORD_TYPE, id.value(), 0, ChangeAction.CREATED, new ChangeAuthor(null, "Foyer", null),
                    RecordHistory.diff(Map.of(), snapshot(templates.findById(id).orElseThrow())));
            log.info("Inserted Foyer's shipped PDF template for {}", kind);
        }
        return inserted == 1;
    }

    private void check(PrintKind kind, PdfTemplateDraft draft, PdfTemplateId except) {
        List<PdfTemplateException.Problem> problems = new ArrayList<>();
        if (!draft.hasValidName()) {
            problems.add(new PdfTemplateException.Problem("name", "pdfTemplates.error.name", List.of()));
        } else {
            templates.findByName(kind.name(), draft.name().strip()).filter(other -> !other.id().equals(except))
                    .ifPresent(other -> problems.add(new PdfTemplateException.Problem("name",
                            "pdfTemplates.error.nameTaken", List.of())));
        }
        try {
            TemplateSource source = checkedSource(draft.html(), draft.css());
            if (problems.isEmpty()) {
                // A trial render: what cannot be laid out is refused before it is stored.
                renderSample(source, draft.css(), kind, Locale.ENGLISH);
            }
        } catch (PdfTemplateException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new PdfTemplateException(problems);
        }
    }

    private static TemplateSource checkedSource(String html, String css) {
        if (html == null || html.isBlank() || html.length() > PdfTemplate.MAX_HTML) {
            throw PdfTemplateException.of("html", "pdfTemplates.error.htmlSize");
        }
        if (css != null && css.length() > PdfTemplate.MAX_CSS) {
            throw PdfTemplateException.of("css", "pdfTemplates.error.cssSize");
        }
        return TemplateSource.checked(html);
    }

    private byte[] renderSample(TemplateSource source, String css, PrintKind kind, Locale locale) {
        try {
            return documents.render(source, css, SampleDocuments.of(kind, locale));
        } catch (PdfRenderingException e) {
            throw PdfTemplateException.of("html", "pdfTemplates.error.render");
        }
    }

    /**
     * Refuses with the names of what uses the template as its default (PRT-6). The caller holds the
     * row lock, so no portal can choose the template between this check and the commit.
     */
    private void requireNoDefaultUses(PdfTemplateId id, String field, String messageKey) {
        List<String> users = uses.orderedStream().flatMap(u -> u.defaultUsesOf(id).stream()).toList();
        if (!users.isEmpty()) {
            throw PdfTemplateException.of(field, messageKey, String.join(", ", users));
        }
    }

    private void lockRow(PdfTemplateId id) {
        jdbc.sql("select id from pdf_template where id = :id for update").param("id", id.value())
                .query(UUID.class).optional();
    }

    private void lockKind(PrintKind kind) {
        // Serializes default changes and deletes per kind, so "exactly one default" holds under concurrency.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "pdf_template:" + kind.name())
                .query((rs, n) -> 1).single();
    }

    private PdfTemplate load(PdfTemplateId id, long expectedVersion) {
        PdfTemplate template = templates.findById(id)
                .orElseThrow(() -> PdfTemplateException.of("", "pdfTemplates.error.notFound"));
        if (template.version() != expectedVersion) {
            throw new StaleVersionException("PDF template " + id);
        }
        return template;
    }

    private PdfTemplate save(PdfTemplate template) {
        try {
            return templates.save(template);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("PDF template " + template.id());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    // Another admin saved the same name for this kind a moment ago.
                    throw PdfTemplateException.of("name", "pdfTemplates.error.nameTaken");
                }
            }
            throw e;
        }
    }

    private static Map<String, String> snapshot(PdfTemplate template) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", template.name());
        fields.put("kind", template.kind().name());
        fields.put("internalOnly", String.valueOf(template.internalOnly()));
        fields.put("defaultForKind", String.valueOf(template.defaultForKind()));
        fields.put("html", fingerprint(template.html()));
        fields.put("css", fingerprint(template.css()));
        return fields;
    }

    /** The history shows a template's HTML or CSS by size and fingerprint, not in full. */
    private static String fingerprint(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return text.length() + " characters, #" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PdfTemplateSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PdfTemplateSummary(new PdfTemplateId(rs.getObject("id", UUID.class)),
                PrintKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getBoolean("internal_only"),
                rs.getBoolean("is_default"), rs.getTimestamp("updated_at").toInstant());
    }
}
