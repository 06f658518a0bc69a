-- Row-level security on every tenant's book (ADR 0024). The service connects as a role that neither owns these tables
-- nor bypasses row-level security, and sets ar.tenant at the start of every transaction; each policy shows and
-- accepts only that tenant's rows, so a query that forgets its tenant filter still cannot reach another tenant.
-- Left out: tenants (names only) and the access tables (memberships, sessions, api_tokens), which are read before a
-- request's tenant is known — a session or token is found by its hash.
-- A table added later with a tenant_id needs the same policy (SchemaIT fails until it has one).

do $$
declare
    t text;
begin
    for t in
        select c.table_name
        from information_schema.columns c
        join information_schema.tables tb using (table_schema, table_name)
        where c.table_schema = 'public' and c.column_name = 'tenant_id' and tb.table_type = 'BASE TABLE'
          and c.table_name not in ('tenants', 'memberships', 'sessions', 'api_tokens')
    loop
        execute format('alter table %I enable row level security', t);
        execute format(
            'create policy tenant_rows on %I using (tenant_id = current_setting(''ar.tenant'', true))'
            ' with check (tenant_id = current_setting(''ar.tenant'', true))', t);
    end loop;
end
$$;
