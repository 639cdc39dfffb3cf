-- EXP-4: a portal user's online answer to a sent quote (accept or decline), recorded once. The
-- unique constraint on the quote is what makes a double submit, a second tab or a race between two
-- portal users change nothing: the second insert finds the first and the quote stays as answered.
create table quote_answer (
    id              uuid         primary key,
    document_id     uuid         not null references finance_document (id),
    answer          varchar(16)  not null check (answer in ('ACCEPTED', 'DECLINED')),
    -- The signer's full name as typed, the explicit confirmation is implied by the row (required to answer).
    signer_name     varchar(200) not null check (length(signer_name) between 1 and 200),
    reason          varchar(2000) not null default '',
    -- The request's remote address (behind a trusted proxy, the forwarded one: FOYER_FORWARD_HEADERS).
    client_ip       varchar(64)  not null,
    portal_user_id  uuid         not null,
    company_name    varchar(300) not null,
    answered_at     timestamptz  not null,
    constraint quote_answer_once unique (document_id)
);
