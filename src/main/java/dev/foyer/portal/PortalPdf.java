package dev.foyer.portal;

/** A financial document's PDF for a portal user (EXP-4, ACC-5): its download file name and bytes. */
public record PortalPdf(String fileName, byte[] content) {
}
