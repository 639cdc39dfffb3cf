-- EXP-7: portal notifications. The fan-out worker turns each record_activity row into one row per
-- portal user who could see the record when it ran (ACC-1..ACC-8 through PortalReads); whether a
-- row is listed, counted or mailed is decided again, by PortalReads, every time (ACC-9, ACC-10).

-- Which activities the worker has fanned out; claimed with SKIP LOCKED like the mail outbox, so any
-- number of nodes work through them and an activity committed late (ids are taken before commit)
-- is never skipped, as a cursor would.
alter table record_activity add column notified_at timestamptz;
create index record_activity_to_notify on record_activity (id) where notified_at is null;

create table portal_notification (
    id              bigserial   primary key,
    portal_user_id  uuid        not null references portal_user (id) on delete cascade,
    activity_id     bigint      not null references record_activity (id) on delete cascade,
    created_at      timestamptz not null,
    read_at         timestamptz,
    -- Immediate e-mail handled (sent or skipped because no longer visible / e-mail off).
    emailed_at      timestamptz,
    -- Taken into a daily digest (mentioned or, no longer visible, left out).
    digested_at     timestamptz,
    constraint portal_notification_once unique (portal_user_id, activity_id)
);
-- The list (newest first) and the unread count of one user.
create index portal_notification_user on portal_notification (portal_user_id, activity_id desc);
create index portal_notification_unread on portal_notification (portal_user_id, activity_id desc) where read_at is null;
-- The immediate mailer and the digest find their work without scanning handled rows.
create index portal_notification_to_email on portal_notification (id) where emailed_at is null;
create index portal_notification_to_digest on portal_notification (portal_user_id, id) where digested_at is null and read_at is null;
