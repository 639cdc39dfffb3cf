-- A contact's language (issue 6 item 3, LIF-2): e-mails to them speak it unless their portal account
-- chose another. Null = the organization's default. One of OrganizationProfile.LANGUAGES (checked in
-- ContactDetails; the check here is a backstop against imports that bypass it).
alter table contact add column language text check (language ~ '^[a-z]{2}$');
