-- Issue 6: every e-mail goes through this durable outbox (ADR 006). A row is written in the
-- transaction of the change that causes the mail, so the mail exists exactly when the change commits.
create table mail_outbox (
    id                uuid primary key,
    -- Enqueueing the same key again is a no-op: a restarted bulk job cannot queue a mail twice.
    idempotency_key   varchar(200)  not null,
    purpose           varchar(40)   not null,
    recipient_address varchar(254)  not null,
    recipient_name    varchar(200),
    subject           varchar(300)  not null,
    text_body         text          not null,
    html_body         text,
    -- Derived from the idempotency key and fixed at enqueue: every attempt sends the same Message-ID.
    message_id        varchar(300)  not null,
    status            varchar(10)   not null
        check (status in ('HELD', 'QUEUED', 'SENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts          integer       not null default 0 check (attempts >= 0),
    not_before        timestamptz,
    -- When a worker may (re)claim the row: the due time while QUEUED or FAILED, the end of the lease while SENDING.
    next_attempt_at   timestamptz,
    -- The claim a SENDING row is under; a worker whose lease ran out cannot overwrite a later claim's result.
    claim_token       uuid,
    last_attempt_at   timestamptz,
    last_error        varchar(1000),
    sent_at           timestamptz,
    created_at        timestamptz   not null,
    version           bigint        not null,
    constraint mail_outbox_idempotency_key_unique unique (idempotency_key),
    constraint mail_outbox_due_when_pending check (status not in ('QUEUED', 'FAILED', 'SENDING') or next_attempt_at is not null),
    constraint mail_outbox_sent_at check ((status = 'SENT') = (sent_at is not null))
);

-- The worker's claim: only rows that can still be due are in this index.
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status in ('QUEUED', 'FAILED', 'SENDING');
-- The admins' list (Settings → Outbox): newest first, optionally by status or purpose, or by recipient.
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);
create index mail_outbox_status_created_idx on mail_outbox (status, created_at desc, id desc);
create index mail_outbox_purpose_created_idx on mail_outbox (purpose, created_at desc, id desc);
create index mail_outbox_recipient_trgm_idx on mail_outbox
    using gin ((lower(recipient_address || ' ' || coalesce(recipient_name, ''))) gin_trgm_ops);
