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
 * facts. An email reads as an AR manager writes one — greeting by name, why we write and the one thing we ask, the
 * invoices as a short list with the account's open balance, the offer, then the reason (a consequence that holds for
 * the account), how to pay and whom to call, the signature, the disclosures; texts and calls get one short message.
 */
public final class TemplateDrafter implements Drafter {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final int LISTED = 5;
    /** Two concatenated SMS segments of the GSM alphabet: 2 × 153 characters. */
    static final int TWO_SEGMENTS = 306;
    /** Strategies whose emails may state a consequence: they ask for money on a balance past due. */
    private static final Set<Strategy> IMPLICATION = EnumSet.of(
            Strategy.REMINDER,
            Strategy.OFFER_OPTIONS,
            Strategy.COUNTER_OFFER,
            Strategy.ASK_DATE,
            Strategy.FOLLOW_UP,
            Strategy.PROMISE_BROKEN,
            Strategy.ACKNOWLEDGE);
    /** Strategies whose emails list the invoices and the account's open balance: those, and confirmations. */
    private static final Set<Strategy> BALANCE = with(IMPLICATION, Strategy.CONFIRM_PROMISE, Strategy.CONFIRM_PLAN);
    /** Strategies whose emails say how to pay and whom to call: those, and answers. */
    private static final Set<Strategy> PAYING = with(BALANCE, Strategy.ANSWER, Strategy.PAYMENT_INFO);

