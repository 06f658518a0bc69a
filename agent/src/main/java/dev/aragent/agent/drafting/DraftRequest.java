package dev.aragent.agent.drafting;

import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a reply may say, and nothing more: the strategy the playbook chose, the channel and cadence step, whom
 * it addresses, the account's situation, the decided terms or offers, a payment found or a dispute logged, when we
 * will look again, the consequences that hold for the account, the disclosures, how to pay and the number to call
 * (blank: none), the retrieved context with citations, and the pay-now link when one was made. {@code balance} is always the account's whole open balance
 * ({@link dev.aragent.agent.ledger.Standing}); {@code invoices} are those the message is about. The
 * guardrails allow in a draft only the amounts, dates and invoice numbers found here.
 */
public record DraftRequest(
        Strategy strategy,
        Channel channel,
        CadenceStep step,
        String greetingName,
        String customerName,
        String company,
        String senderName,
        Money balance,
        List<InvoiceLine> invoices,
        Optional<Terms> terms,
        List<Terms> options,
        Optional<PaymentSeen> payment,
        Optional<DisputeNote> dispute,
        Optional<LocalDate> followUpOn,
        List<String> consequences,
        List<String> disclosures,
        String paymentInstructions,
        String phone,
        List<Passage> citations,
        Optional<String> debtorText,
        LocalDate today,
        Optional<PayNow> payNow) {

    /** One open invoice as a reply may cite it. */
    public record InvoiceLine(
            String number,
            Optional<String> po,
            LocalDate issued,
            LocalDate due,
            Money amount,
            Money open,
            long daysPastDue) {
        /** An invoice as it stands on {@code today}. */
        public static InvoiceLine of(dev.aragent.agent.ledger.Invoice i, LocalDate today) {
            return new InvoiceLine(
                    i.number(),
                    i.poNumber(),
                    i.issueDate(),
                    i.dueDate(),
                    i.amount(),
                    i.openBalance(),
                    i.daysPastDue(today));
        }
    }

    /**
     * A pay-now link the message carries: where the debtor pays, exactly how much, for which invoices. The card is
     * taken on the processor's page, never in a message or on a call.
     */
    public record PayNow(String url, Money amount, List<String> invoices) {
        public PayNow {
            invoices = List.copyOf(invoices);
        }
    }

    /** This request carrying {@code link}. */
    public DraftRequest withPayNow(PayNow link) {
        return new DraftRequest(
                strategy,
                channel,
                step,
                greetingName,
                customerName,
                company,
                senderName,
                balance,
                invoices,
                terms,
                options,
                payment,
                dispute,
                followUpOn,
                consequences,
                disclosures,
                paymentInstructions,
                phone,
                citations,
                debtorText,
                today,
                Optional.of(link));
    }

    /** A payment found in the books. */
    public record PaymentSeen(String reference, LocalDate receivedOn, Money amount) {}

    /** A dispute as logged: which invoice, how much is disputed, the debtor's stated issue (reason code). */
    public record DisputeNote(String invoiceNumber, Money amount, String reason) {}

    public DraftRequest {
        Objects.requireNonNull(strategy, "strategy");
        invoices = List.copyOf(invoices);
        options = List.copyOf(options);
        consequences = List.copyOf(consequences);
        disclosures = List.copyOf(disclosures);
        citations = List.copyOf(citations);
    }

    /** Every amount the reply may state: balances, invoice amounts, terms, offers, the payment, the dispute. */
    public Set<Money> allowedAmounts() {
        Set<Money> out = new LinkedHashSet<>();
        out.add(balance);
        for (InvoiceLine i : invoices) {
            out.add(i.amount());
            out.add(i.open());
        }
        List<Terms> all = new ArrayList<>(options);
        terms.ifPresent(all::add);
        for (Terms t : all) {
            out.add(t.balance());
            out.add(t.due());
            out.add(t.balance().minus(t.due()));
            t.installments().forEach(x -> out.add(x.amount()));
        }
        payment.ifPresent(p -> out.add(p.amount()));
        dispute.ifPresent(d -> out.add(d.amount()));
        payNow.ifPresent(p -> out.add(p.amount()));
        return out;
    }

    /** Every date the reply may state: today, invoice dates, terms and offer dates, the payment, the follow-up. */
    public Set<LocalDate> allowedDates() {
        Set<LocalDate> out = new LinkedHashSet<>();
        out.add(today);
        for (InvoiceLine i : invoices) {
            out.add(i.issued());
            out.add(i.due());
        }
        List<Terms> all = new ArrayList<>(options);
        terms.ifPresent(all::add);
        all.forEach(t -> t.installments().forEach(x -> out.add(x.due())));
        payment.ifPresent(p -> out.add(p.receivedOn()));
        followUpOn.ifPresent(out::add);
        citations.forEach(p -> out.add(p.date()));
        return out;
    }

    /** The invoice numbers the reply may name. */
    public Set<String> allowedInvoiceNumbers() {
        Set<String> out = new LinkedHashSet<>();
        invoices.forEach(i -> out.add(i.number()));
        dispute.ifPresent(d -> out.add(d.invoiceNumber()));
        return out;
    }

    /**
     * Text a reply may quote with its figures: the configured consequences, disclosures and payment instructions, and
     * the passages retrieved from this account's own records.
     */
    public String sourceText() {
        List<String> parts = new ArrayList<>(consequences);
        parts.addAll(disclosures);
        parts.add(paymentInstructions);
        payNow.ifPresent(p -> parts.add(p.url()));
        parts.add(phone);
        citations.forEach(p -> parts.add(p.snippet() + " " + p.date()));
        return String.join("\n", parts);
    }
}
