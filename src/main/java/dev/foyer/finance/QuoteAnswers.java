package dev.foyer.finance;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a quote was answered in the portal (EXP-4), for the quote's staff page: who signed, when,
 * from which address, on behalf of which company and why (declines).
 */
@Service
public class QuoteAnswers {

    /** One answer; {@code answer} is ACCEPTED or DECLINED. */
    public record QuoteAnswer(String answer, String signerName, String reason, String clientIp, String companyName,
                              UUID portalUserId, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    QuoteAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The quote's answer, for staff who may see the quote (the caller has loaded it for them). */
    @Transactional(readOnly = true)
    public Optional<QuoteAnswer> of(StaffPrincipal actor, FinanceDocument quote) {
        FinanceAccess.requireView(actor);
        if (quote.kind() != DocumentKind.QUOTE) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select answer, signer_name, reason, client_ip, company_name, portal_user_id, answered_at
                        from quote_answer where document_id = :id""")
                .param("id", quote.id().value())
                .query((rs, n) -> new QuoteAnswer(rs.getString("answer"), rs.getString("signer_name"),
                        rs.getString("reason"), rs.getString("client_ip"), rs.getString("company_name"),
                        rs.getObject("portal_user_id", UUID.class), rs.getTimestamp("answered_at").toInstant()))
                .optional();
    }
}
