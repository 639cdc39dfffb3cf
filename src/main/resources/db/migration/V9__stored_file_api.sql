-- Issue 3 item 9: integrations list files changed since an instant (docs/api.md, "Lists"),
-- ordered by updated_at, id.
create index stored_file_updated_idx on stored_file (updated_at, id);
