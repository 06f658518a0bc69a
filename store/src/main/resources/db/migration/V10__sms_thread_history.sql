-- Every SMS conversation keeps its thread row. Before, a newer conversation with the same phone took the row over, and
-- the older one (with its promises and queued texts) could no longer be followed up or sent: the follow-up and
-- dispatch rounds failed on it. A new reminder now continues the live conversation with the phone; ended ones keep
-- their rows as history, and they share the provider's conversation (Twilio keeps one per address pair).
drop index sms_threads_open_phone;
alter table sms_threads drop constraint if exists sms_threads_tenant_id_twilio_sid_key;
create index sms_threads_phone on sms_threads (tenant_id, phone, our_number, created_at);
create index sms_threads_provider on sms_threads (tenant_id, twilio_sid);
