package dev.foyer.identity;

/**
 * A technical client acting through the API (an API token), as far as identity needs to know it:
 * it acts with the rights of a read-only technical client here, whatever its write scope elsewhere.
 * The {@code api} module's principal implements it, so identity does not depend on {@code api}.
 */
public interface IntegrationClient {

    /** A name for logs, e.g. "API token CRM sync (foyer_Ab12cD34)". */
    String clientName();
}
