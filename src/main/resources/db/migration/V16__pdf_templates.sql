-- Issue 4: PDF templates for financial documents (ADR 005). HTML with {{placeholders}} and CSS,
-- edited by admins; each marked "internal use only" or not (seed 000, PRT-6). Exactly one default
-- per kind, kept by the partial unique index. Foyer inserts its shipped template for a kind that
-- has none at start-up (ShippedTemplates; insert ... on conflict do nothing, so several nodes
-- starting at once insert it once).
create table pdf_template (
    id              uuid primary key,
    kind            text        not null check (kind in ('QUOTE', 'INVOICE', 'ORDER', 'CONTRACT')),
    name            text        not null check (length(name) between 1 and 100),
    html            text        not null check (length(html) between 1 and 200000),
    css             text        not null check (length(css) <= 100000),
    internal_only   boolean     not null default false,
    is_default      boolean     not null default false,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid
);
create unique index pdf_template_one_default_per_kind on pdf_template (kind) where is_default;
create unique index pdf_template_name_uq on pdf_template (kind, lower(name));
-- The settings list: by kind, the default first, then by name.
create index pdf_template_list_idx on pdf_template (kind, is_default desc, lower(name), id);
