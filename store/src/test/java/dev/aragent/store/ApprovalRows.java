package dev.aragent.store;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.ledger.TenantId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rows a turn's approval request finds or writes (TurnRows), written as the tables' owner. */
final class ApprovalRows {
    private ApprovalRows() {}

    /** Keeps {@code a} (pending) in {@code tenant}, with its tenant, customer and conversation rows. */
    static void requested(Database db, TenantId tenant, Approval a) {
        if (a.status() != Approval.Status.PENDING) {
            throw new IllegalArgumentException("an approval is requested pending: " + a.status());
        }
        OffsetDateTime at = a.requestedAt().atOffset(ZoneOffset.UTC);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("debtor_text", a.debtorText().orElse(null));
        context.put("citations", a.citations());
        context.put("debtors_own", a.debtorsOwn());
        context.put("debtor_words", a.debtorWords());
        db.jdbi().useTransaction(h -> {
            h.createUpdate(
                            "insert into tenants (tenant_id, name, created_at) values (:t, :t, :at) on conflict do nothing")
                    .bind("t", tenant.value())
                    .bind("at", at)
                    .execute();
            h.createUpdate("""
                            insert into customers (tenant_id, customer_key, name, created_at, updated_at)
                            values (:t, :k, :name, :at, :at) on conflict do nothing""")
                    .bind("t", tenant.value())
                    .bind("k", a.customer().value())
                    .bind("name", a.customerName())
                    .bind("at", at)
                    .execute();
            h.createUpdate("""
                            insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, reply_token,
                                                       opened_at, updated_at)
                            values (:t, :c, :k, :channel, 'open', :token, :at, :at) on conflict do nothing""")
                    .bind("t", tenant.value())
                    .bind("c", a.conversation().value())
                    .bind("k", a.customer().value())
                    .bind("channel", a.channel().code())
                    .bind("token", "tok-" + a.conversation())
                    .bind("at", at)
                    .execute();
            h.createUpdate("""
                            insert into approvals (tenant_id, approval_id, conversation_id, proposal, status, requested_at,
                                expires_at, approver, fallback, reasons, context)
                            values (:t, :id, :c, cast(:proposal as jsonb), 'pending', :at, :expires, :approver,
                                cast(:fallback as jsonb), :reasons, cast(:context as jsonb))""")
                    .bind("t", tenant.value())
                    .bind("id", a.id())
                    .bind("c", a.conversation().value())
                    .bind("proposal", Json.object(TurnRows.terms(a.proposed())))
                    .bind("at", at)
                    .bind("expires", at.plus(TurnRows.APPROVAL_EXPIRY))
                    .bind("approver", a.approver())
                    .bind(
                            "fallback",
                            a.fallback().map(TurnRows::terms).map(Json::object).orElse(null))
                    .bind("reasons", a.reasons().toArray(String[]::new))
                    .bind("context", Json.object(context))
                    .execute();
        });
    }
}