    private static Set<Strategy> with(Set<Strategy> base, Strategy... more) {
        EnumSet<Strategy> out = EnumSet.copyOf(base);
        out.addAll(List.of(more));
        return out;
    }

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
        String key = key(r);
        if (r.channel() != Channel.EMAIL) {
            String text = templates
                    .find(key, tone, channel)
                    .or(() -> templates.find(key, tone, "sms"))
                    .orElseThrow(() -> new IllegalStateException("no " + channel + " template for " + key));
            String pay = r.payNow()
                    .map(p -> " " + Templates.fill(get(payLine(r), tone, channel), v))
                    .orElse("");
            String said = Templates.fill(text, v).replaceAll("(\\w) ([.,!?])", "$1$2");
            if (r.channel() == Channel.VOICE && said.startsWith(r.company() + ": ")) {
                // on a call the agent already said whom it calls from: the text's "Company:" prefix is not spoken
                said = said.substring(r.company().length() + 2);
                said = said.isEmpty() ? said : Character.toUpperCase(said.charAt(0)) + said.substring(1);
            }
            String filled = withDisclosures(said + pay, r, " ");
            if (filled.length() > TWO_SEGMENTS) {
                // beyond two SMS segments: the shorter wording, where there is one
                filled = templates
                        .find(key + ".short", tone, channel)
                        .map(t -> withDisclosures(Templates.fill(t, v) + pay, r, " "))
                        .filter(t -> t.length() < TWO_SEGMENTS)
                        .orElse(filled);
            }
            return new Draft(filled, "template");
        }
        boolean listFirst =
                r.strategy() == Strategy.REMINDER || r.strategy() == Strategy.FOLLOW_UP || key.equals("opening_offer");
        List<String> parts = new ArrayList<>();
        parts.add(Templates.fill(get(r.greetingName().isBlank() ? "greeting.noname" : "greeting", tone, channel), v));
        parts.add(Templates.fill(get(key + ".problem", tone, channel), v));
        String block = BALANCE.contains(r.strategy()) ? Templates.fill(get("balance_block", tone, channel), v) : "";
        if (listFirst && !block.isEmpty()) {
            parts.add(block);
        }
        parts.add(Templates.fill(get(key + ".need", tone, channel), v));
        if (!listFirst && !block.isEmpty()) {
            parts.add(block);
        }
        if (IMPLICATION.contains(r.strategy()) && !r.consequences().isEmpty()) {
            parts.add(String.join(" ", r.consequences())); // the reason comes after the offer, never inside it
        }
        if (r.payNow().isPresent()) {
            parts.add(Templates.fill(get(payLine(r), tone, channel), v));
        }
        if (PAYING.contains(r.strategy())) {
            parts.add(Templates.fill(get("contact_line", tone, channel), v).strip());
        }
        String signature = Templates.fill(get("signature", tone, channel), v);
        // a mailbox named as its company ("Accounts Receivable" for "Accounts Receivable") signs once, not twice
        String twice = r.senderName() + "\n" + r.company();
        parts.add(
                r.senderName().strip().equalsIgnoreCase(r.company().strip()) && signature.endsWith(twice)
                        ? signature.substring(
                                0, signature.length() - r.company().length() - 1)
                        : signature);
        return new Draft(withDisclosures(String.join("\n\n", parts), r, "\n\n"), "template");
    }

    /** The pay-now line: pay now, or — for an agreed promise or plan — its first payment. */
    private static String payLine(DraftRequest r) {
        return r.strategy() == Strategy.CONFIRM_PLAN || r.strategy() == Strategy.CONFIRM_PROMISE
                ? "pay_line_agreed"
                : "pay_line";
    }

    /** The template key: a first message that offers a plan has its own words (there is no reply to thank for). */
    private static String key(DraftRequest r) {
        if (r.debtorText().isEmpty() && r.strategy() == Strategy.OFFER_OPTIONS) {
            return "opening_offer";
        }
        if (r.debtorText().isEmpty() && r.strategy() == Strategy.PAYMENT_FOUND) {
            return "payment_thanks"; // the scheduled step found the account paid: thank them, do not answer anyone
        }
        if (r.strategy() == Strategy.PAYMENT_FOUND && r.balance().isZero()) {
            return "payment_settled"; // they said it is paid, and nothing is open any more
        }
        if (r.debtorText().isEmpty() && r.strategy() == Strategy.COUNTER_OFFER) {
            return "reviewed_offer"; // after a person's review: nobody proposed anything just now
        }
        return r.strategy().code();
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
        v.put("name_sp", r.greetingName().isBlank() ? "" : " " + r.greetingName());
        // "thanks, Dana." (a name addressed after a word of thanks takes a comma)
        v.put("name_comma", r.greetingName().isBlank() ? "" : ", " + r.greetingName());
        v.put("invoice_lines", invoiceLines(r));
        v.put("invoice_short", invoiceShort(r));
        v.put("invoice_short_cap", capitalized(invoiceShort(r)));
        v.put("is_are", r.invoices().size() == 1 ? "is" : "are");
        // what falls due first, by itself: "invoice X is due today" must not name one due next week beside it
        LocalDate firstDue = r.invoices().stream()
                .map(DraftRequest.InvoiceLine::due)
                .min(LocalDate::compareTo)
                .orElse(r.today());
        List<DraftRequest.InvoiceLine> dueFirst =
                r.invoices().stream().filter(i -> i.due().equals(firstDue)).toList();
        v.put("due_first_short", invoiceShort(dueFirst));
        v.put("due_first_short_cap", capitalized(invoiceShort(dueFirst)));
        v.put("due_first_is_are", dueFirst.size() == 1 ? "is" : "are");
        long oldest = r.invoices().stream()
                .mapToLong(DraftRequest.InvoiceLine::daysPastDue)
                .max()
                .orElse(0);
        long pastDue = r.invoices().stream().filter(i -> i.daysPastDue() > 0).count();
        v.put(
                "late",
                r.invoices().size() == 1
                        ? "is now " + oldest + " days past due"
                        : pastDue == r.invoices().size()
                                ? "are past due, the oldest by " + oldest + " days"
                                : "are open, " + pastDue + " of them past due, the oldest by " + oldest + " days");
        v.put("call_clause", r.phone().isBlank() ? "" : " or call us on " + r.phone());
        v.put("call_sms", r.phone().isBlank() ? "" : ", or call " + r.phone());
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
        v.put(
                "options_block",
                r.options().isEmpty()
                        ? ""
                        : "If paying the whole balance at once is difficult, we can offer:\n"
                                + options(r.options(), true) + "\n");
        v.put("terms", r.terms().map(t -> lines(t)).orElse(""));
        v.put("terms_short", r.terms().map(TemplateDrafter::shortTerms).orElse(""));
        v.put("terms_brief", r.terms().map(TemplateDrafter::briefTerms).orElse(""));
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
        v.put("pay_url", r.payNow().map(DraftRequest.PayNow::url).orElse(""));
        v.put("pay_amount", r.payNow().map(p -> p.amount().format()).orElse(""));
        return v;
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** The invoices as a short list, oldest due first: number, open amount, due date, how late. */
    private static String invoiceLines(DraftRequest r) {
        List<String> items = new ArrayList<>();
        for (DraftRequest.InvoiceLine i : r.invoices()) {
            if (items.size() == LISTED && r.invoices().size() > LISTED + 1) {
                items.add("- and " + (r.invoices().size() - LISTED) + " more invoices");
                break;
            }
            String late = i.daysPastDue() > 0
                    ? " (" + i.daysPastDue() + (i.daysPastDue() == 1 ? " day" : " days") + " past due)"
                    : "";
            items.add("- Invoice " + i.number() + ": " + i.open().format() + " open, due " + date(i.due()) + late);
        }
        return String.join("\n", items);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "invoice INV-1", "invoices INV-1 and INV-2", "invoices INV-1, INV-2 and INV-3", "5 invoices". */
    private static String invoiceShort(DraftRequest r) {
        return invoiceShort(r.invoices());
    }

    private static String invoiceShort(List<DraftRequest.InvoiceLine> invoices) {
        List<String> numbers =
                invoices.stream().map(DraftRequest.InvoiceLine::number).toList();
        return switch (numbers.size()) {
            case 0 -> "the account";
            case 1 -> "invoice " + numbers.getFirst();
            case 2 -> "invoices " + numbers.get(0) + " and " + numbers.get(1);
            case 3 -> "invoices " + numbers.get(0) + ", " + numbers.get(1) + " and " + numbers.get(2);
            default -> numbers.size() + " invoices";
        };
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
            if (!long_) {
                out.add(shortOption(t));
                continue;
            }
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
        return long_ ? String.join("\n", out) : String.join(", or ", out);
    }

    /** An option in a text: "$4,222.60 by January 10, 2026" or "3 payments starting $1,055.65 on January 12, 2026". */
    private static String shortOption(Terms t) {
        Installment first = t.installments().getFirst();
        if (!t.isPlan()) {
            return first.amount().format() + " by " + date(first.due())
                    + (t.discountPercent() > 0 ? " (" + t.discountPercent() + "% off for paying at once)" : "");
        }
        return t.installments().size() + " payments starting " + first.amount().format() + " on " + date(first.due());
    }

    /** Terms in one short clause: "4 payments from $1,000.00 on December 15, 2026 to March 15, 2027". */
    private static String briefTerms(Terms t) {
        if (!t.isPlan()) {
            return shortOption(t);
        }
        Installment first = t.installments().getFirst();
        return t.installments().size() + " payments, the first "
                + first.amount().format() + " on " + date(first.due()) + ", the last on " + date(t.lastDue());
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
