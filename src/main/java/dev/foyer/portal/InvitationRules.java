package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organizations;
import dev.foyer.shared.StaleVersionException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's rules for portal invitations (LIF-3): whether consent is required, and the
 * list of disposable or blocked e-mail domains (shipped with well-known disposable providers by
 * V34; admins edit it under Settings → Invitation rules). {@link #checkAddress} holds the address
 * rules every invitation path applies.
 */
@Service
public class InvitationRules {

    /** LIF-3: the only characters an invitation address may hold. */
    static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9@.\\-_+]+");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$");

    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvitationRules(Organizations organizations, JdbcClient jdbc, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The policy row: whether consent is required, and its version for the settings form. */
    public record Policy(boolean requireConsent, long version) {
    }

    @Transactional(readOnly = true)
    public Policy policy() {
        return jdbc.sql("select require_consent, version from portal_invitation_policy where id = 1")
                .query((rs, n) -> new Policy(rs.getBoolean(1), rs.getLong(2))).single();
    }

    @Transactional
    public void setRequireConsent(StaffPrincipal actor, long expectedVersion, boolean required) {
        PortalAccess.requireManagePortals(actor);
        int updated = jdbc.sql("""
                        update portal_invitation_policy set require_consent = :required, version = version + 1,
                               updated_at = :now, updated_by = :actor where id = 1 and version = :version""")
                .param("required", required).param("now", Timestamp.from(clock.instant()))
                .param("actor", actor.id().value()).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException("invitation policy");
        }
    }

    /** A page of blocked domains, alphabetically. */
    @Transactional(readOnly = true)
    public Page<String> blockedDomains(StaffPrincipal actor, Pageable pageable) {
        PortalAccess.requireManagePortals(actor);
        long total = jdbc.sql("select count(*) from blocked_email_domain").query(Long.class).single();
        List<String> rows = jdbc.sql("select domain from blocked_email_domain order by domain limit :limit offset :offset")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset()).query(String.class).list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional
    public String block(StaffPrincipal actor, String domain) {
        PortalAccess.requireManagePortals(actor);
        String clean = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (clean.startsWith("@")) {
            clean = clean.substring(1);
        }
        if (!DOMAIN.matcher(clean).matches() || !clean.contains(".")) {
            throw PortalException.of("domain", "invitationRules.error.domain");
        }
        jdbc.sql("insert into blocked_email_domain (domain, created_at, created_by) values (:d, :now, :actor)"
                        + " on conflict do nothing")
                .param("d", clean).param("now", Timestamp.from(clock.instant())).param("actor", actor.id().value())
                .update();
        return clean;
    }

    @Transactional
    public void unblock(StaffPrincipal actor, String domain) {
        PortalAccess.requireManagePortals(actor);
        jdbc.sql("delete from blocked_email_domain where domain = :d").param("d", domain).update();
    }

    /**
     * The address rules of LIF-3 in order: no e-mail, unsupported characters, internal domain,
     * disposable or blocked domain (a domain matches itself and its subdomains).
     */
    @Transactional(readOnly = true)
    public Optional<InvitationFailure> checkAddress(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of(InvitationFailure.NO_EMAIL);
        }
        String address = email.strip();
        if (!ALLOWED.matcher(address).matches() || address.indexOf('@') < 1
                || address.indexOf('@') != address.lastIndexOf('@')) {
            return Optional.of(InvitationFailure.UNSUPPORTED_CHARACTERS);
        }
        String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        List<String> internal = organizations.current().map(o -> o.profile().internalDomains()).orElse(List.of());
        if (internal.stream().anyMatch(d -> matches(domain, d))) {
            return Optional.of(InvitationFailure.INTERNAL_DOMAIN);
        }
        List<String> candidates = new ArrayList<>();
        for (String d = domain; d.contains("."); d = d.substring(d.indexOf('.') + 1)) {
            candidates.add(d);
        }
        if (!candidates.isEmpty() && jdbc.sql("select count(*) from blocked_email_domain where domain in (:d)")
                .param("d", candidates).query(Long.class).single() > 0) {
            return Optional.of(InvitationFailure.BLOCKED_DOMAIN);
        }
        return Optional.empty();
    }

    private static boolean matches(String domain, String rule) {
        String r = rule.toLowerCase(Locale.ROOT);
        return domain.equals(r) || domain.endsWith("." + r);
    }
}
