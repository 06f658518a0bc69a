-- A call's voice stream opens once: the first WebSocket for a call we placed marks it; a replayed upgrade finds it
-- marked and gets no session.
alter table calls add column stream_opened_at timestamptz;
