-- Issue 3 item 9: tickets and ticket comments over the REST API (docs/api.md).

-- Tickets need no new index: ticket_updated_idx (updated_at desc, id desc) serves "updated_at >= :since
-- order by updated_at, id" scanned backwards, and ticket.external_ref is unique since V6.

-- A comment synced from another system keeps that system's id, unique among comments, so a sync can upsert it.
alter table ticket_comment add column external_ref text check (length(external_ref) between 1 and 200);
create unique index ticket_comment_ref_uq on ticket_comment (external_ref) where external_ref is not null;
create index ticket_comment_updated_idx on ticket_comment (updated_at, id);
create index ticket_comment_ticket_updated_idx on ticket_comment (ticket_id, updated_at, id);

-- File types are read by integrations too (GET /api/v1/file-types?updatedSince=).
create index file_type_updated_idx on file_type (updated_at, id);
