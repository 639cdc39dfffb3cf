-- Issue 3 item 9: the REST API syncs project items by external reference (unique per item type,
-- nullable) and lists every record type by updatedSince, ordered by (updated_at, id).

alter table task_list        add column external_ref text check (length(external_ref) between 1 and 200);
alter table task             add column external_ref text check (length(external_ref) between 1 and 200);
alter table milestone        add column external_ref text check (length(external_ref) between 1 and 200);
alter table project_update   add column external_ref text check (length(external_ref) between 1 and 200);
alter table project_document add column external_ref text check (length(external_ref) between 1 and 200);
alter table project_event    add column external_ref text check (length(external_ref) between 1 and 200);

create unique index task_list_ref_uq        on task_list (external_ref)        where external_ref is not null;
create unique index task_ref_uq             on task (external_ref)             where external_ref is not null;
create unique index milestone_ref_uq        on milestone (external_ref)        where external_ref is not null;
create unique index project_update_ref_uq   on project_update (external_ref)   where external_ref is not null;
create unique index project_document_ref_uq on project_document (external_ref) where external_ref is not null;
create unique index project_event_ref_uq    on project_event (external_ref)    where external_ref is not null;

create index project_changed_idx          on project (updated_at, id);
create index task_list_changed_idx        on task_list (updated_at, id);
create index task_changed_idx             on task (updated_at, id);
create index milestone_changed_idx        on milestone (updated_at, id);
create index project_update_changed_idx   on project_update (updated_at, id);
create index project_document_changed_idx on project_document (updated_at, id);
create index project_event_changed_idx    on project_event (updated_at, id);
create index project_comment_changed_idx  on project_comment (updated_at, id);
