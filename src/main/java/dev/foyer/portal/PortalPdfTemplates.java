package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.FieldChange;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.pdf.PdfTemplateException;
import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.pdf.PdfTemplateSummary;
import dev.foyer.pdf.PdfTemplateUses;
import dev.foyer.pdf.PdfTemplates;
import dev.foyer.pdf.PrintKind;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each portal's default PDF template per kind of financial document (PRT-6, docs/adr/010). Per
 * portal, because a vendors' portal may print differently from the customers' one; a portal that
 * chose nothing for a kind prints with the kind's default template. Only templates not marked
 * internal use only can be chosen — {@link PdfTemplates#requirePortalDefaultCandidate} decides, so
 * a forged form changes nothing — and, as {@link PdfTemplateUses}, this tells the PDF module which
 * portals use a template, so it refuses to mark such a template internal use only or to delete it.
 */
@Service
public class PortalPdfTemplates implements PdfTemplateUses {

    /** History field of a kind's choice, e.g. {@code pdfTemplateINVOICE} (label {@code field.pdfTemplateINVOICE}). */
    static final String FIELD_PREFIX = "pdfTemplate";
    /** How many portals a refusal names at most. */
    private static final int MAX_NAMED = 5;
    private static final Logger log = LoggerFactory.getLogger(PortalPdfTemplates.class);

    private final PortalRepository portals;
    private final PdfTemplates templates;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortalPdfTemplates(PortalRepository portals, PdfTemplates templates, RecordHistory history, JdbcClient jdbc,
                       Clock clock) {
        this.portals = portals;
        this.templates = templates;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The portal's choice per kind, in {@link PrintKind} order, with what it may choose from. */
    @Transactional(readOnly = true)
    public List<PortalPdfDefault> current(StaffPrincipal actor, PortalId portal) {
        PortalAccess.requireManagePortals(actor);
        Map<PrintKind, Row> rows = rows(portal, false);
        List<PortalPdfDefault> result = new ArrayList<>();
        for (PrintKind kind : PrintKind.values()) {
            Row row = rows.get(kind);
            PdfTemplateId chosen = row == null ? null : row.template();
            String name = chosen == null ? null : templates.summary(chosen).map(PdfTemplateSummary::name).orElse(null);
            result.add(new PortalPdfDefault(kind, chosen, name, row == null ? 0 : row.version(),
                    templates.portalDefaultCandidates(kind)));
        }
        return result;
    }

    /**
     * Stores the portal's choices: per kind a template id, or null for the kind's default template,
     * each with the version the admin saw. Refused as a whole — nothing changes — when any version is
     * stale ({@link StaleVersionException}) or any chosen template may not be a portal default
     * ({@link PortalException} naming the kind's field, e.g. internal use only).
     */
    @Transactional
    public void save(StaffPrincipal actor, PortalId portalId, Map<PrintKind, PdfTemplateId> chosen,
                     Map<PrintKind, Long> versions) {
        PortalAccess.requireManagePortals(actor);
        Portal portal = portals.findById(portalId).orElseThrow(() -> PortalException.of("", "record.error.notFound"));
        Map<PrintKind, Row> rows = rows(portalId, true);
        Map<PrintKind, PdfTemplateId> changed = new EnumMap<>(PrintKind.class);
        for (PrintKind kind : PrintKind.values()) {
            if (!chosen.containsKey(kind)) {
                continue;
            }
            Row row = rows.get(kind);
            long current = row == null ? 0 : row.version();
            if (versions.get(kind) == null || versions.get(kind) != current) {
                throw new StaleVersionException("portal " + portalId + " PDF template for " + kind);
            }
            PdfTemplateId before = row == null ? null : row.template();
            if (!Objects.equals(before, chosen.get(kind))) {
                changed.put(kind, chosen.get(kind));
            }
        }
        Map<String, String> problems = new LinkedHashMap<>();
        changed.forEach((kind, template) -> {
            if (template == null) {
                return;
            }
            try {
                // Locks the template for share until commit (see PdfTemplates#requirePortalDefaultCandidate).
                templates.requirePortalDefaultCandidate(template, kind);
            } catch (PdfTemplateException e) {
                problems.put(kind.name().toLowerCase(Locale.ROOT), e.problems().getFirst().messageKey());
            }
        });
        if (!problems.isEmpty()) {
            throw new PortalException(problems);
        }
        if (changed.isEmpty()) {
            return;
        }
        List<FieldChange> changes = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<PrintKind, PdfTemplateId> entry : changed.entrySet()) {
            PrintKind kind = entry.getKey();
            Row row = rows.get(kind);
            UUID template = entry.getValue() == null ? null : entry.getValue().value();
            int written = jdbc.sql("""
                            insert into portal_pdf_default (portal_id, kind, template_id, version, updated_at, updated_by)
                            values (:portal, :kind, :template, 1, :now, :actor)
                            on conflict (portal_id, kind) do update
                                set template_id = excluded.template_id, version = portal_pdf_default.version + 1,
                                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                                where portal_pdf_default.version = :expected""")
                    .param("portal", portalId.value()).param("kind", kind.name()).param("template", template)
                    .param("now", now).param("actor", actor.id().value())
                    .param("expected", row == null ? 0 : row.version()).update();
            if (written == 0) {
                throw new StaleVersionException("portal " + portalId + " PDF template for " + kind);
            }
            changes.add(new FieldChange(FIELD_PREFIX + kind.name(), name(row == null ? null : row.template()),
                    name(entry.getValue())));
        }
        history.record(Portals.RECORD_TYPE, portalId.value(), portal.version(), ChangeAction.UPDATED,
                ChangeAuthor.of(actor), changes);
        log.info("Staff user {} changed the default PDF templates of portal {}: {}", actor.email(), portalId,
                changed.keySet());
    }

    /**
     * The template to print a document of this kind with for the portal's users (PRT-6, ACC-5): its
     * chosen default, or the kind's default template when it chose none. Portal pages (issue 7)
     * pass the result to {@code PdfDocuments.render}.
     */
    @Transactional(readOnly = true)
    public PdfTemplateId templateFor(PortalId portal, PrintKind kind) {
        PdfTemplateId chosen = jdbc.sql("select template_id from portal_pdf_default where portal_id = :portal and kind = :kind")
                .param("portal", portal.value()).param("kind", kind.name())
                .query((rs, n) -> (UUID) rs.getObject("template_id", UUID.class)).optional()
                .filter(Objects::nonNull).map(PdfTemplateId::new).orElse(null);
        return templates.forPortal(chosen, kind);
    }

    /** The portals that print with the template as their default (PRT-6), for the PDF module's refusals. */
    @Override
    @Transactional(readOnly = true)
    public List<String> defaultUsesOf(PdfTemplateId template) {
        return jdbc.sql("""
                        select p.name from portal_pdf_default d join portal p on p.id = d.portal_id
                        where d.template_id = :template order by lower(p.name), p.id limit :limit""")
                .param("template", template.value()).param("limit", MAX_NAMED).query(String.class).list();
    }

    private Map<PrintKind, Row> rows(PortalId portal, boolean lock) {
        Map<PrintKind, Row> rows = new EnumMap<>(PrintKind.class);
        jdbc.sql("select kind, template_id, version from portal_pdf_default where portal_id = :portal"
                        + " order by kind limit :limit" + (lock ? " for update" : ""))
                .param("portal", portal.value()).param("limit", PrintKind.values().length)
                .query((rs, n) -> new Row(PrintKind.valueOf(rs.getString("kind")),
                        rs.getObject("template_id") == null ? null
                                : new PdfTemplateId(rs.getObject("template_id", UUID.class)),
                        rs.getLong("version")))
                .list().forEach(row -> rows.put(row.kind(), row));
        return rows;
    }

    private String name(PdfTemplateId template) {
        return template == null ? null : templates.summary(template).map(PdfTemplateSummary::name)
                .orElse(template.toString());
    }

    private record Row(PrintKind kind, PdfTemplateId template, long version) {
    }
}
