-- Pay-now links the messages carried (Stripe payment links): whose, which invoices, exactly how much, why, and whether
-- the link still takes payments. A payment reported by the processor's webhook is found here by the link's id.
create table pay_links (
    tenant_id    text not null references tenants,
    link_id      text not null,
    url          text not null,
    customer_key text not null,
    invoices     text[] not null,
    amount_minor bigint not null check (amount_minor > 0),
    currency     char(3) not null,
    purpose      text not null,
    created_at   timestamptz not null,
    active       boolean not null default true,
    primary key (tenant_id, link_id)
);
create index pay_links_live on pay_links (tenant_id, customer_key) where active;
alter table pay_links enable row level security;
create policy tenant_rows on pay_links using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
