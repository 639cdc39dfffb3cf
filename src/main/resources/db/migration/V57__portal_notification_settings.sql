-- EXP-6, EXP-7: how a portal user wants to hear of notifications by e-mail. No row means the
-- default, IMMEDIATE (see NotificationEmail): portal users rarely sign in unprompted, and a reply
-- to their ticket should reach them while it matters.
create table portal_notification_setting (
    portal_user_id   uuid        primary key references portal_user (id) on delete cascade,
    email            varchar(16) not null check (email in ('OFF', 'IMMEDIATE', 'DAILY')),
    -- The local date (user's time zone) of the last daily digest, so a day gets one at most.
    last_digest_on   date,
    version          bigint      not null,
    updated_at       timestamptz not null
);
create index portal_notification_setting_daily on portal_notification_setting (portal_user_id) where email = 'DAILY';
