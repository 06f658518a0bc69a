-- The versions of a tenant's rules (queue rules and negotiation policy) saved from the console: each whole, with who
-- saved it and why; a version's settings are its rows in rule_settings.
create table rule_versions (
    tenant_id text not null references tenants,
    version   integer not null check (version > 0),
    saved_by  text not null,
    saved_at  timestamptz not null,
    comment   text not null default '',
    primary key (tenant_id, version)
);
create table rule_settings (
    tenant_id text not null,
    version   integer not null,
    key       text not null,
    value     text not null,
    primary key (tenant_id, version, key),
    foreign key (tenant_id, version) references rule_versions
);
alter table rule_versions enable row level security;
create policy tenant_rows on rule_versions using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
alter table rule_settings enable row level security;
create policy tenant_rows on rule_settings using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
