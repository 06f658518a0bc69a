-- Consent on record for calls with an AI voice to a contact's phone (prior express consent, as the TCPA asks for calls
-- to mobile numbers with an artificial voice): from the import, or given by the debtor asking us to call.
alter table contacts add column voice_consent boolean not null default false;
