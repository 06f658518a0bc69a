-- What customers told us they paid (an email and its attachments' text, a text message), kept as written for the
-- receipts still to come: the matcher reads them against what is open when a receipt names nothing itself.
create table remittance_advices (
    tenant_id    text not null references tenants,
    advice_id    bigint generated always as identity,
    customer_key text not null,
    source       text not null,
    body         text not null,
    said_at      timestamptz not null,
    primary key (tenant_id, advice_id)
);
create index remittance_advices_recent on remittance_advices (tenant_id, said_at);
alter table remittance_advices enable row level security;
create policy tenant_rows on remittance_advices using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
