package dev.foyer.accounts;

import java.util.Optional;

import dev.foyer.portal.AccountLanguages;
import dev.foyer.portal.PortalUserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells portal which language a user chose for their account, so its e-mails speak it (issue 6
 * item 3, ADR 008). Reads the table itself rather than through PortalAccounts, which needs
 * Invitations, which needs this: no bean cycle.
 */
@Component
class AccountLanguagesFromAccounts implements AccountLanguages {

    private final JdbcClient jdbc;

    AccountLanguagesFromAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> chosen(PortalUserId user) {
        // Primary-key lookup: one row per user.
        return jdbc.sql("select language from portal_account where portal_user_id = :user")
                .param("user", user.value()).query(String.class).optional();
    }
}
