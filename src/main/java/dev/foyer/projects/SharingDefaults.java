package dev.foyer.projects;

/**
 * Whether new items start shared on the portal (PRODUCT.md PRT-5, seed 002: "By default, new
 * updates, documents and comments are not shared on the portal").
 *
 * <p>The bean ({@code SharingConfiguration}) reads the admins' settings kept by the portal module
 * ({@link dev.foyer.portal.SharingDefaultsSettings}).
 */
public interface SharingDefaults {

    boolean sharedByDefault(ItemKind kind);
}
