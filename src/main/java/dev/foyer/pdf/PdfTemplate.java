package dev.foyer.pdf;

import java.time.Instant;
import java.util.Objects;

import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A PDF template for one kind of document (issue 4): a name, HTML with placeholders (ADR 005) and
 * CSS, marked "internal use only" or not (seed 000), and whether it is its kind's default. Changes
 * go through {@link PdfTemplates}, which also keeps exactly one default per kind.
 */
@Table("pdf_template")
public final class PdfTemplate {

    public static final int MAX_NAME = 100;
    public static final int MAX_HTML = 200_000;
    public static final int MAX_CSS = 100_000;

    @Id
    private final PdfTemplateId id;
    private final PrintKind kind;
    private String name;
    private String html;
    private String css;
    private boolean internalOnly;
    @Column("is_default")
    private boolean defaultForKind;
    @Version
    private Long version;
    private final Instant createdAt;
    private final StaffUserId createdBy;
    private Instant updatedAt;
    private StaffUserId updatedBy;

    @PersistenceCreator
    PdfTemplate(PdfTemplateId id, PrintKind kind, String name, String html, String css, boolean internalOnly,
                boolean defaultForKind, Long version, Instant createdAt, StaffUserId createdBy, Instant updatedAt,
                StaffUserId updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.name = name;
        this.html = html;
        this.css = css;
        this.internalOnly = internalOnly;
        this.defaultForKind = defaultForKind;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static PdfTemplate create(PrintKind kind, PdfTemplateDraft draft, StaffUserId actor, Instant now) {
        PdfTemplate template = new PdfTemplate(PdfTemplateId.newId(), kind, null, null, null, false, false, null, now,
                actor, now, actor);
        template.apply(draft, actor, now);
        return template;
    }

    void apply(PdfTemplateDraft draft, StaffUserId actor, Instant now) {
        if (!draft.hasValidName() || !draft.hasValidSizes()) {
            throw new IllegalArgumentException("A template has a name of 1 to " + MAX_NAME
                    + " characters, HTML of 1 to " + MAX_HTML + " and CSS of at most " + MAX_CSS);
        }
        this.name = draft.name().strip();
        this.html = draft.html();
        this.css = draft.css() == null ? "" : draft.css();
        this.internalOnly = draft.internalOnly();
        touch(actor, now);
    }

    void markDefault(StaffUserId actor, Instant now) {
        this.defaultForKind = true;
        touch(actor, now);
    }

    private void touch(StaffUserId actor, Instant now) {
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    /** Whether a portal may use this template as its default for the kind (PRT-6): not internal use only. */
    public boolean portalDefaultCandidate() {
        return !internalOnly;
    }

    public PdfTemplateDraft draft() {
        return new PdfTemplateDraft(name, html, css, internalOnly);
    }

    public PdfTemplateId id() {
        return id;
    }

    public PrintKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String html() {
        return html;
    }

    public String css() {
        return css;
    }

    public boolean internalOnly() {
        return internalOnly;
    }

    public boolean defaultForKind() {
        return defaultForKind;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
