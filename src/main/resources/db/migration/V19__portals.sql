-- Portals, their user types with module and field rights, portal users as data, portal
-- membership of projects and tickets, and the sharing defaults (issue 5; PRODUCT.md PRT-1..5, ACC-3).
-- The first portal ("Customer portal") is created by the application at startup with its two
-- default user types, so their rights are defined in one place (dev.foyer.portal.PortalDefaults).

create table portal (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 100),
    -- PRT-1: unique and editable; only the current slug resolves (no redirect table on purpose).
    slug        text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
    audience    text        not null check (audience in ('CUSTOMERS', 'VENDORS', 'PARTNERS')),
    active      boolean     not null,
    -- Null: no limit. Seats are held by portal users in every status but INACTIVE.
    seat_limit  integer check (seat_limit between 1 and 1000000),
    -- The first portal: customers only, never deleted (PRT-1).
    is_primary  boolean     not null default false,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid,
    check (not is_primary or audience = 'CUSTOMERS')
);
create unique index portal_slug_uq on portal (slug);
create unique index portal_primary_uq on portal (is_primary) where is_primary;
create index portal_name_idx on portal (lower(name), id);

-- PRT-2: a portal's user types (permission sets).
create table portal_user_type (
    id                  uuid primary key,
    portal_id           uuid        not null references portal (id) on delete cascade,
    name                text        not null check (length(name) between 1 and 100),
    -- ACC-4: whether events show their descriptions to this type.
    event_descriptions  boolean     not null default false,
    version             bigint      not null,
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    updated_by          uuid
);
create unique index portal_user_type_name_uq on portal_user_type (portal_id, lower(name));

-- PRT-3: one row per user type and module; a module without a row grants nothing.
create table portal_module_right (
    user_type_id     uuid    not null references portal_user_type (id) on delete cascade,
    module           text    not null,
    view_scope       text    not null check (view_scope in ('NONE', 'OWN', 'ACCOUNT')),
    can_create       boolean not null default false,
    can_edit_own     boolean not null default false,
    can_edit_shared  boolean not null default false,
    can_delete_own   boolean not null default false,
    can_clone        boolean not null default false,
    primary key (user_type_id, module),
    -- Deny by default: no action without view.
    check (view_scope <> 'NONE' or not (can_create or can_edit_own or can_edit_shared or can_delete_own or can_clone))
);

-- PRT-4: a field without a row has its field's default access (dev.foyer.portal.PortalField).
create table portal_field_right (
    user_type_id  uuid not null references portal_user_type (id) on delete cascade,
    module        text not null,
    field         text not null,
    access        text not null check (access in ('HIDDEN', 'READ_ONLY', 'EDITABLE')),
    primary key (user_type_id, module, field)
);

-- Portal users as data (sign-in comes with issue 6): one per contact per portal (PRODUCT.md §1).
create table portal_user (
    id            uuid primary key,
    -- A contact purged from the recycle bin takes its portal accounts with it.
    contact_id    uuid        not null references contact (id) on delete cascade,
    portal_id     uuid        not null references portal (id),
    user_type_id  uuid        not null references portal_user_type (id),
    kind          text        not null check (kind in ('CUSTOMER', 'CONSOLIDATED')),
    status        text        not null check (status in ('AWAITING', 'PENDING', 'ACTIVE', 'INACTIVE')),
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid
);
create unique index portal_user_contact_uq on portal_user (contact_id, portal_id);
create index portal_user_portal_idx on portal_user (portal_id, status, id);
create index portal_user_type_idx on portal_user (user_type_id);

-- ACC-3: portal users who are members of a project or a ticket.
create table project_portal_member (
    project_id      uuid        not null references project (id) on delete cascade,
    portal_user_id  uuid        not null references portal_user (id) on delete cascade,
    created_at      timestamptz not null,
    created_by      uuid,
    primary key (project_id, portal_user_id)
);
create index project_portal_member_user_idx on project_portal_member (portal_user_id, project_id);

create table ticket_portal_member (
    ticket_id       uuid        not null references ticket (id) on delete cascade,
    portal_user_id  uuid        not null references portal_user (id) on delete cascade,
    created_at      timestamptz not null,
    created_by      uuid,
    primary key (ticket_id, portal_user_id)
);
create index ticket_portal_member_user_idx on ticket_portal_member (portal_user_id, ticket_id);

-- PRT-5: the organization's sharing defaults, one row; seed 002: nothing new is shared by default.
create table sharing_defaults (
    id          smallint primary key default 1 check (id = 1),
    milestones  boolean     not null default false,
    tasks       boolean     not null default false,
    updates     boolean     not null default false,
    documents   boolean     not null default false,
    events      boolean     not null default false,
    comments    boolean     not null default false,
    files       boolean     not null default false,
    version     bigint      not null default 0,
    updated_at  timestamptz not null default now(),
    updated_by  uuid
);
insert into sharing_defaults (id) values (1);
