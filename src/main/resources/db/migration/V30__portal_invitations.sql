-- LIF-2: invitations of portal users. Only the SHA-256 hash of a link's token is kept; the token
-- itself exists only in the e-mail (and the outbox, which only admins read).
create table portal_invitation (
    id              uuid primary key,
    portal_user_id  uuid        not null references portal_user (id) on delete cascade,
    token_hash      bytea       not null check (length(token_hash) = 32),
    email           text        not null,
    created_at      timestamptz not null,
    created_by      uuid,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    voided_at       timestamptz
);
create unique index portal_invitation_token_uq on portal_invitation (token_hash);
-- Re-inviting voids a user's open invitations: found through this index.
create index portal_invitation_open_idx on portal_invitation (portal_user_id) where used_at is null and voided_at is null;
