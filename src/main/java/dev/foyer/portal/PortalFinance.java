package dev.foyer.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.EmailAddress;
import dev.foyer.mail.MailTemplates;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutgoingMail;
import dev.foyer.mail.RenderedMail;
import dev.foyer.organization.Organizations;
import dev.foyer.pdf.PrintKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EXP-4 for portal users: a visible financial document as a PDF with the portal's default template
 * for its kind (ACC-5, PRT-6), and the online answer to a quote. Both authorize first through
 * {@link PortalReads} — what the user cannot see answers as what does not exist (ACC-10) — and only
 * then ask finance, through {@link PortalFinanceDocuments}, to render or to apply (ACC-12).
 */
@Service
public class PortalFinance {

    public static final int SIGNER_MAX = 200;
    public static final int REASON_MAX = 2000;
    static final String MAIL_TEMPLATE = "quote-answer";
    static final String MAIL_PURPOSE = "quote-answer";
    private static final Logger log = LoggerFactory.getLogger(PortalFinance.class);

    private final PortalReads reads;
    private final PortalViewers viewers;
    private final PortalPdfTemplates templates;
    private final PortalFinanceDocuments finance;
    private final RecordActivities activities;
    private final MailLanguages languages;
    private final MailTemplates mails;
    private final Outbox outbox;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicBaseUrl;

