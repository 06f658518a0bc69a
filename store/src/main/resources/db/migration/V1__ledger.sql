-- ar-agent system of record, version 1.
-- Every table carries tenant_id, first in its primary key and in every unique key, so the schema can be sharded by
-- tenant (Citus) and every query is scoped by tenant by construction. Money is bigint minor units with an ISO 4217
-- currency; instants are timestamptz written by the application's clock (no now() defaults in domain columns).

create table tenants (
    tenant_id      text primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name           text not null,
    home_currency  char(3) not null default 'USD',
    created_at     timestamptz not null
);

create table customers (
    tenant_id             text not null references tenants,
    customer_key          text not null,
    name                  text not null,
    segment               text,
    industry              text,
    time_zone             text,
    credit_limit_minor    bigint check (credit_limit_minor >= 0),
    credit_limit_currency char(3),
    customer_since        date,
    tags                  text[] not null default '{}',
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (tenant_id, customer_key),
    check ((credit_limit_minor is null) = (credit_limit_currency is null))
);

create table contacts (
    tenant_id     text not null,
    customer_key  text not null,
    contact_key   text not null, -- lower(email), else phone: one row per reachable identity
    name          text not null default '',
    email         text,
    phone         text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    role          text not null default 'billing',
    email_opt_out boolean not null default false,
    sms_opt_out   boolean not null default false,
    updated_at    timestamptz not null,
    primary key (tenant_id, customer_key, contact_key),
    foreign key (tenant_id, customer_key) references customers,
    check (email is not null or phone is not null)
);
create index contacts_email on contacts (tenant_id, lower(email));
create index contacts_phone on contacts (tenant_id, phone);

create table invoices (
    tenant_id     text not null,
    number        text not null,
    customer_key  text not null,
    po_number     text,
    issue_date    date not null,
    due_date      date not null,
    currency      char(3) not null,
    amount_minor  bigint not null check (amount_minor >= 0),
    open_minor    bigint not null,
    status        text not null check (status in ('open', 'paid', 'closed')),
    settled_date  date,
    disputed      boolean not null default false,
    closed_reason text,
    updated_at    timestamptz not null,
    primary key (tenant_id, number),
    foreign key (tenant_id, customer_key) references customers,
    check (open_minor >= 0 and open_minor <= amount_minor),
    check (due_date >= issue_date)
);
create index invoices_status_due on invoices (tenant_id, status, due_date);
create index invoices_customer on invoices (tenant_id, customer_key);
create index invoices_issued on invoices (tenant_id, issue_date);

create table credit_memos (
    tenant_id    text not null,
    number       text not null,
    customer_key text not null,
    issue_date   date not null,
    currency     char(3) not null,
    amount_minor bigint not null check (amount_minor > 0),
    applies_to   text,
    status       text not null check (status in ('open', 'closed')),
    updated_at   timestamptz not null,
    primary key (tenant_id, number),
    foreign key (tenant_id, customer_key) references customers
);

create table payments (
    tenant_id    text not null,
    reference    text not null,
    customer_key text not null,
    received_on  date not null,
    currency     char(3) not null,
    amount_minor bigint not null check (amount_minor > 0),
    method       text,
    updated_at   timestamptz not null,
    primary key (tenant_id, reference),
    foreign key (tenant_id, customer_key) references customers
);
create index payments_customer on payments (tenant_id, customer_key, received_on);

-- An allocation names the invoice by number without a foreign key: a payment file may mention an invoice that was
-- settled before the book was imported.
create table payment_allocations (
    tenant_id      text not null,
    reference      text not null,
    invoice_number text not null,
    amount_minor   bigint not null check (amount_minor > 0),
    primary key (tenant_id, reference, invoice_number),
    foreign key (tenant_id, reference) references payments on delete cascade
);
create index allocations_invoice on payment_allocations (tenant_id, invoice_number);

create table notes (
    tenant_id     text not null,
    reference     text not null,
    customer_key  text not null,
    kind          text not null check (kind in ('note', 'ticket')),
    created_at    timestamptz not null,
    source        text not null,
    author        text not null default '',
    subject       text,
    body          text not null,
    ticket_status text,
    updated_at    timestamptz not null,
    primary key (tenant_id, reference),
    foreign key (tenant_id, customer_key) references customers
);
create index notes_customer on notes (tenant_id, customer_key, created_at);

create table imports (
    tenant_id              text not null references tenants,
    import_id              bigint generated always as identity,
    kind                   text not null check (kind in ('customers', 'aging', 'history', 'payments', 'notes')),
    source                 text not null,
    sha256                 char(64) not null,
    profile                text not null,
    as_of                  date,
    actor                  text not null,
    rows_read              integer not null,
    rows_valid             integer not null,
    required_missing_pct   numeric(5, 2) not null,
    accepted_with_problems boolean not null,
    scoring_blocked        boolean not null,
    inserted               integer not null,
    updated                integer not null,
    closed                 integer not null,
    imported_at            timestamptz not null,
    primary key (tenant_id, import_id)
);
