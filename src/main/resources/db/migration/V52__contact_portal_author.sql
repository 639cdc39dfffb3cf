-- EXP-5, PRT-3 (issue 7 item 5): a contact a portal user adds as a colleague remembers who wrote it,
-- as projects' items and tickets do since V26, so "own" contacts (edit own, delete own, view scope
-- "own") can be told apart from those staff keep. LIF-6: created_by stays the inviting staff user.
alter table contact add column portal_author_id uuid references portal_user (id) on delete set null;
create index contact_portal_author_idx on contact (portal_author_id) where portal_author_id is not null;
