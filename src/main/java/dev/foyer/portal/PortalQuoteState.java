package dev.foyer.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a visible quote can be answered online (EXP-4) and how it was answered: {@code answerable}
 * while it is sent and its valid-until date (if any) is not past; {@code answer} is ACCEPTED or
 * DECLINED once answered, else null. {@code companyName} is the quote's company, on whose behalf the
 * signer answers.
 */
public record PortalQuoteState(UUID quoteId, String companyName, boolean answerable, QuoteAnswerKind answer,
                               String signerName, Instant answeredAt) {

    public boolean answered() {
        return answer != null;
    }
}
