-- Portal user lifecycle (issue 6 items 1, 2, 4, 5; PRODUCT.md LIF-1, LIF-3, LIF-4, LIF-5).

-- LIF-3: the organization's rules for portal invitations, one row. Consent is not required
-- until an admin says so (Settings → Invitation rules).
create table portal_invitation_policy (
    id                smallint primary key default 1 check (id = 1),
    require_consent   boolean     not null default false,
    version           bigint      not null default 0,
    updated_at        timestamptz not null default now(),
    updated_by        uuid
);
insert into portal_invitation_policy (id) values (1);

-- LIF-3: disposable or blocked e-mail domains; admins edit the list. Lower-case, no leading "@".
create table blocked_email_domain (
    domain      text primary key check (domain ~ '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$'),
    created_at  timestamptz not null default now(),
    created_by  uuid
);
-- A sensible default: well-known disposable (throw-away) address providers.
insert into blocked_email_domain (domain) values
    ('mailinator.com'), ('guerrillamail.com'), ('guerrillamail.net'), ('guerrillamail.org'), ('sharklasers.com'),
    ('grr.la'), ('10minutemail.com'), ('temp-mail.org'), ('tempmail.com'), ('yopmail.com'), ('yopmail.fr'),
    ('trashmail.com'), ('trashmail.de'), ('getnada.com'), ('dispostable.com'), ('maildrop.cc'),
    ('throwawaymail.com'), ('fakeinbox.com'), ('mailnesia.com'), ('mintemail.com'), ('spamgourmet.com'),
    ('mohmal.com'), ('emailondeck.com'), ('moakt.com'), ('tempr.email'), ('discard.email'), ('mytemp.email'),
    ('tempinbox.com'), ('spam4.me'), ('mailcatch.com'), ('getairmail.com'), ('mailpoof.com'),
    ('wegwerfmail.de'), ('einrot.com'), ('spambog.com'), ('33mail.com'), ('burnermail.io'), ('tempmailo.com'),
    ('emailfake.com'), ('mail-temp.com');

-- LIF-3: a bulk invitation runs as a durable job; each contact is one item that ends SENT or
-- FAILED with a reason. Workers claim items with FOR UPDATE SKIP LOCKED (ADR 009).
create table invitation_job (
    id            uuid primary key,
    portal_id     uuid        not null references portal (id) on delete cascade,
    user_type_id  uuid        not null references portal_user_type (id) on delete cascade,
    kind          text        not null check (kind in ('CUSTOMER', 'CONSOLIDATED')),
    -- The staff user who started it; their permission is checked again for every item.
    created_by    uuid        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    total         integer     not null check (total between 1 and 10000),
    version       bigint      not null default 0
);
create index invitation_job_open_idx on invitation_job (created_at) where finished_at is null;
create index invitation_job_creator_idx on invitation_job (created_by, created_at desc);

create table invitation_job_item (
    job_id        uuid        not null references invitation_job (id) on delete cascade,
    position      integer     not null,
    -- No foreign key: a contact purged meanwhile is reported as deleted, not lost from the report.
    contact_id    uuid        not null,
    status        text        not null default 'WAITING' check (status in ('WAITING', 'SENT', 'FAILED')),
    reason        text check (reason is null or reason ~ '^[A-Z_]+$'),
    contact_name  text,
    portal_user_id uuid,
    processed_at  timestamptz,
    primary key (job_id, position),
    unique (job_id, contact_id),
    check ((status = 'FAILED') = (reason is not null))
);
create index invitation_job_item_waiting_idx on invitation_job_item (job_id, position) where status = 'WAITING';
create index invitation_job_item_failed_idx on invitation_job_item (job_id, position) where status = 'FAILED';
