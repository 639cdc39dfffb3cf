-- Issue 4: financial documents of a company (quotes, invoices, orders, contracts), their lines,
-- invoice payments, order tasks and order status flags. Money rules: docs/adr/004-money-and-rounding.md.

-- One counter per kind; a new document takes its number with "update ... returning" in its own
-- transaction, so concurrent creators queue on the row and never share a number. The prefix is an
-- admin setting (/settings/finance).
create table finance_number_counter (
    kind        text   primary key check (kind in ('QUOTE', 'INVOICE', 'ORDER', 'CONTRACT')),
    prefix      text   not null check (length(prefix) <= 20),
    next_value  bigint not null check (next_value >= 1),
    version     bigint not null default 0,
    updated_at  timestamptz,
    updated_by  uuid
);
insert into finance_number_counter (kind, prefix, next_value) values
    ('QUOTE', 'Q-', 1), ('INVOICE', 'INV-', 1), ('ORDER', 'ORD-', 1), ('CONTRACT', 'CT-', 1);

-- Status flags of orders, managed by admins (/settings/order-flags); customers see only customer flags (ACC-6).
create table finance_order_flag (
    id             uuid primary key,
    name           text        not null check (length(name) between 1 and 100),
    customer_flag  boolean     not null,
    active         boolean     not null default true,
    version        bigint      not null,
    created_at     timestamptz not null,
    created_by     uuid,
    updated_at     timestamptz not null,
    updated_by     uuid
);
create unique index finance_order_flag_name_uq on finance_order_flag (lower(name));

create table finance_document (
    id                  uuid primary key,
    kind                text        not null check (kind in ('QUOTE', 'INVOICE', 'ORDER', 'CONTRACT')),
    sequence            bigint      not null,
    -- The number as issued (prefix + sequence); a later prefix change leaves it as it was.
    number              text        not null check (length(number) between 1 and 60),
    -- Documents are kept: a company with documents cannot be purged from the recycle bin.
    company_id          uuid        not null references company (id),
    status              text        not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED',
                                                               'PARTLY_PAID', 'PAID', 'VOID', 'SIGNED', 'COMPLETED',
                                                               'CANCELLED')),
    issue_date          date        not null,
    -- Due date (invoices), valid until (quotes), delivery date (orders), end date (contracts).
    due_date            date check (due_date is null or due_date >= issue_date),
    currency            char(3)     not null,
    -- Computed from the lines by dev.foyer.finance.Totals on every write; kept for lists and filters.
    net_total           numeric(19, 4) not null,
    tax_total           numeric(19, 4) not null,
    total               numeric(19, 4) not null,
    paid_total          numeric(19, 4) not null default 0 check (paid_total >= 0),
    -- Never shown to customers.
    internal_notes      text        not null default '' check (length(internal_notes) <= 10000),
    -- Customer-facing terms (payment terms, validity, conditions).
    terms               text        not null default '' check (length(terms) <= 10000),
    -- The accepted quote this order or invoice was converted from.
    source_document_id  uuid references finance_document (id),
    order_flag_id       uuid references finance_order_flag (id),
    external_ref        text check (length(external_ref) between 1 and 200),
    version             bigint      not null,
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    updated_by          uuid
);
create unique index finance_document_number_uq on finance_document (kind, number);
create unique index finance_document_sequence_uq on finance_document (kind, sequence);
create unique index finance_document_ref_uq on finance_document (kind, external_ref) where external_ref is not null;
-- A quote converts into an order and into an invoice at most once each.
create unique index finance_document_source_uq on finance_document (source_document_id, kind)
    where source_document_id is not null;
-- The staff list: recently changed, by kind, status and company; overdue invoices; the API's updatedSince.
create index finance_document_updated_idx on finance_document (updated_at desc, id desc);
create index finance_document_kind_idx on finance_document (kind, status, updated_at desc, id desc);
create index finance_document_company_idx on finance_document (company_id, kind, updated_at desc, id desc);
create index finance_document_overdue_idx on finance_document (due_date, updated_at desc, id desc)
    where kind = 'INVOICE' and status in ('SENT', 'PARTLY_PAID');
create index finance_document_sync_idx on finance_document (kind, updated_at, id);

-- Line items, in order; rewritten with the document (it is one aggregate).
create table finance_document_line (
    document_id       uuid           not null references finance_document (id) on delete cascade,
    position          int            not null check (position >= 0),
    description       text           not null check (length(description) between 1 and 500),
    quantity          numeric(19, 4) not null check (quantity > 0),
    unit              text           not null default '' check (length(unit) <= 20),
    unit_price        numeric(19, 4) not null check (unit_price >= 0),
    discount_percent  numeric(5, 2)  not null default 0 check (discount_percent between 0 and 100),
    tax_rate          numeric(5, 2)  not null default 0 check (tax_rate between 0 and 100),
    primary key (document_id, position)
);

-- Payments recorded against an invoice; they move it to partly paid and paid.
create table finance_payment (
    id           uuid primary key,
    document_id  uuid           not null references finance_document (id) on delete cascade,
    paid_on      date           not null,
    amount       numeric(19, 4) not null check (amount > 0),
    method       text           not null check (method in ('BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE',
                                                           'DIRECT_DEBIT', 'OTHER')),
    reference    text           not null default '' check (length(reference) <= 200),
    created_at   timestamptz    not null,
    created_by   uuid
);
create index finance_payment_document_idx on finance_payment (document_id, paid_on desc, created_at desc, id);

-- Internal order tasks: never shown to customers (ACC-6).
create table finance_order_task (
    id           uuid primary key,
    document_id  uuid        not null references finance_document (id) on delete cascade,
    title        text        not null check (length(title) between 1 and 200),
    done         boolean     not null default false,
    assignee_id  uuid references staff_user (id),
    version      bigint      not null,
    created_at   timestamptz not null,
    created_by   uuid,
    updated_at   timestamptz not null,
    updated_by   uuid
);
create index finance_order_task_document_idx on finance_order_task (document_id, done, created_at, id);

-- Who set which flag on an order, when (null flag: the flag was cleared).
create table finance_order_flag_change (
    id           bigint generated always as identity primary key,
    document_id  uuid        not null references finance_document (id) on delete cascade,
    flag_id      uuid references finance_order_flag (id),
    set_by       uuid,
    set_by_name  text        not null,
    set_at       timestamptz not null
);
create index finance_order_flag_change_document_idx on finance_order_flag_change (document_id, set_at desc, id desc);

-- Finding a document by (part of) its number.
create index finance_document_number_trgm_idx on finance_document using gin (lower(number) gin_trgm_ops);
