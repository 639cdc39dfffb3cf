-- Issue 3 item 9: project comments and file types get an external reference too (unique per record
-- type, nullable), so a sync can upsert them like every other record type.

alter table project_comment add column external_ref text check (length(external_ref) between 1 and 200);
alter table file_type       add column external_ref text check (length(external_ref) between 1 and 200);

create unique index project_comment_ref_uq on project_comment (external_ref) where external_ref is not null;
create unique index file_type_ref_uq       on file_type (external_ref)       where external_ref is not null;
