-- PRT-6: each portal's default PDF template per kind of financial document (docs/adr/010).
-- One row per portal and kind; a missing row or a null template means "the kind's default
-- template". Only templates not marked internal use only may be chosen: the portal module checks
-- it through dev.foyer.pdf.PdfTemplates.requirePortalDefaultCandidate, and the PDF module refuses
-- to mark a template internal use only (or delete it) while a portal uses it. The foreign key
-- keeps a deleted template from leaving a dangling choice even if both were attempted at once.
create table portal_pdf_default (
    portal_id    uuid        not null references portal (id) on delete cascade,
    kind         text        not null check (kind in ('QUOTE', 'INVOICE', 'ORDER', 'CONTRACT')),
    template_id  uuid references pdf_template (id),
    version      bigint      not null,
    updated_at   timestamptz not null,
    updated_by   uuid,
    primary key (portal_id, kind)
);
-- "Which portals use this template?" when a template is marked internal use only or deleted.
create index portal_pdf_default_template_idx on portal_pdf_default (template_id) where template_id is not null;
