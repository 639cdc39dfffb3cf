-- Projects of a company with their staff members, task lists, tasks, milestones, updates,
-- documents, events and comments (PRODUCT.md §2, issue 3). Items that a portal can show carry
-- "shared" ("Show on portal", PRT-5, ACC-4). Rich text columns (description, body) hold HTML
-- sanitized on the way in (dev.foyer.shared.RichText); every other text is plain.

create table project (
    id            uuid primary key,
    company_id    uuid        not null references company (id),
    name          text        not null check (length(name) between 1 and 200),
    description   text        not null default '' check (length(description) <= 100000),
    status        text        not null check (status in ('ACTIVE', 'ON_HOLD', 'COMPLETED')),
    start_date    date,
    due_date      date,
    external_ref  text check (length(external_ref) between 1 and 200),
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid,
    check (start_date is null or due_date is null or due_date >= start_date)
);
create unique index project_ref_uq on project (external_ref);
create index project_company_idx on project (company_id, lower(name), id);
create index project_name_idx on project (lower(name), id);
create index project_name_trgm_idx on project using gin (lower(name) gin_trgm_ops);
create index project_status_idx on project (status, lower(name), id);
create index project_due_idx on project (due_date, id);
create index project_updated_idx on project (updated_at desc, id);

-- Staff working on a project; part of the project aggregate (the project's version covers them).
create table project_staff_member (
    project_id     uuid        not null references project (id) on delete cascade,
    staff_user_id  uuid        not null references staff_user (id),
    created_at     timestamptz not null,
    created_by     uuid,
    primary key (project_id, staff_user_id)
);
create index project_staff_member_user_idx on project_staff_member (staff_user_id, project_id);

create table task_list (
    id          uuid primary key,
    project_id  uuid        not null references project (id),
    name        text        not null check (length(name) between 1 and 200),
    position    integer     not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid,
    unique (id, project_id)
);
create index task_list_project_idx on task_list (project_id, position, id);

create table task (
    id            uuid primary key,
    project_id    uuid        not null,
    task_list_id  uuid        not null,
    title         text        not null check (length(title) between 1 and 200),
    description   text        not null default '' check (length(description) <= 100000),
    status        text        not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE')),
    assignee_id   uuid references staff_user (id),
    due_date      date,
    position      integer     not null,
    shared        boolean     not null default false,
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid,
    -- A task's list belongs to the same project as the task.
    foreign key (task_list_id, project_id) references task_list (id, project_id)
);
create index task_list_order_idx on task (task_list_id, position, id);
create index task_project_idx on task (project_id, status);
create index task_assignee_idx on task (assignee_id) where assignee_id is not null;

create table milestone (
    id          uuid primary key,
    project_id  uuid        not null references project (id),
    title       text        not null check (length(title) between 1 and 200),
    due_date    date        not null,
    done        boolean     not null default false,
    shared      boolean     not null default false,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid
);
create index milestone_project_idx on milestone (project_id, due_date, id);

create table project_update (
    id          uuid primary key,
    project_id  uuid        not null references project (id),
    title       text        not null check (length(title) between 1 and 200),
    body        text        not null check (length(body) between 1 and 100000),
    shared      boolean     not null default false,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid
);
create index project_update_project_idx on project_update (project_id, created_at desc, id desc);

create table project_document (
    id          uuid primary key,
    project_id  uuid        not null references project (id),
    title       text        not null check (length(title) between 1 and 200),
    body        text        not null default '' check (length(body) <= 100000),
    shared      boolean     not null default false,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid
);
create index project_document_project_idx on project_document (project_id, lower(title), id);

-- Event times are wall-clock times in the organization's time zone (what staff typed).
create table project_event (
    id           uuid primary key,
    project_id   uuid        not null references project (id),
    title        text        not null check (length(title) between 1 and 200),
    starts_at    timestamp   not null,
    ends_at      timestamp   not null,
    description  text        not null default '' check (length(description) <= 100000),
    shared       boolean     not null default false,
    version      bigint      not null,
    created_at   timestamptz not null,
    created_by   uuid,
    updated_at   timestamptz not null,
    updated_by   uuid,
    check (ends_at >= starts_at)
);
create index project_event_project_idx on project_event (project_id, starts_at, id);

-- Comments on the project itself (item_kind and item_id null) or on one of its items.
create table project_comment (
    id          uuid primary key,
    project_id  uuid        not null references project (id),
    item_kind   text check (item_kind in ('TASK_LIST', 'TASK', 'MILESTONE', 'UPDATE', 'DOCUMENT', 'EVENT')),
    item_id     uuid,
    body        text        not null check (length(body) between 1 and 100000),
    shared      boolean     not null default false,
    author_id   uuid references staff_user (id),
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid,
    check ((item_kind is null) = (item_id is null))
);
create index project_comment_project_idx on project_comment (project_id, created_at desc, id desc) where item_id is null;
create index project_comment_item_idx on project_comment (item_id, created_at desc, id desc) where item_id is not null;
