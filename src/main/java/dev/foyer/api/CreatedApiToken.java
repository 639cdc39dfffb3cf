package dev.foyer.api;

/**
 * A token just created, with its secret: the only moment the secret exists outside the client
 * that receives it. Show it once; never log or store it.
 */
public record CreatedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token.id() + ", " + token.tokenPrefix() + "…]";
    }
}
