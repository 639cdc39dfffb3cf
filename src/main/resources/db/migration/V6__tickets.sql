-- Tickets (cases) of a company, their staff members and comments (issue 3, PRODUCT.md §2).

-- Human-friendly ticket numbers, shown as #1001, #1002, ...; never reused.
create sequence ticket_number_seq start with 1001;

create table ticket (
    id            uuid primary key,
    number        bigint      not null,
    -- A company purged from the recycle bin takes its tickets with it (they are hidden while it is in the bin).
    company_id    uuid        not null references company (id) on delete cascade,
    subject       text        not null check (length(subject) between 1 and 200),
    -- Sanitized HTML (dev.foyer.shared.RichText), never raw input.
    description   text        not null default '' check (length(description) <= 100000),
    status        text        not null check (status in ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
    priority      text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    assignee_id   uuid references staff_user (id),
    external_ref  text check (length(external_ref) between 1 and 200),
    resolved_at   timestamptz,
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid
);
create unique index ticket_number_uq on ticket (number);
create unique index ticket_ref_uq on ticket (external_ref);
-- The lists: recently changed (all, by status, by company, by assignee), by priority, by number.
create index ticket_updated_idx on ticket (updated_at desc, id desc);
create index ticket_status_updated_idx on ticket (status, updated_at desc, id desc);
create index ticket_company_updated_idx on ticket (company_id, updated_at desc, id desc);
create index ticket_assignee_updated_idx on ticket (assignee_id, updated_at desc, id desc) where assignee_id is not null;
create index ticket_priority_idx on ticket
    ((case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end), updated_at desc, id desc);
create index ticket_subject_trgm_idx on ticket using gin (lower(subject) gin_trgm_ops);

-- Staff users who work on a ticket besides its assignee (portal members come with a later issue).
create table ticket_staff_member (
    ticket_id      uuid not null references ticket (id) on delete cascade,
    staff_user_id  uuid not null references staff_user (id),
    primary key (ticket_id, staff_user_id)
);
create index ticket_staff_member_user_idx on ticket_staff_member (staff_user_id, ticket_id);

-- Comments on a ticket. An unshared comment is an internal note: portal users never see it (ACC-4, ACC-11).
create table ticket_comment (
    id          uuid primary key,
    ticket_id   uuid        not null references ticket (id) on delete cascade,
    -- Sanitized HTML (dev.foyer.shared.RichText), never raw input.
    body        text        not null check (length(body) between 1 and 100000),
    shared      boolean     not null default false,
    author_id   uuid references staff_user (id),
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid
);
create index ticket_comment_thread_idx on ticket_comment (ticket_id, created_at, id);
