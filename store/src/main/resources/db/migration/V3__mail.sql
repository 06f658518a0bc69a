-- Mail: what threading, loop prevention and restarts need.

alter table messages
    add column kind         text check (kind in ('personal', 'auto_reply', 'bounce')),
    add column in_reply_to  text,
    add column refs         text[] not null default '{}',
    add column new_text     text,
    add column attempts     integer not null default 0,
    add column seq          bigint generated always as identity; -- arrival order, for threads whose clock ties

alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
    check (status in ('received', 'processed', 'triage', 'quarantined', 'queued', 'sent', 'delivered', 'failed'));

-- the IMAP position of each mailbox, so a restart resumes where it stopped and a UIDVALIDITY change is noticed
create table mailbox_state (
    tenant_id     text not null references tenants,
    mailbox       text not null,
    uid_validity  bigint not null,
    last_uid      bigint not null,
    updated_at    timestamptz not null,
    primary key (tenant_id, mailbox)
);

alter table contacts add column email_undeliverable boolean not null default false;

create table tasks (
    tenant_id    text not null references tenants,
    task_id      uuid not null,
    customer_key text,
    kind         text not null check (kind in ('find_contact', 'review_triage')),
    detail       text not null,
    status       text not null check (status in ('open', 'done')),
    created_at   timestamptz not null,
    primary key (tenant_id, task_id)
);
