-- Lookups by conversation that read whole tables, found when the simulator (issue 9) ran a quarter of a 2,400-account
-- book: every turn reads its conversation's latest disposition, promises and disputes, and these tables grow with
-- every turn. Without these indexes a turn's cost grew with the history of the whole tenant.
create index dispositions_conversation on dispositions (tenant_id, conversation_id, created_at);
create index promises_conversation on promises (tenant_id, conversation_id);
create index disputes_conversation on disputes (tenant_id, conversation_id);
create index approvals_conversation on approvals (tenant_id, conversation_id);
