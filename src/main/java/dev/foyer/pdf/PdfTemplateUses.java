package dev.foyer.pdf;

import java.util.List;

/**
 * How a module that refers to PDF templates tells this module who uses a template, so that a
 * template a portal prints with is neither marked internal use only nor deleted (PRT-6). The
 * portal module implements it; this module knows nothing of portals (it is upstream of them).
 * Called while the template's row is locked, so a portal cannot start using it meanwhile.
 */
public interface PdfTemplateUses {

    /** The names of what makes the template its default (e.g. portals), at most a few, by name; empty when none. */
    List<String> defaultUsesOf(PdfTemplateId template);
}
