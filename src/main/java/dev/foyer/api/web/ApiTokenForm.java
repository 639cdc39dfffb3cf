package dev.foyer.api.web;

import dev.foyer.api.ApiScope;

/** The new API token form: a name, a scope and an optional last day of validity (yyyy-MM-dd). */
record ApiTokenForm(String name, ApiScope scope, String expiresOn) {

    static ApiTokenForm empty() {
        return new ApiTokenForm("", ApiScope.READ, "");
    }
}
