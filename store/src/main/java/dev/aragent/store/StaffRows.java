package dev.aragent.store;

import dev.aragent.agent.approval.StaffNotices;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.crm.CrmEvents;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a written turn tells people and systems outside, inside the turn's transaction: CRM events into the outbox,
 * notices for AR staff (a dispute opened, a second broken promise), and the context an approval is shown with.
 */
final class StaffRows {
    private StaffRows() {}

    static CrmEvents.Subject subject(
            Handle h, TenantId t, ConversationId c, CustomerKey customer, String key, OffsetDateTime now) {
        String name = h.createQuery("select name from customers where tenant_id = :t and customer_key = :k")
                .bind("t", t.value())
                .bind("k", customer.value())
                .mapTo(String.class)
                .findOne()
                .orElse(customer.value());
        Optional<String> email = h.createQuery("""
                        select email from contacts where tenant_id = :t and customer_key = :k and email is not null
                        order by (role = 'billing') desc, contact_key limit 1""")
                .bind("t", t.value())
                .bind("k", customer.value())
                .mapTo(String.class)
                .findOne();
        return new CrmEvents.Subject(customer, name, email, Optional.ofNullable(c), key, now.toInstant());
    }

    /** Queues CRM events in the outbox (topic {@code crm}); an event already queued under its id is not queued again. */
    static void crm(Handle h, TenantId t, List<CrmEvent> events, OffsetDateTime now) {
        for (CrmEvent e : events) {
            List<Object> props = new ArrayList<>();
            e.properties().forEach((k, v) -> props.add(List.of(k, v)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("kind", e.kind().code());
            m.put("customer", e.customer().value());
            m.put("customer_name", e.customerName());
            m.put("contact_email", e.contactEmail().orElse(null));
            m.put(
                    "conversation",
                    e.conversation().map(c -> c.value().toString()).orElse(null));
            m.put("at", e.at().toString());
            m.put("properties", props);
            m.put("note", e.note());
            m.put("tasks", e.tasks());
            h.createUpdate("""
                            insert into outbox (tenant_id, topic, dedupe_key, payload, created_at, available_at)
                            values (:t, 'crm', :key, cast(:payload as jsonb), :now, :now)
                            on conflict (tenant_id, topic, dedupe_key) do nothing""")
                    .bind("t", t.value())
                    .bind("key", e.id())
                    .bind("payload", Json.object(m))
                    .bind("now", now)
                    .execute();
        }
    }

    /** Keeps the notices the domain raised for a turn ({@link StaffNotices}), each once by kind and key. */
    static void notices(Handle h, TenantId t, CustomerKey customer, TurnRecord r, OffsetDateTime now) {
        for (StaffNotices.Notice n : StaffNotices.of(customer, r, now.toLocalDate())) {
            notice(h, t, n, now);
        }
    }

    /** Keeps {@code n} unless a notice of its kind and key is kept already. */
    static void notice(Handle h, TenantId t, StaffNotices.Notice n, OffsetDateTime now) {
        notice(h, t, n.kind(), n.key(), n.text(), now);
    }

    static void notice(Handle h, TenantId t, String kind, String key, String text, OffsetDateTime now) {
        h.createUpdate("""
                        insert into notices (tenant_id, kind, dedupe_key, text, created_at) values (:t, :kind, :key, :text, :now)
                        on conflict (tenant_id, kind, dedupe_key) do nothing""")
                .bind("t", t.value())
                .bind("kind", kind)
                .bind("key", key)
                .bind("text", text)
                .bind("now", now)
                .execute();
    }

    /** The debtor's words and the passages cited, shown with an approval. */
    static String context(TurnRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("debtor_text", r.turn().reply().flatMap(q -> q.debtorText()).orElse(null));
        m.put("citations", r.citations().stream().map(Passage::citation).toList());
        m.put(
                "debtors_own",
                r.turn().effects().stream()
                        .noneMatch(e -> e instanceof dev.aragent.agent.conversation.Effect.RequestApproval a
                                && !a.debtorsOwn()));
        return Json.object(m);
    }
}
