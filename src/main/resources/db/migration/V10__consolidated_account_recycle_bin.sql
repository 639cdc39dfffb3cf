-- A consolidated account in the recycle bin lets go of its companies (so no scope ever reaches
-- through a deleted account, ACC-1) but remembers them, so a restore groups them again.
alter table company add column detached_from_account uuid references consolidated_account (id);
create index company_detached_from_account_idx on company (detached_from_account) where detached_from_account is not null;
create index consolidated_account_deleted_idx on consolidated_account (deleted_at) where deleted_at is not null;
