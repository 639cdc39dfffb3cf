-- Issue 3: file types (PRODUCT.md §2, seed 001) and stored files. A stored_file row exists only
-- once its bytes are on disk (written to a temp file, fsynced, renamed into place, then the row
-- is committed); bytes without a row are swept away.
create table file_type (
    id              uuid primary key,
    name            text        not null check (length(name) between 1 and 100),
    customer_file   boolean     not null,
    active          boolean     not null default true,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid
);
create unique index file_type_name_uq on file_type (lower(name));

insert into file_type (id, name, customer_file, created_at, updated_at) values
    ('0193a1f0-0000-7000-8000-000000000001', 'Document', true, now(), now()),
    ('0193a1f0-0000-7000-8000-000000000002', 'Image', true, now(), now()),
    ('0193a1f0-0000-7000-8000-000000000003', 'Proof', true, now(), now()),
    ('0193a1f0-0000-7000-8000-000000000004', 'Contract', true, now(), now()),
    ('0193a1f0-0000-7000-8000-000000000005', 'Internal note', false, now(), now());

-- A file attached to a record of another module (owner_type names the kind of record, e.g.
-- 'project'; owner_id is its id). Whether a portal user may see it (ACC-7) is decided by the
-- portal module from shared_on_portal, the type's customer_file flag and the owner's visibility.
create table stored_file (
    id                  uuid primary key,
    owner_type          text        not null check (owner_type ~ '^[a-z][a-z0-9-]{0,49}$'),
    owner_id            uuid        not null,
    file_type_id        uuid        not null references file_type (id),
    name                text        not null check (length(name) between 1 and 255),
    content_type        text        not null,
    size_bytes          bigint      not null check (size_bytes > 0),
    sha256              text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    shared_on_portal    boolean     not null default false,
    version             bigint      not null default 0,
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    updated_by          uuid
);
create index stored_file_owner_idx on stored_file (owner_type, owner_id, created_at desc, id);
create index stored_file_type_idx on stored_file (file_type_id);
