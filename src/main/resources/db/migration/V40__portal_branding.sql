-- Portal branding (issue 7 item 9, PRT-7; ADR 011): colours, custom CSS and JavaScript, and a logo
-- per portal. No row: Foyer's default colours, no custom code, no logo.
create table portal_branding (
    portal_id          uuid primary key references portal (id) on delete cascade,
    -- Validated #rrggbb (lower case): a colour can never carry CSS of its own into brand.css.
    primary_colour     text        not null check (primary_colour ~ '^#[0-9a-f]{6}$'),
    accent_colour      text        not null check (accent_colour ~ '^#[0-9a-f]{6}$'),
    on_primary_colour  text        not null check (on_primary_colour ~ '^#[0-9a-f]{6}$'),
    -- Admin-authored, served only as separate text/css and text/javascript resources, never inlined.
    custom_css         text        not null default '' check (length(custom_css) <= 65536),
    custom_js          text        not null default '' check (length(custom_js) <= 65536),
    -- The logo's type as detected from its bytes (SVG is never accepted); its bytes are in portal_branding_logo.
    logo_type          text check (logo_type in ('image/png', 'image/jpeg', 'image/webp')),
    logo_size          integer check (logo_size between 1 and 524288),
    logo_sha256        text,
    version            bigint      not null,
    updated_at         timestamptz not null,
    updated_by         uuid,
    check ((logo_type is null) = (logo_size is null) and (logo_type is null) = (logo_sha256 is null))
);

-- The logo's bytes, apart from the settings so reading brand.css never loads an image. Written in the
-- same transaction as the row above: a logo is whole or absent.
create table portal_branding_logo (
    portal_id  uuid primary key references portal_branding (portal_id) on delete cascade,
    bytes      bytea not null check (octet_length(bytes) between 1 and 524288)
);
