-- A person pauses an account's collection or takes it over; a hold lasts until released, and its history is kept.
create table account_holds (
    tenant_id    text not null references tenants,
    hold_id      uuid not null,
    customer_key text not null,
    kind         text not null check (kind in ('paused', 'taken_over')),
    placed_by    text not null,
    reason       text not null default '',
    placed_at    timestamptz not null,
    released_by  text,
    released_at  timestamptz,
    primary key (tenant_id, hold_id),
    foreign key (tenant_id, customer_key) references customers
);
create unique index account_holds_current on account_holds (tenant_id, customer_key) where released_at is null;
alter table account_holds enable row level security;
create policy tenant_rows on account_holds using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
