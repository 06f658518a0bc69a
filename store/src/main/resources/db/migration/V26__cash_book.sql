-- The cash book: every bank file a tenant brought in (known by the SHA-256 of its bytes), every entry once however many
-- files state it (bank_lines.line_key: the account and the bank's reference, or what the entry says), where each stands,
-- and the payer names people confirmed as a customer's.
create table bank_files (
    tenant_id  text not null references tenants,
    file_no    bigint generated always as identity,
    sha256     text not null,
    source     text not null,
    format     text not null,
    entries    integer not null check (entries >= 0),
    added      integer not null check (added >= 0),
    filed_by   text not null,
    filed_at   timestamptz not null,
    primary key (tenant_id, sha256)
);
create table bank_lines (
    tenant_id            text not null references tenants,
    line_id              bigint generated always as identity,
    line_key             text not null,
    account              text not null,
    file_sha256          text not null,
    bank_reference       text not null,
    amount_minor         bigint not null check (amount_minor >= 0),
    currency             char(3) not null,
    credit               boolean not null,
    reversal             boolean not null,
    status               text not null,
    booking_date         date,
    value_date           date,
    counterparty_name    text not null,
    counterparty_account text not null,
    refs                 text[] not null,
    remittance           text[] not null,
    state                text not null check (state in ('open', 'applied', 'set_aside', 'not_receipt')),
    filed_at             timestamptz not null,
    customer_key         text,
    outcome              text,
    closed_by            text,
    closed_at            timestamptz,
    primary key (tenant_id, line_id),
    unique (tenant_id, line_key),
    foreign key (tenant_id, file_sha256) references bank_files
);
create index bank_lines_by_state on bank_lines (tenant_id, state, coalesce(value_date, booking_date), line_id);
create table payer_aliases (
    tenant_id    text not null references tenants,
    payer        text not null,
    customer_key text not null,
    learned_by   text not null,
    learned_at   timestamptz not null,
    primary key (tenant_id, payer)
);
alter table bank_files enable row level security;
create policy tenant_rows on bank_files using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
alter table bank_lines enable row level security;
create policy tenant_rows on bank_lines using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
alter table payer_aliases enable row level security;
create policy tenant_rows on payer_aliases using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
