-- The tables the agent needs next: conversations over any channel, their messages, promises, disputes, structured
-- dispositions, human approvals, the transactional outbox, and the append-only audit log.

create table conversations (
    tenant_id       text not null,
    conversation_id uuid not null,
    customer_key    text not null,
    channel         text not null check (channel in ('email', 'sms', 'voice', 'chat')),
    stage           text not null check (stage in ('open', 'engaged', 'promised', 'plan_agreed', 'disputed',
                                                   'escalated', 'paid', 'closed')),
    subject         text,
    reply_token     text not null, -- per-conversation plus-address token
    opened_at       timestamptz not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, conversation_id),
    unique (tenant_id, reply_token),
    foreign key (tenant_id, customer_key) references customers
);
create index conversations_customer on conversations (tenant_id, customer_key);

create table conversation_invoices (
    tenant_id       text not null,
    conversation_id uuid not null,
    invoice_number  text not null,
    primary key (tenant_id, conversation_id, invoice_number),
    foreign key (tenant_id, conversation_id) references conversations,
    foreign key (tenant_id, invoice_number) references invoices
);

create table messages (
    tenant_id       text not null,
    message_id      uuid not null,
    conversation_id uuid,          -- null while in triage
    direction       text not null check (direction in ('inbound', 'outbound')),
    channel         text not null check (channel in ('email', 'sms', 'voice', 'chat')),
    external_id     text not null, -- RFC 5322 Message-ID, Twilio message SID, call SID
    mailbox         text,
    uid_validity    bigint,
    uid             bigint,
    from_address    text not null,
    to_address      text not null,
    subject         text,
    body_text       text,
    raw             bytea,
    status          text not null check (status in ('received', 'processed', 'quarantined', 'queued', 'sent',
                                                    'delivered', 'failed')),
    status_reason   text,
    occurred_at     timestamptz not null,
    primary key (tenant_id, message_id),
    unique (tenant_id, channel, direction, external_id),
    foreign key (tenant_id, conversation_id) references conversations
);
create unique index messages_imap_uid on messages (tenant_id, mailbox, uid_validity, uid) where uid is not null;
create index messages_conversation on messages (tenant_id, conversation_id, occurred_at);

create table promises (
    tenant_id       text not null,
    promise_id      uuid not null,
    conversation_id uuid not null,
    invoice_number  text,
    currency        char(3) not null,
    amount_minor    bigint not null check (amount_minor > 0),
    due_on          date not null,
    installment     integer not null default 1,
    status          text not null check (status in ('open', 'kept', 'broken', 'cancelled')),
    created_at      timestamptz not null,
    resolved_at     timestamptz,
    primary key (tenant_id, promise_id),
    foreign key (tenant_id, conversation_id) references conversations
);
create index promises_due on promises (tenant_id, status, due_on);

create table disputes (
    tenant_id       text not null,
    dispute_id      uuid not null,
    conversation_id uuid not null,
    invoice_number  text,
    reason          text not null,
    status          text not null check (status in ('open', 'resolved', 'rejected')),
    opened_at       timestamptz not null,
    resolved_at     timestamptz,
    primary key (tenant_id, dispute_id),
    foreign key (tenant_id, conversation_id) references conversations
);

create table dispositions (
    tenant_id             text not null,
    disposition_id        uuid not null,
    conversation_id       uuid not null,
    message_id            uuid,
    payment_status        text not null,
    expected_payment_date date,
    dispute_reason        text,
    new_contact_info      jsonb,
    escalation_needed     boolean not null default false,
    retry_date            date,
    created_at            timestamptz not null,
    primary key (tenant_id, disposition_id),
    foreign key (tenant_id, conversation_id) references conversations
);

create table approvals (
    tenant_id       text not null,
    approval_id     uuid not null,
    conversation_id uuid not null,
    proposal        jsonb not null,
    status          text not null check (status in ('pending', 'approved', 'edited', 'rejected', 'expired')),
    requested_at    timestamptz not null,
    expires_at      timestamptz not null,
    decided_at      timestamptz,
    decided_by      text,
    reason          text,
    primary key (tenant_id, approval_id),
    foreign key (tenant_id, conversation_id) references conversations
);
create index approvals_pending on approvals (tenant_id, status, expires_at);

create table outbox (
    tenant_id     text not null,
    outbox_id     bigint generated always as identity,
    topic         text not null,
    dedupe_key    text not null, -- the same effect is enqueued at most once
    payload       jsonb not null,
    created_at    timestamptz not null,
    available_at  timestamptz not null,
    attempts      integer not null default 0,
    dispatched_at timestamptz,
    last_error    text,
    primary key (tenant_id, outbox_id),
    unique (tenant_id, topic, dedupe_key)
);
create index outbox_pending on outbox (available_at) where dispatched_at is null;

create table audit_log (
    tenant_id      text not null,
    audit_id       bigint generated always as identity,
    occurred_at    timestamptz not null,
    actor          text not null,   -- who or what decided: 'cli:import', 'policy-engine', 'slack:U123'
    action         text not null,   -- 'import.applied', 'offer.accepted', ...
    subject        text not null,   -- what it is about: an import, a conversation, an invoice
    detail         jsonb not null,
    policy_version text,
    primary key (tenant_id, audit_id)
);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only
    before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();
