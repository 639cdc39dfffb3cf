-- The organization that runs this Foyer: exactly one row once setup is done.
create table organization (
    id                  smallint primary key default 1 check (id = 1),
    name                text        not null check (length(name) between 1 and 200),
    internal_domains    text[]      not null default '{}',
    default_language    text        not null,
    time_zone           text        not null,
    time_format         text        not null check (time_format in ('H24', 'H12')),
    country             text        not null check (country ~ '^[A-Z]{2}$'),
    version             bigint      not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    updated_by          uuid
);

create table staff_user (
    id              uuid primary key,
    email           text        not null,
    display_name    text        not null check (length(display_name) between 1 and 200),
    password_hash   text        not null,
    role            text        not null check (role in ('ADMIN', 'MANAGER', 'MEMBER')),
    active          boolean     not null default true,
    language        text,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid
);
create unique index staff_user_email_uq on staff_user (lower(email));
create index staff_user_name_idx on staff_user (lower(display_name), id);

-- Failed sign-ins per key (an e-mail address or a client address), kept in the database so
-- every app node sees the same counts.
create table sign_in_throttle (
    throttle_key    text primary key,
    failures        integer     not null,
    window_start    timestamptz not null,
    locked_until    timestamptz
);

-- Spring Session JDBC (HTTP sessions shared by all app nodes).
create table spring_session (
    primary_id              char(36)     not null,
    session_id              char(36)     not null,
    creation_time           bigint       not null,
    last_access_time        bigint       not null,
    max_inactive_interval   int          not null,
    expiry_time             bigint       not null,
    principal_name          varchar(320),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
