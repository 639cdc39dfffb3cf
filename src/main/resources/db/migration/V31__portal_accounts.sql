-- Portal user accounts (LIF-2, LIF-7; issue 6 item 7, ADR 008): the credentials of a portal user,
-- created when they accept their invitation. The e-mail is the invited one.
create table portal_account (
    portal_user_id    uuid primary key references portal_user (id) on delete cascade,
    portal_id         uuid        not null references portal (id),
    email             text        not null,
    password_hash     text        not null,
    language          text        not null,
    time_zone         text        not null,
    time_format       text        not null check (time_format in ('H24', 'H12')),
    country           text        not null check (country ~ '^[A-Z]{2}$'),
    -- RFC 6238 secret (base32), shown once at enrolment and never again; null without a second factor.
    totp_secret       text,
    -- The last time step accepted, so one code never signs in twice.
    totp_last_step    bigint,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
-- Sign-in looks an address up within one portal; an address names one account per portal.
create unique index portal_account_email_uq on portal_account (portal_id, lower(email));

-- Ten single-use recovery codes per account with a second factor, stored as SHA-256 hashes.
create table portal_recovery_code (
    portal_user_id  uuid        not null references portal_account (portal_user_id) on delete cascade,
    code_hash       bytea       not null,
    used_at         timestamptz,
    primary key (portal_user_id, code_hash)
);

-- Password reset links (LIF-7): the same token rules as invitations, valid for one hour.
create table portal_password_reset (
    id              uuid primary key,
    portal_user_id  uuid        not null references portal_account (portal_user_id) on delete cascade,
    token_hash      bytea       not null check (length(token_hash) = 32),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create unique index portal_password_reset_token_uq on portal_password_reset (token_hash);
create index portal_password_reset_open_idx on portal_password_reset (portal_user_id) where used_at is null;
