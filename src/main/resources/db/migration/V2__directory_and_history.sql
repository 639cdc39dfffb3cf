create extension if not exists pg_trgm;

-- Who changed what and when, for every record type (dev.foyer.audit.RecordHistory).
create table record_change (
    id           bigint generated always as identity primary key,
    record_type  text        not null,
    record_id    uuid        not null,
    version      bigint      not null,
    action       text        not null check (action in ('CREATED', 'UPDATED', 'DELETED', 'RESTORED')),
    author_id    uuid,
    author_name  text        not null,
    via          text,
    changed_at   timestamptz not null,
    changes      jsonb       not null default '[]'
);
create index record_change_record_idx on record_change (record_type, record_id, changed_at desc, id desc);

-- Groups of companies whose portal users may see each other's records (seed 001, ACC-1).
create table consolidated_account (
    id            uuid primary key,
    name          text        not null check (length(name) between 1 and 200),
    external_ref  text check (length(external_ref) between 1 and 200),
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid,
    deleted_at    timestamptz,
    deleted_by    uuid
);
create unique index consolidated_account_ref_uq on consolidated_account (external_ref);
create index consolidated_account_name_idx on consolidated_account (lower(name), id) where deleted_at is null;
create index consolidated_account_updated_idx on consolidated_account (updated_at, id);

create table company (
    id                       uuid primary key,
    name                     text        not null check (length(name) between 1 and 200),
    domain                   text check (length(domain) <= 253),
    address                  text check (length(address) <= 1000),
    phone                    text check (length(phone) <= 50),
    notes                    text check (length(notes) <= 10000),
    consolidated_account_id  uuid references consolidated_account (id),
    external_ref             text check (length(external_ref) between 1 and 200),
    version                  bigint      not null,
    created_at               timestamptz not null,
    created_by               uuid,
    updated_at               timestamptz not null,
    updated_by               uuid,
    deleted_at               timestamptz,
    deleted_by               uuid
);
create unique index company_ref_uq on company (external_ref);
create index company_name_idx on company (lower(name), id) where deleted_at is null;
create index company_name_trgm_idx on company using gin (lower(name) gin_trgm_ops) where deleted_at is null;
create index company_account_idx on company (consolidated_account_id) where deleted_at is null;
create index company_updated_idx on company (updated_at, id);
create index company_deleted_idx on company (deleted_at) where deleted_at is not null;

create table contact (
    id            uuid primary key,
    company_id    uuid        not null references company (id),
    first_name    text        not null check (length(first_name) between 1 and 100),
    last_name     text        not null check (length(last_name) between 1 and 100),
    email         text check (length(email) <= 254),
    phone         text check (length(phone) <= 50),
    title         text check (length(title) <= 100),
    consent       boolean     not null default false,
    locked        boolean     not null default false,
    external_ref  text check (length(external_ref) between 1 and 200),
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid,
    deleted_at    timestamptz,
    deleted_by    uuid,
    -- Set when the contact went to the recycle bin because its company did; it comes back with it.
    deleted_with_company boolean not null default false
);
create unique index contact_ref_uq on contact (external_ref);
create index contact_company_idx on contact (company_id, lower(last_name), lower(first_name), id) where deleted_at is null;
create index contact_name_idx on contact (lower(last_name), lower(first_name), id) where deleted_at is null;
create index contact_search_trgm_idx on contact
    using gin ((lower(first_name || ' ' || last_name || ' ' || coalesce(email, ''))) gin_trgm_ops) where deleted_at is null;
create index contact_email_idx on contact (lower(email)) where deleted_at is null;
create index contact_updated_idx on contact (updated_at, id);
create index contact_deleted_idx on contact (deleted_at) where deleted_at is not null;
