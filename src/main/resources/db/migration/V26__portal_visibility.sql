-- Issue 5 item 6: the visibility component (dev.foyer.portal.PortalReads, docs/adr/007-visibility-component.md).
--
-- PRT-3/ACC-2 "own" scope: records linked to the portal user's contact or created by the portal
-- user. LIF-6 makes the inviting staff user the owner (created_by) of what a portal user creates,
-- so who really wrote it is kept apart, in portal_author_id. A ticket is linked to a contact (the
-- person who asked) through contact_id. Removing the portal user keeps the record and forgets the
-- author (it then no longer counts as the user's own, nor as posted from the portal, ACC-11).
alter table project          add column portal_author_id uuid references portal_user (id) on delete set null;
alter table task             add column portal_author_id uuid references portal_user (id) on delete set null;
alter table milestone        add column portal_author_id uuid references portal_user (id) on delete set null;
alter table project_update   add column portal_author_id uuid references portal_user (id) on delete set null;
alter table project_document add column portal_author_id uuid references portal_user (id) on delete set null;
alter table project_event    add column portal_author_id uuid references portal_user (id) on delete set null;
alter table project_comment  add column portal_author_id uuid references portal_user (id) on delete set null;
alter table ticket           add column portal_author_id uuid references portal_user (id) on delete set null;
alter table ticket_comment   add column portal_author_id uuid references portal_user (id) on delete set null;
alter table stored_file      add column portal_author_id uuid references portal_user (id) on delete set null;
alter table ticket           add column contact_id uuid references contact (id) on delete set null;

-- "Own" lists and the foreign keys' set-null on delete look these up.
create index project_portal_author_idx          on project (portal_author_id)          where portal_author_id is not null;
create index task_portal_author_idx             on task (portal_author_id)             where portal_author_id is not null;
create index milestone_portal_author_idx        on milestone (portal_author_id)        where portal_author_id is not null;
create index project_update_portal_author_idx   on project_update (portal_author_id)   where portal_author_id is not null;
create index project_document_portal_author_idx on project_document (portal_author_id) where portal_author_id is not null;
create index project_event_portal_author_idx    on project_event (portal_author_id)    where portal_author_id is not null;
create index project_comment_portal_author_idx  on project_comment (portal_author_id)  where portal_author_id is not null;
create index ticket_portal_author_idx           on ticket (portal_author_id)           where portal_author_id is not null;
create index ticket_comment_portal_author_idx   on ticket_comment (portal_author_id)   where portal_author_id is not null;
create index stored_file_portal_author_idx      on stored_file (portal_author_id)      where portal_author_id is not null;
create index ticket_contact_idx                 on ticket (contact_id)                 where contact_id is not null;
-- A portal user's visible projects and tickets start from the membership tables (indexed in V19);
-- a visible project's children are read by project (indexed in V5). Finance per company: V11.