    PortalFinance(PortalReads reads, PortalViewers viewers, PortalPdfTemplates templates,
                  PortalFinanceDocuments finance, RecordActivities activities, MailLanguages languages,
                  MailTemplates mails, Outbox outbox, Organizations organizations, JdbcClient jdbc, Clock clock,
                  @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.reads = reads;
        this.viewers = viewers;
        this.templates = templates;
        this.finance = finance;
        this.activities = activities;
        this.languages = languages;
        this.mails = mails;
        this.outbox = outbox;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Today in the organization's time zone: what a quote's valid-until date is measured against (as finance does). */
    public LocalDate today() {
        ZoneId zone = organizations.current().map(o -> ZoneId.of(o.profile().timeZone())).orElse(ZoneId.of("UTC"));
        return clock.instant().atZone(zone).toLocalDate();
    }

    /**
     * The PDF of a document the user sees (ACC-5: sent, of their scope, of a granted kind), printed
     * with their portal's default template for the kind (PRT-6) and without the fields their user
     * type hides (ACC-8); empty for anything else, whether it exists or not (ACC-10).
     */
    public Optional<PortalPdf> pdf(PortalUserId user, UUID documentId) {
        Optional<PortalFinanceDocument> document = reads.financeDocument(user, documentId);
        Optional<PortalViewer> viewer = document.isEmpty() ? Optional.empty() : viewers.load(user);
        if (document.isEmpty() || viewer.isEmpty()) {
            return Optional.empty();
        }
        PortalFinanceDocument visible = document.get();
        var template = templates.templateFor(viewer.get().portalId(), PrintKind.valueOf(visible.kind().name()));
        Locale locale = languages.of(user, null);
        return Optional.of(finance.pdf(visible.id(), template, PortalPrintMask.of(visible), locale));
    }

    /** An instant as the organization's local time (when a quote was answered). */
    public java.time.LocalDateTime local(java.time.Instant instant) {
        ZoneId zone = organizations.current().map(o -> ZoneId.of(o.profile().timeZone())).orElse(ZoneId.of("UTC"));
        return instant.atZone(zone).toLocalDateTime();
    }

    /** Whether the user sees the quote and may answer it now (for the page's forms). */
    public Optional<PortalQuoteState> quoteState(PortalUserId user, UUID quoteId) {
        return reads.quoteState(user, quoteId, today());
    }

    /**
     * Accepts or declines a quote for the portal user (EXP-4). Authorizes first — the quote is
     * visible (ACC-1, ACC-2 with QUOTES view, ACC-5), still sent and valid, not answered —, then
     * checks the form (signer's full name, the explicit confirmation; a decline's reason is
     * optional), then lets finance apply it once; records the activity and queues the e-mail to the
     * quote's staff owner in the same transaction. Refusals change nothing:
     * {@link QuoteAnswerRefused} (not found, already answered, no longer open) or
     * {@link PortalException} naming the form field.
     */
    @Transactional
    public QuoteAnswered answerQuote(PortalUserId user, UUID quoteId, QuoteAnswerKind answer, String signerName,
                                     boolean confirmed, String reason, String clientIp) {
        PortalViewer viewer = viewers.load(user).filter(PortalViewer::active)
                .filter(v -> v.rights().of(PortalModule.QUOTES).grantsView())
                .orElseThrow(() -> new QuoteAnswerRefused(QuoteAnswerRefused.Reason.NOT_FOUND, null));
        PortalQuoteState state = quoteState(user, quoteId)
                .orElseThrow(() -> new QuoteAnswerRefused(QuoteAnswerRefused.Reason.NOT_FOUND, null));
        if (state.answered()) {
            throw new QuoteAnswerRefused(QuoteAnswerRefused.Reason.ALREADY_ANSWERED, state.answeredAt());
        }
        if (!state.answerable()) {
            throw new QuoteAnswerRefused(QuoteAnswerRefused.Reason.NOT_ANSWERABLE, null);
        }
        String signer = signerName == null ? "" : signerName.strip();
        String why = answer == QuoteAnswerKind.DECLINED && reason != null ? reason.strip() : "";
        Map<String, String> problems = new LinkedHashMap<>();
        if (signer.isEmpty()) {
            problems.put("signerName", "site.quote.error.signerName");
        } else if (signer.length() > SIGNER_MAX || signer.chars().anyMatch(Character::isISOControl)) {
            problems.put("signerName", "site.quote.error.signerNameLength");
        }
        if (!confirmed) {
            problems.put("confirmed", "site.quote.error.confirmed");
        }
        if (why.length() > REASON_MAX) {
            problems.put("reason", "site.quote.error.reason");
        }
        if (!problems.isEmpty()) {
            throw new PortalException(problems);
        }
        String ip = clientIp == null || clientIp.isBlank() ? "unknown" : clientIp.strip();
        ip = ip.length() > 64 ? ip.substring(0, 64) : ip;
        String userName = portalUserName(user);
        QuoteAnswered answered = finance.answerQuote(new QuoteAnswerCommand(quoteId, answer, signer, why, ip, user,
                userName, state.companyName()));
        RecordRef record = new RecordRef(RecordKind.FINANCE_DOCUMENT, quoteId);
        activities.record(new RecordActivity(ActivityActor.portalUser(user, userName),
                answer == QuoteAnswerKind.ACCEPTED ? ActivityKind.ACCEPTED : ActivityKind.DECLINED, record, record,
                answered.number() + " · " + signer));
        tellOwner(viewer, answered, answer, signer, why, ip, state.companyName());
        log.info("Portal user {} {} quote {} ({}) from {}", user, answer, answered.number(), quoteId, ip);
        return answered;
    }

    /** The portal user's name as the feed shows it: their contact's full name. */
    private String portalUserName(PortalUserId user) {
        return jdbc.sql("""
                        select trim(concat_ws(' ', c.first_name, c.last_name)) from portal_user u
                        join contact c on c.id = u.contact_id where u.id = :id""")
                .param("id", user.value()).query(String.class).optional().filter(s -> !s.isBlank())
                .orElse("Portal user");
    }

    /**
     * The quote's owner (the staff user who created it) hears of the answer; when it has none, or
     * they are inactive, the staff user who invited the portal user does (LIF-6). In the
     * organization's language: staff have no language of their own.
     */
    private void tellOwner(PortalViewer viewer, QuoteAnswered answered, QuoteAnswerKind answer, String signer,
                           String reason, String ip, String companyName) {
        UUID inviter = jdbc.sql("select created_by from portal_user where id = :id").param("id", viewer.id().value())
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
        Optional<Staff> recipient = staff(answered.ownerStaffId()).or(() -> staff(inviter));
        if (recipient.isEmpty()) {
            log.warn("Nobody on staff to tell that quote {} was {}", answered.number(), answer);
            return;
        }
        Locale locale = Locale.forLanguageTag(organizations.current().map(o -> o.profile().defaultLanguage())
                .orElse("en"));
        ZoneId zone = organizations.current().map(o -> ZoneId.of(o.profile().timeZone())).orElse(ZoneId.of("UTC"));
        Map<String, Object> model = new HashMap<>();
        model.put("answer", answer.name());
        model.put("number", answered.number());
        model.put("companyName", companyName);
        model.put("staffName", recipient.get().name());
        model.put("signerName", signer);
        model.put("answeredAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(answered.answeredAt().atZone(zone)));
        model.put("clientIp", ip);
        model.put("reason", reason);
        model.put("link", publicBaseUrl + "/finance/" + answered.quoteId());
        RenderedMail mail = mails.render(MAIL_TEMPLATE, model, locale);
        // A quote is answered once, so one key per quote: a retried transaction queues nothing twice.
        outbox.enqueue(OutgoingMail.of("quote-answer:" + answered.quoteId(), new EmailAddress(recipient.get().email()),
                recipient.get().name(), mail, MAIL_PURPOSE));
    }

    private Optional<Staff> staff(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select email, display_name from staff_user where id = :id and active")
                .param("id", id).query((rs, n) -> new Staff(rs.getString("email"), rs.getString("display_name")))
                .optional().filter(s -> EmailAddress.isValid(s.email()));
    }

    private record Staff(String email, String name) {
    }
}
