-- Calls: one row per call (Twilio's call SID), its transcript line by line, and how it ended.

create table calls (
    tenant_id       text not null,
    call_sid        text not null,
    conversation_id uuid not null,
    outcome         text,            -- promise_confirmed, transferred, wrong_party, hung_up, ...
    started_at      timestamptz not null,
    ended_at        timestamptz,
    primary key (tenant_id, call_sid),
    foreign key (tenant_id, conversation_id) references conversations
);

create table call_lines (
    tenant_id text not null,
    call_sid  text not null,
    line_no   bigint generated always as identity,
    speaker   text not null check (speaker in ('agent', 'debtor')),
    text      text not null,
    at        timestamptz not null,
    primary key (tenant_id, call_sid, line_no),
    foreign key (tenant_id, call_sid) references calls
);

alter table notices drop constraint notices_kind_check;
alter table notices add constraint notices_kind_check
    check (kind in ('dispute_opened', 'promise_broken_twice', 'likely_write_offs', 'approval_expired', 'approval_stale',
                    'call_transfer'));
