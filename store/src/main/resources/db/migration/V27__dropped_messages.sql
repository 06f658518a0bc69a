-- A reminder or follow-up queued before a payment, settlement or dispute that makes it stale is dropped when it would
-- go out, never sent: the message keeps status 'dropped' and why.
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
    check (status in ('received', 'processed', 'triage', 'quarantined', 'queued', 'sent', 'delivered', 'failed', 'undelivered',
                      'read', 'dropped'));
