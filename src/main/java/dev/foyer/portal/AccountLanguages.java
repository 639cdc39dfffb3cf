package dev.foyer.portal;

import java.util.Optional;

/**
 * The language a portal user chose for their account (issue 6 item 3, ADR 008). Implemented by the
 * accounts module, which is downstream of portal: portal names what it needs here instead of
 * depending on accounts. Without an implementation no user has chosen a language.
 */
public interface AccountLanguages {

    /** The account's language, or empty when the user has no account (yet). */
    Optional<String> chosen(PortalUserId user);
}
