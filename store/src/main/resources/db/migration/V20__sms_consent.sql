-- A STOP (or START) is kept for the phone itself, not only on the contacts that have that number: a text conversation
-- whose phone is on no contact (a later import changed it, or the number was given in a reply) stays opted out.
create table sms_consent (
    tenant_id   text not null references tenants,
    phone       text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    opted_out   boolean not null,
    keyword     text not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, phone)
);
alter table sms_consent enable row level security;
create policy tenant_rows on sms_consent using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
