package dev.aragent.prompts;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyEngine;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Realistic draft requests for every strategy, for the template and LLM drafter tests. */
final class Requests {
    static final String PHONE = "+1 (555) 010-2200";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 17);
    static final Money BALANCE = Money.of(612_550, "USD");
    static final List<String> CONSEQUENCES = List.of(
            "Under our terms, balances more than 60 days past due may be placed on credit hold, which pauses new orders.",
            "A late fee of 1.5% per month applies to past-due balances.");
    static final List<String> DISCLOSURES = List.of("This message is from Acme Supply Co. about a business account.");
    static final String INSTRUCTIONS =
            "Pay by ACH to account 000123456 (routing 021000021), or by check to Acme Supply Co.,"
                    + " PO Box 100, Springfield.";

    private Requests() {}

    static DraftRequest request(Strategy strategy, Channel channel, CadenceStep step) {
        List<DraftRequest.InvoiceLine> invoices = List.of(
                new DraftRequest.InvoiceLine(
                        "INV-20431",
                        Optional.of("7781"),
                        LocalDate.of(2026, 1, 5),
                        LocalDate.of(2026, 2, 4),
                        Money.of(245_000, "USD"),
                        Money.of(245_000, "USD"),
                        41),
                new DraftRequest.InvoiceLine(
                        "INV-20452",
                        Optional.empty(),
                        LocalDate.of(2026, 1, 20),
                        LocalDate.of(2026, 2, 19),
                        Money.of(400_000, "USD"),
                        Money.of(367_550, "USD"),
                        26));
        List<Terms> options = PolicyEngine.offers(Policy.standard(), BALANCE, TODAY);
        Optional<Terms> terms =
                switch (strategy) {
                    case CONFIRM_PLAN, COUNTER_OFFER -> Optional.of(options.getLast());
                    case CONFIRM_PROMISE, PROMISE_BROKEN -> Optional.of(Terms.single(BALANCE, TODAY.plusDays(3)));
                    default -> Optional.empty();
                };
        return new DraftRequest(
                strategy,
                channel,
                step,
                "Dana",
                "Harbor Foods LLC",
                "Acme Supply Co.",
                "Sam Ortiz",
                BALANCE,
                invoices,
                terms,
                options,
                strategy == Strategy.PAYMENT_FOUND
                        ? Optional.of(
                                new DraftRequest.PaymentSeen("ACH-99120", TODAY.minusDays(4), Money.of(245_000, "USD")))
                        : Optional.empty(),
                strategy == Strategy.DISPUTE_LOGGED
                        ? Optional.of(new DraftRequest.DisputeNote(
                                "INV-20431",
                                Money.of(245_000, "USD"),
                                "damaged_goods: half the pallets arrived broken"))
                        : Optional.empty(),
                strategy == Strategy.ASK_REMITTANCE ? Optional.of(TODAY.plusDays(7)) : Optional.empty(),
                CONSEQUENCES,
                DISCLOSURES,
                INSTRUCTIONS,
                PHONE,
                List.of(),
                Optional.of("We already paid, please check."),
                TODAY);
    }

    /** A queue's first message: no debtor text to answer. */
    static DraftRequest opening(Strategy strategy, Channel channel, CadenceStep step) {
        DraftRequest r = request(strategy, channel, step);
        return copy(r, r.disclosures(), Optional.empty());
    }

    /** {@code r} with other disclosures and debtor text. */
    static DraftRequest copy(DraftRequest r, List<String> disclosures, Optional<String> debtorText) {
        return new DraftRequest(
                r.strategy(),
                r.channel(),
                r.step(),
                r.greetingName(),
                r.customerName(),
                r.company(),
                r.senderName(),
                r.balance(),
                r.invoices(),
                r.terms(),
                r.options(),
                r.payment(),
                r.dispute(),
                r.followUpOn(),
                r.consequences(),
                disclosures,
                r.paymentInstructions(),
                r.phone(),
                r.citations(),
                debtorText,
                r.today());
    }
}
