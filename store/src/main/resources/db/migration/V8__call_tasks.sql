-- Calls a conversation asked for (call_debtor tasks) are placed by the service: attempts, the call in flight, the
-- next attempt after a voicemail or no answer; a task nobody could be reached for goes back to a person.

alter table tasks
    add column attempts        int not null default 0,
    add column last_attempt_at timestamptz,
    add column call_sid        text,
    add column next_attempt_at timestamptz;

alter table tasks drop constraint tasks_status_check;
alter table tasks add constraint tasks_status_check check (status in ('open', 'done', 'for_a_person'));

create index tasks_calls_due on tasks (tenant_id, next_attempt_at) where kind = 'call_debtor' and status = 'open';

alter table notices drop constraint notices_kind_check;
alter table notices add constraint notices_kind_check
    check (kind in ('dispute_opened', 'promise_broken_twice', 'likely_write_offs', 'approval_expired', 'approval_stale',
                    'call_transfer', 'call_unanswered'));

-- turn timings: how long the agent took to answer (the debtor's final words in → its answer ready)
alter table call_lines add column took_ms int;
