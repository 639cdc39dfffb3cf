-- API tokens for integrations (issue 3). The secret is shown once when the token is created;
-- only its SHA-256 hash is stored, with a short non-secret prefix so admins can tell tokens apart.
create table api_token (
    id              uuid primary key,
    name            text        not null check (length(name) between 1 and 100),
    scope           text        not null check (scope in ('READ', 'READ_WRITE')),
    token_hash      bytea       not null check (length(token_hash) = 32),
    token_prefix    text        not null check (length(token_prefix) between 1 and 40),
    created_at      timestamptz not null,
    created_by      uuid        not null references staff_user (id),
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      uuid references staff_user (id),
    version         bigint      not null default 0
);
-- Bearer authentication looks a token up by the hash of the presented secret.
create unique index api_token_hash_uq on api_token (token_hash);
create index api_token_created_idx on api_token (created_at desc, id desc);
