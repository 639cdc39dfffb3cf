-- What happened to records a portal can show (EXP-7, EXP-9): one row per action, written in the
-- transaction that acted. The staff feed reads the rows whose actor is a portal user; portal
-- notifications fan out from every row to the record's audience, re-checking visibility when sent.
create table record_activity (
    id              bigserial    primary key,
    occurred_at     timestamptz  not null,
    staff_user_id   uuid,
    portal_user_id  uuid,
    actor_name      varchar(300) not null,
    kind            varchar(32)  not null,
    record_kind     varchar(32)  not null,
    record_id       uuid         not null,
    within_kind     varchar(32)  not null,
    within_id       uuid         not null,
    summary         varchar(500) not null default '',
    constraint record_activity_one_actor check (num_nonnulls(staff_user_id, portal_user_id) = 1)
);

-- Per record (a project's or ticket's feed), newest first.
create index record_activity_within on record_activity (within_kind, within_id, id desc);
-- The organization's feed of portal users' actions, newest first.
create index record_activity_by_portal_users on record_activity (id desc) where portal_user_id is not null;
create index record_activity_portal_user on record_activity (portal_user_id, id desc) where portal_user_id is not null;
