package dev.foyer.portal;

import java.util.UUID;

/**
 * An authorized answer to a quote, as {@link PortalFinance} hands it to finance to apply: the
 * signer's full name, the optional reason (declines), the client's address and the portal user.
 */
public record QuoteAnswerCommand(UUID quoteId, QuoteAnswerKind answer, String signerName, String reason,
                                 String clientIp, PortalUserId portalUser, String portalUserName,
                                 String companyName) {
}
