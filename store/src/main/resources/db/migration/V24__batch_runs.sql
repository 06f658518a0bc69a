-- Each batch run step by step, for the AR manager to read: its steps with counts in and out, and the accounts each
-- step names with why. A tenant keeps its recent runs (the adapter prunes older ones).
create table batch_runs (
    tenant_id text not null references tenants,
    run_id    uuid not null,
    run_at    timestamptz not null,
    primary key (tenant_id, run_id)
);
create index batch_runs_latest on batch_runs (tenant_id, run_at desc);
create table batch_run_steps (
    tenant_id text not null,
    run_id    uuid not null,
    step_no   integer not null,
    name      text not null,
    words     text not null,
    in_count  integer not null,
    out_count integer not null,
    primary key (tenant_id, run_id, step_no),
    foreign key (tenant_id, run_id) references batch_runs on delete cascade
);
create table batch_run_lines (
    tenant_id    text not null,
    run_id       uuid not null,
    step_no      integer not null,
    line_no      integer not null,
    customer_key text not null,
    name         text not null,
    why          text not null,
    primary key (tenant_id, run_id, step_no, line_no),
    foreign key (tenant_id, run_id, step_no) references batch_run_steps on delete cascade
);
alter table batch_runs enable row level security;
create policy tenant_rows on batch_runs using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
alter table batch_run_steps enable row level security;
create policy tenant_rows on batch_run_steps using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
alter table batch_run_lines enable row level security;
create policy tenant_rows on batch_run_lines using (tenant_id = current_setting('ar.tenant', true))
    with check (tenant_id = current_setting('ar.tenant', true));
