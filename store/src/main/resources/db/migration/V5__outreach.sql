-- Outreach: the queue actions the scheduler executed. One row per account, cadence step and oldest invoice, so a
-- batch run that is repeated (or crashes and restarts) never executes the same step twice; outcomes are read later
-- from payments and promises to teach the strategy choice.

create table outreach (
    tenant_id     text not null references tenants,
    outreach_id   uuid not null,
    customer_key  text not null,
    segment       text not null default '',
    step          integer not null,
    strategy      text not null check (strategy in ('gentle_reminder', 'value_added_follow_up', 'payment_plan_offer',
                                                    'escalation_notice', 'final_notice', 'human_call')),
    channel       text not null check (channel in ('email', 'sms', 'call', 'human')),
    executed_at   timestamptz not null,
    invoices      text[] not null,
    primary key (tenant_id, outreach_id),
    foreign key (tenant_id, customer_key) references customers
);
create unique index outreach_once on outreach (tenant_id, customer_key, step, (invoices[1]));
