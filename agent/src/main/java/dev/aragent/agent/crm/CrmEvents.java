package dev.aragent.agent.crm;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.Disposition;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CRM must learn of one written turn: always its disposition (the six fields, with the stage and what the
 * agent did), and each promise, dispute and contact change it recorded. Pure: the store calls it inside the turn's
 * transaction, so the events commit with the turn or not at all.
 */
public final class CrmEvents {
    private CrmEvents() {}

    /** Who the events are about and where they came from; {@code key} makes the events' ids unique (the disposition's id). */
    public record Subject(
            CustomerKey customer,
            String customerName,
            Optional<String> contactEmail,
            Optional<ConversationId> conversation,
            String key,
            Instant at) {}

    public static List<CrmEvent> of(Subject s, TurnRecord r) {
        List<CrmEvent> out = new ArrayList<>();
        Disposition d = r.turn().disposition();
        Map<String, String> p = fields(d);
        p.put("stage", r.turn().stage().code());
        p.put("action", r.strategy().map(Strategy::code).orElse("none"));
        List<String> tasks = new ArrayList<>();
        for (Effect e : r.turn().effects()) {
            if (e instanceof Effect.Task t) {
                tasks.add(t.kind().code() + ": " + t.detail());
            }
        }
        out.add(event(
                s,
                "disposition",
                CrmEvent.Kind.DISPOSITION,
                p,
                "Collections: " + d.paymentStatus().code().replace('_', ' ')
                        + d.expectedPaymentDate().map(x -> ", expected " + x).orElse("")
                        + r.strategy()
                                .map(x -> " (agent: " + x.code().replace('_', ' ') + ")")
                                .orElse(""),
                tasks));
        int n = 0;
        for (Effect e : r.turn().effects()) {
            n++;
            switch (e) {
                case Effect.RecordPromises rp ->
                    out.add(event(
                            s,
                            "promise",
                            CrmEvent.Kind.PROMISE,
                            promise(rp.terms()),
                            "Promise to pay: " + rp.terms().describe(),
                            List.of()));
                case Effect.OpenDispute od -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("invoice", od.invoiceNumber());
                    m.put("amount", od.amount().format());
                    m.put("reason", od.reason());
                    out.add(event(
                            s,
                            "dispute-" + n,
                            CrmEvent.Kind.DISPUTE,
                            m,
                            "Dispute opened on " + od.invoiceNumber() + ": " + od.reason(),
                            List.of("billing_dispute: review " + od.invoiceNumber())));
                }
                case Effect.CaptureContact cc -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("email", cc.change().email().orElse(""));
                    m.put("phone", cc.change().phone().orElse(""));
                    m.put("name", cc.change().name().orElse(""));
                    out.add(event(
                            s,
                            "contact-" + n,
                            CrmEvent.Kind.CONTACT_CHANGE,
                            m,
                            "New contact given by the debtor: " + contact(cc.change()),
                            List.of()));
                }
                case Effect.OptOut o -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("opted_out", o.address());
                    out.add(event(
                            s,
                            "optout-" + n,
                            CrmEvent.Kind.CONTACT_CHANGE,
                            m,
                            "Opted out of collections messages: " + o.address(),
                            List.of()));
                }
                default -> {}
            }
        }
        return out;
    }

    /** An approval decided by a person, for the CRM's timeline. */
    /** An approval decided or lapsed: its status, who, and the note given (or that terms were agreed). */
    public static CrmEvent approval(Subject s, Approval.Resolution res) {
        return approval(
                s,
                res.status().code(),
                res.by(),
                res.note().orElse(res.agreed().map(x -> "terms agreed").orElse("")));
    }

    /** A phone's consent to texts changed by a keyword (STOP, START) the debtor sent. */
    public static CrmEvent consent(Subject s, String phone, boolean out, String keyword) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("phone", phone);
        p.put("sms_opt_out", Boolean.toString(out));
        p.put("keyword", keyword);
        return event(
                s,
                "consent",
                CrmEvent.Kind.CONTACT_CHANGE,
                p,
                (out ? "Opted out of texts (" : "Opted in to texts again (") + keyword + "): " + phone,
                List.of());
    }

    public static CrmEvent approval(Subject s, String status, String by, String detail) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("by", by);
        return event(
                s,
                "approval",
                CrmEvent.Kind.APPROVAL,
                m,
                "Approval " + status + " by " + by + ": " + detail,
                List.of());
    }

    /**
     * A task a person closed: the disposition it became (the account's payment status, by the person) or, for a task
     * done or skipped, that it was; with the person's note.
     */
    public static CrmEvent task(Subject s, PersonTask task, Closing c) {
        String note = c.note().isEmpty() ? "" : ": " + c.note();
        return c.disposition()
                .map(d -> {
                    Map<String, String> p = fields(d);
                    p.put("action", "person:" + task.kind());
                    p.put("by", c.by());
                    return event(
                            s,
                            "disposition",
                            CrmEvent.Kind.DISPOSITION,
                            p,
                            "Collections (" + c.by() + ", " + task.kindInWords() + "): "
                                    + c.outcome().label().toLowerCase(java.util.Locale.ROOT)
                                    + c.on().map(on -> " on " + on).orElse("") + note,
                            List.of());
                })
                .orElseGet(() -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("task", task.kind());
                    p.put("status", c.status());
                    p.put("by", c.by());
                    return event(
                            s,
                            "task",
                            CrmEvent.Kind.TASK,
                            p,
                            "Task " + c.status() + " by " + c.by() + " (" + task.kindInWords() + "): " + task.detail()
                                    + note,
                            List.of());
                });
    }

    /** A disposition's six fields, as the CRM gets every disposition (the agent's and a person's). */
    private static Map<String, String> fields(Disposition d) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("payment_status", d.paymentStatus().code());
        p.put(
                "expected_payment_date",
                d.expectedPaymentDate().map(Object::toString).orElse(""));
        p.put("dispute_reason", d.disputeReason().orElse(""));
        p.put("new_contact_info", d.newContactInfo().map(CrmEvents::contact).orElse(""));
        p.put("escalation_needed", Boolean.toString(d.escalationNeeded()));
        p.put("retry_date", d.retryDate().map(Object::toString).orElse(""));
        return p;
    }

    private static CrmEvent event(
            Subject s, String suffix, CrmEvent.Kind kind, Map<String, String> p, String note, List<String> tasks) {
        return new CrmEvent(
                s.key() + ":" + suffix,
                kind,
                s.customer(),
                s.customerName(),
                s.contactEmail(),
                s.conversation(),
                s.at(),
                p,
                note,
                tasks);
    }

    private static Map<String, String> promise(Terms t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("currency", t.balance().currency().getCurrencyCode());
        m.put("total_minor", Long.toString(t.total().minor()));
        m.put("installments", Integer.toString(t.installments().size()));
        m.put("first_due", t.firstDue().toString());
        m.put("last_due", t.lastDue().toString());
        m.put("discount_percent", Integer.toString(t.discountPercent()));
        return m;
    }

    private static String contact(Disposition.ContactChange c) {
        List<String> parts = new ArrayList<>();
        c.name().ifPresent(parts::add);
        c.email().ifPresent(parts::add);
        c.phone().ifPresent(parts::add);
        return String.join(" ", parts);
    }
}
