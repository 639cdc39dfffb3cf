-- PRT-8: staff previewing a portal, read-only, each start kept as an audit record (who, as whom,
-- when, why). A row is also the preview's state: a preview reads as active while it has not ended
-- and has not expired. No foreign keys on purpose: the audit outlives the portal, type, company
-- or portal user it names, so the names are kept as they were.
create table portal_preview (
    id              uuid         primary key,
    portal_id       uuid         not null,
    staff_user_id   uuid         not null,
    staff_name      varchar(300) not null,
    kind            varchar(16)  not null check (kind in ('USER_TYPE', 'CONTACT')),
    -- USER_TYPE: the type and the company to see with; CONTACT: the contact's portal user.
    user_type_id    uuid,
    company_id      uuid,
    portal_user_id  uuid,
    target_name     varchar(700) not null,
    reason          varchar(1000) not null check (length(btrim(reason)) > 0),
    started_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    ended_at        timestamptz,
    constraint portal_preview_target check (
        (kind = 'USER_TYPE' and user_type_id is not null and company_id is not null and portal_user_id is null)
        or (kind = 'CONTACT' and portal_user_id is not null and user_type_id is null and company_id is null))
);

-- The portal's page lists its previews, newest first.
create index portal_preview_by_portal on portal_preview (portal_id, started_at desc, id);
