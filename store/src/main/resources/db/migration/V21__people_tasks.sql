-- Tasks for people, worked in the console: who has a task, and how a person closed it (done, or skipped) with an
-- outcome that is also the account's disposition. A person's disposition may have no conversation (a call the queue
-- left to a person), so dispositions name their customer themselves.
alter table tasks
    add column assignee     text,
    add column closed_by    text,
    add column closed_at    timestamptz,
    add column outcome      text,
    add column outcome_note text;
alter table tasks drop constraint tasks_status_check;
alter table tasks add constraint tasks_status_check check (status in ('open', 'done', 'for_a_person', 'skipped'));
create index tasks_for_people on tasks (tenant_id, created_at) where status in ('open', 'for_a_person');
create index tasks_customer on tasks (tenant_id, customer_key, created_at);

alter table dispositions
    alter column conversation_id drop not null,
    add column customer_key text,
    add column task_id      uuid,
    add column decided_by   text,
    add column note         text;
update dispositions d set customer_key = c.customer_key
    from conversations c where c.tenant_id = d.tenant_id and c.conversation_id = d.conversation_id;
alter table dispositions alter column customer_key set not null;
create index dispositions_customer on dispositions (tenant_id, customer_key, created_at);

-- the account's timeline reads the CRM events queued for a customer
create index outbox_crm_customer on outbox (tenant_id, (payload ->> 'customer'), created_at) where topic = 'crm';

-- the timeline finds the citations of an agent message in the audit record of the turn that wrote it
create index audit_log_subject on audit_log (tenant_id, subject, occurred_at);
