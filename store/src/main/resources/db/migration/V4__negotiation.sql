-- Negotiation: what the playbook remembers between messages, what it decided, and the work it leaves for people.

alter table conversations
    add column unanswered      integer not null default 0, -- our messages since the debtor last wrote
    add column last_strategy   text,
    add column last_offer      jsonb,                      -- the terms we last offered, to accept on "ok"
    add column last_inbound_at timestamptz,
    add column last_outbound_at timestamptz;

alter table disputes
    add column currency     char(3),
    add column amount_minor bigint check (amount_minor > 0);
create index disputes_open on disputes (tenant_id, invoice_number) where status = 'open';

alter table tasks
    add column conversation_id uuid,
    add column due_on          date;
alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check
    check (kind in ('find_contact', 'review_triage', 'billing_dispute', 'verify_payment', 'crm_contact_update',
                    'call_debtor', 'send_invoice_copy', 'answer_question', 'change_channel', 'human_review'));

alter table dispositions
    add column intent          text,
    add column confidence      numeric(3, 2),
    add column strategy        text,
    add column stage           text,
    add column drafter         text,
    add column policy_version  text;

alter table approvals
    add column approver    text,
    add column fallback    jsonb,
    add column reasons     text[] not null default '{}';
