package dev.aragent.prompts;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.spi.Drafter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default drafter: templates per strategy, tone (the cadence step) and channel, filled only with the decision's
 * facts. Emails follow SPIN — Situation, Problem, Implication, Need-payoff; SMS and voice get one short message.
 */
public final class TemplateDrafter implements Drafter {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final Set<Strategy> IMPLICATION = EnumSet.of(
            Strategy.REMINDER,
            Strategy.OFFER_OPTIONS,
            Strategy.COUNTER_OFFER,
            Strategy.ASK_DATE,
            Strategy.FOLLOW_UP,
            Strategy.PROMISE_BROKEN,
            Strategy.ACKNOWLEDGE);

    private final Templates templates;

    private TemplateDrafter(Templates templates) {
        this.templates = templates;
    }

    public static TemplateDrafter create() {
        return new TemplateDrafter(Templates.load("templates.txt"));
    }

    @Override
    public Draft draft(DraftRequest r) {
        Map<String, String> v = values(r);
        String tone = r.step().tone();
        String channel = r.channel().code();
        String key = r.strategy().code();
        if (r.channel() != Channel.EMAIL) {
            String text = templates
                    .find(key, tone, channel)
                    .or(() -> templates.find(key, tone, "sms"))
                    .orElseThrow(() -> new IllegalStateException("no " + channel + " template for " + key));
            String filled = Templates.fill(text, v).replaceAll("(\\w) ([.,!?])", "$1$2"); // "thanks ." without a name
            return new Draft(withDisclosures(filled, r, " "), "template");
        }
        List<String> parts = new ArrayList<>();
        parts.add(Templates.fill(get(r.greetingName().isBlank() ? "greeting.noname" : "greeting", tone, channel), v));
        parts.add(Templates.fill(get("situation", tone, channel) + " " + get(key + ".problem", tone, channel), v));
        boolean pastDue = r.invoices().stream().anyMatch(i -> i.daysPastDue() > 0);
        if (IMPLICATION.contains(r.strategy()) && pastDue && !r.consequences().isEmpty()) {
            parts.add(String.join(" ", r.consequences()));
        }
        parts.add(Templates.fill(get(key + ".need", tone, channel), v));
        parts.add(Templates.fill(get("signature", tone, channel), v));
        return new Draft(withDisclosures(String.join("\n\n", parts), r, "\n\n"), "template");
    }

    private String get(String key, String tone, String channel) {
        return templates
                .find(key, tone, channel)
                .orElseThrow(() -> new IllegalStateException("no template '" + key + "'"));
    }

    private static String withDisclosures(String text, DraftRequest r, String separator) {
        return r.disclosures().isEmpty() ? text : text + separator + String.join(separator, r.disclosures());
    }

    private static Map<String, String> values(DraftRequest r) {
        Map<String, String> v = new HashMap<>();
        v.put("name", r.greetingName());
        v.put("customer", r.customerName());
        v.put("company", r.company());
        v.put("sender", r.senderName());
        v.put("balance", r.balance().format());
        v.put("invoice_list", invoiceList(r, 4));
        v.put("invoice_short", invoiceShort(r));
        v.put("invoice_details", invoiceDetails(r));
        v.put(
                "first_due",
                r.invoices().stream()
                        .map(DraftRequest.InvoiceLine::due)
                        .min(LocalDate::compareTo)
                        .map(TemplateDrafter::date)
                        .orElse(date(r.today())));
        v.put(
                "days",
                String.valueOf(r.invoices().stream()
                        .mapToLong(DraftRequest.InvoiceLine::daysPastDue)
                        .max()
                        .orElse(0)));
        v.put("options", options(r.options(), true));
        v.put("options_short", options(r.options(), false));
        v.put("terms", r.terms().map(t -> lines(t)).orElse(""));
        v.put("terms_short", r.terms().map(TemplateDrafter::shortTerms).orElse(""));
        v.put(
                "first_amount",
                r.terms()
                        .map(t -> t.installments().getFirst().amount().format())
                        .orElse(r.balance().format()));
        v.put("first_date", r.terms().map(t -> date(t.firstDue())).orElse(""));
        v.put(
                "payment_ref",
                r.payment().map(DraftRequest.PaymentSeen::reference).orElse(""));
        v.put("payment_amount", r.payment().map(p -> p.amount().format()).orElse(""));
        v.put("payment_date", r.payment().map(p -> date(p.receivedOn())).orElse(""));
        v.put("follow_up", r.followUpOn().map(TemplateDrafter::date).orElse(""));
        v.put(
                "dispute_invoice",
                r.dispute().map(DraftRequest.DisputeNote::invoiceNumber).orElse(""));
        v.put("dispute_reason", r.dispute().map(d -> reasonWords(d.reason())).orElse(""));
        v.put("instructions", r.paymentInstructions());
        return v;
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    private static String invoiceList(DraftRequest r, int max) {
        List<String> items = new ArrayList<>();
        for (DraftRequest.InvoiceLine i : r.invoices()) {
            if (items.size() == max) {
                items.add("and " + (r.invoices().size() - max) + " more");
                break;
            }
            items.add("invoice " + i.number() + " (due " + date(i.due()) + ", "
                    + i.open().format() + " open)");
        }
        return items.isEmpty() ? "your account" : String.join("; ", items);
    }

    private static String invoiceShort(DraftRequest r) {
        List<String> numbers =
                r.invoices().stream().map(DraftRequest.InvoiceLine::number).toList();
        return numbers.size() <= 3 ? "invoice " + String.join(", ", numbers) : numbers.size() + " invoices";
    }

    private static String invoiceDetails(DraftRequest r) {
        List<String> out = new ArrayList<>();
        for (DraftRequest.InvoiceLine i : r.invoices()) {
            out.add("- Invoice " + i.number()
                    + i.po().map(p -> " (PO " + p + ")").orElse("") + ": issued "
                    + date(i.issued()) + ", due " + date(i.due()) + ", "
                    + i.amount().format() + ", "
                    + i.open().format() + " open");
        }
        out.add("Total open: " + r.balance().format());
        return String.join("\n", out);
    }

    private static String options(List<Terms> options, boolean long_) {
        List<String> out = new ArrayList<>();
        int n = 1;
        for (Terms t : options) {
            String text;
            if (!t.isPlan()) {
                Installment only = t.installments().getFirst();
                text = t.discountPercent() > 0
                        ? "Pay " + only.amount().format() + " (the "
                                + t.balance().format() + " balance less a " + t.discountPercent()
                                + "% discount for paying at once) by " + date(only.due())
                        : "Pay the " + only.amount().format() + " balance by " + date(only.due());
            } else {
                text = "A plan of " + t.installments().size() + " payments: " + shortTerms(t);
            }
            out.add(long_ ? n++ + ". " + text + "." : text);
        }
        return long_ ? String.join("\n", out) : String.join("; or ", out);
    }

    private static String lines(Terms t) {
        List<String> out = new ArrayList<>();
        for (Installment i : t.installments()) {
            out.add("- " + i.amount().format() + " by " + date(i.due()));
        }
        return String.join("\n", out);
    }

    private static String shortTerms(Terms t) {
        List<String> out = new ArrayList<>();
        for (Installment i : t.installments()) {
            out.add(i.amount().format() + " by " + date(i.due()));
        }
        return String.join(", ", out);
    }

    /** "damaged_goods: half the pallets …" → "damaged goods". */
    private static String reasonWords(String reason) {
        int colon = reason.indexOf(':');
        String code = colon > 0 ? reason.substring(0, colon) : reason;
        return code.startsWith("unspecified") ? "as you described it" : code.replace('_', ' ');
    }
}
