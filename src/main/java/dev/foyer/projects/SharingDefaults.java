package dev.foyer.projects;

/**
 * Whether new items start shared on the portal (PRODUCT.md PRT-5, seed 002: "By default, new
 * updates, documents and comments are not shared on the portal").
 *
 * <p>The projects module ships a fallback bean that answers {@code false} for every kind (nothing new
 * is shared). Once portal settings exist, the portal module declares its own bean of this type,
 * backed by the admins' sharing settings, and that one is used instead.
 */
public interface SharingDefaults {

    boolean sharedByDefault(ItemKind kind);
}
