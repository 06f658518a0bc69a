-- Approvals decided by people (Slack, API, CLI), SMS threads over Twilio Conversations, CRM write-back and staff
-- notices, all delivered through the outbox.

alter table approvals drop constraint approvals_status_check;
alter table approvals add constraint approvals_status_check
    check (status in ('pending', 'approved', 'edited', 'rejected', 'expired', 'withdrawn'));
alter table approvals
    add column context         jsonb not null default '{}', -- the debtor's words and the passages cited
    add column agreed          jsonb,                        -- the terms agreed (edited or as proposed)
    add column slack_channel   text,
    add column slack_ts        text,
    add column posted_at       timestamptz,
    add column card_updated_at timestamptz;

-- an outbox row that gave up (a CRM that refused it, too many attempts) stays, visible, for a person
alter table outbox add column failed_at timestamptz;
create index outbox_topic_pending on outbox (tenant_id, topic, available_at) where dispatched_at is null and failed_at is null;

-- what AR staff are told in their channel: disputes, second broken promises, the weekly likely write-offs
create table notices (
    tenant_id  text not null,
    notice_id  bigint generated always as identity,
    kind       text not null check (kind in ('dispute_opened', 'promise_broken_twice', 'likely_write_offs',
                                             'approval_expired', 'approval_stale')),
    dedupe_key text not null,
    text       text not null,
    created_at timestamptz not null,
    sent_at    timestamptz,
    primary key (tenant_id, notice_id),
    unique (tenant_id, kind, dedupe_key)
);

-- one Twilio conversation per debtor phone and tenant number
create table sms_threads (
    tenant_id        text not null,
    conversation_id  uuid not null,
    phone            text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    our_number       text not null check (our_number ~ '^\+[1-9][0-9]{6,14}$'),
    twilio_sid       text,            -- CHxxxxxxxx once created at Twilio
    created_at       timestamptz not null,
    primary key (tenant_id, conversation_id),
    unique (tenant_id, twilio_sid),
    foreign key (tenant_id, conversation_id) references conversations
);
create unique index sms_threads_open_phone on sms_threads (tenant_id, phone, our_number);

alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
    check (status in ('received', 'processed', 'triage', 'quarantined', 'queued', 'sent', 'delivered', 'failed', 'undelivered',
                      'read'));
