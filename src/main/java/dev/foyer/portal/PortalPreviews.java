package dev.foyer.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PRT-8: staff who manage portals view a portal as a user type (with a company of its users) or as
 * one contact's portal user, read-only. Every start is recorded with its reason before anything is
 * shown (the audit the admins list on the portal's preview page); the row is also the preview's
 * state, so ending or expiring it takes effect on the next request. Reads during a preview still go
 * through {@link PortalReads}: a contact preview reads as that portal user exactly, a type preview
 * as a synthetic viewer built by {@link PortalViewers} from this row.
 */
@Service
public class PortalPreviews {

    public static final int MAX_REASON = 1000;
    public static final int MAX_CHOICES = 200;

    private static final String COLUMNS = """
            v.id, v.portal_id, p.slug, v.kind, v.user_type_id, v.company_id, v.portal_user_id, v.target_name,
            v.reason, v.staff_user_id, v.staff_name, v.started_at, v.expires_at, v.ended_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration timeout;

    PortalPreviews(JdbcClient jdbc, Clock clock,
                   @Value("${foyer.portal.preview-timeout:30m}") Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A choice for the preview forms: an id and what to show for it. */
    public record Choice(UUID id, String name) {
    }

    /** Starts a preview as a user type of the portal, seeing with one company of its users; the reason is required. */
    @Transactional
    public PortalPreview startAsUserType(StaffPrincipal actor, PortalId portalId, UserTypeId typeId, UUID companyId,
                                         String reason) {
        PortalAccess.requireManagePortals(actor);
        String why = requireReason(reason);
        String slug = portalSlug(portalId);
        String typeName = jdbc.sql("select name from portal_user_type where id = :id and portal_id = :portal")
                .param("id", typeId == null ? null : typeId.value()).param("portal", portalId.value())
                .query(String.class).optional()
                .orElseThrow(() -> PortalException.of("userType", "portal.preview.error.userType"));
        String companyName = companyChoices(portalId).stream().filter(c -> c.id().equals(companyId)).findFirst()
                .map(Choice::name).orElseThrow(() -> PortalException.of("company", "portal.preview.error.company"));
        return insert(actor, portalId, slug, PreviewKind.USER_TYPE, typeId.value(), companyId, null,
                typeName + " · " + companyName, why);
    }

    /** Starts a preview as the portal user of a contact in this portal: exactly what they see. */
    @Transactional
    public PortalPreview startAsContact(StaffPrincipal actor, PortalId portalId, PortalUserId userId, String reason) {
        PortalAccess.requireManagePortals(actor);
        String why = requireReason(reason);
        String slug = portalSlug(portalId);
        String name = jdbc.sql("""
                        select c.first_name || ' ' || c.last_name || ' · ' || co.name
                        from portal_user u join contact c on c.id = u.contact_id join company co on co.id = c.company_id
                        where u.id = :id and u.portal_id = :portal""")
                .param("id", userId == null ? null : userId.value()).param("portal", portalId.value())
                .query(String.class).optional()
                .orElseThrow(() -> PortalException.of("portalUser", "portal.preview.error.contact"));
        return insert(actor, portalId, slug, PreviewKind.CONTACT, null, null, userId.value(), name, why);
    }

    /** The preview if it exists and is still active (not ended, not expired). */
    @Transactional(readOnly = true)
    public Optional<PortalPreview> active(UUID previewId) {
        return find(previewId).filter(p -> p.activeAt(clock.instant()));
    }

    /** Ends the preview now; ending one that ended or expired changes nothing. */
    @Transactional
    public void end(UUID previewId) {
        jdbc.sql("update portal_preview set ended_at = :now where id = :id and ended_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", previewId).update();
    }

    /** The portal's previews, newest first, for admins. */
    @Transactional(readOnly = true)
    public Page<PortalPreview> list(StaffPrincipal actor, PortalId portalId, Pageable pageable) {
        PortalAccess.requireManagePortals(actor);
        List<PortalPreview> rows = jdbc.sql("select " + COLUMNS + """
                         from portal_preview v left join portal p on p.id = v.portal_id
                         where v.portal_id = :portal order by v.started_at desc, v.id limit :limit offset :offset""")
                .param("portal", portalId.value()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset()).query(this::preview).list();
        long total = jdbc.sql("select count(*) from portal_preview where portal_id = :portal")
                .param("portal", portalId.value()).query(Long.class).single();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Companies to preview a user type with: the live companies of the portal's users (its audience in practice). */
    @Transactional(readOnly = true)
    public List<Choice> companyChoices(PortalId portalId) {
        return jdbc.sql("""
                        select co.id, co.name from company co
                        where co.deleted_at is null and exists (
                            select 1 from portal_user u join contact c on c.id = u.contact_id
                            where u.portal_id = :portal and c.company_id = co.id)
                        order by lower(co.name), co.id limit :limit""")
                .param("portal", portalId.value()).param("limit", MAX_CHOICES)
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    /** Contacts with a portal user in this portal, by name. */
    @Transactional(readOnly = true)
    public List<Choice> contactChoices(PortalId portalId) {
        return jdbc.sql("""
                        select u.id, c.first_name || ' ' || c.last_name || ' · ' || co.name || ' · ' || t.name as name
                        from portal_user u join contact c on c.id = u.contact_id join company co on co.id = c.company_id
                             join portal_user_type t on t.id = u.user_type_id
                        where u.portal_id = :portal and c.deleted_at is null
                        order by lower(c.last_name), lower(c.first_name), u.id limit :limit""")
                .param("portal", portalId.value()).param("limit", MAX_CHOICES)
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    Optional<PortalPreview> find(UUID previewId) {
        if (previewId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from portal_preview v left join portal p on p.id = v.portal_id where v.id = :id")
                .param("id", previewId).query(this::preview).optional();
    }

    private PortalPreview insert(StaffPrincipal actor, PortalId portalId, String slug, PreviewKind kind, UUID type,
                                 UUID company, UUID user, String target, String reason) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into portal_preview (id, portal_id, staff_user_id, staff_name, kind, user_type_id, company_id,
                                                    portal_user_id, target_name, reason, started_at, expires_at)
                        values (:id, :portal, :staff, :staffName, :kind, :type, :company, :user, :target, :reason, :now, :expires)""")
                .param("id", id).param("portal", portalId.value()).param("staff", actor.id().value())
                .param("staffName", actor.displayName()).param("kind", kind.name()).param("type", type)
                .param("company", company).param("user", user).param("target", cut(target, 700))
                .param("reason", reason).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("expires", OffsetDateTime.ofInstant(now.plus(timeout), ZoneOffset.UTC)).update();
        return find(id).orElseThrow();
    }

    private String portalSlug(PortalId portalId) {
        return jdbc.sql("select slug from portal where id = :id").param("id", portalId.value()).query(String.class)
                .optional().orElseThrow(() -> PortalException.of("portal", "portal.preview.error.portal"));
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw PortalException.of("reason", "portal.preview.error.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw PortalException.of("reason", "portal.preview.error.reasonTooLong");
        }
        return why;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private PortalPreview preview(ResultSet rs, int n) throws SQLException {
        PreviewKind kind = PreviewKind.valueOf(rs.getString("kind"));
        UUID id = rs.getObject("id", UUID.class);
        UUID viewer = kind == PreviewKind.CONTACT ? rs.getObject("portal_user_id", UUID.class) : id;
        return new PortalPreview(id, new PortalId(rs.getObject("portal_id", UUID.class)), rs.getString("slug"), kind,
                new PortalUserId(viewer), rs.getString("target_name"), rs.getString("reason"),
                rs.getObject("staff_user_id", UUID.class), rs.getString("staff_name"), instant(rs, "started_at"),
                instant(rs, "expires_at"), instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
