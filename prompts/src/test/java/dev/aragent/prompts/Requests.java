package dev.aragent.prompts;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.spi.DrafterContract;
import java.util.List;
import java.util.Optional;

/** Realistic draft requests for every strategy, for the template drafter tests: the {@link DrafterContract} briefs. */
final class Requests {
    static final List<String> DISCLOSURES = List.of(DrafterContract.DISCLOSURE);

    private Requests() {}

    static DraftRequest request(Strategy strategy, Channel channel, CadenceStep step) {
        return DrafterContract.brief(strategy, channel, step, DISCLOSURES, "We already paid, please check.");
    }

    /** A queue's first message: no debtor text to answer. */
    static DraftRequest opening(Strategy strategy, Channel channel, CadenceStep step) {
        DraftRequest r = request(strategy, channel, step);
        return copy(r, r.disclosures(), Optional.empty());
    }

    /** {@code r} with other disclosures and debtor text. */
    static DraftRequest copy(DraftRequest r, List<String> disclosures, Optional<String> debtorText) {
        return copy(r, r.company(), r.senderName(), disclosures, debtorText);
    }

    /** {@code r} signed by {@code sender} of {@code company}, with other disclosures and debtor text. */
    static DraftRequest copy(
            DraftRequest r, String company, String sender, List<String> disclosures, Optional<String> debtorText) {
        return with(r, r.step(), company, sender, r.balance(), r.invoices(), disclosures, debtorText);
    }

    /** {@code r} at {@code step} about {@code invoices}, {@code balance} open on the account. */
    static DraftRequest about(
            DraftRequest r, CadenceStep step, Money balance, List<DraftRequest.InvoiceLine> invoices) {
        return with(r, step, r.company(), r.senderName(), balance, invoices, r.disclosures(), r.debtorText());
    }

    private static DraftRequest with(
            DraftRequest r,
            CadenceStep step,
            String company,
            String sender,
            Money balance,
            List<DraftRequest.InvoiceLine> invoices,
            List<String> disclosures,
            Optional<String> debtorText) {
        return new DraftRequest(
                r.strategy(),
                r.channel(),
                step,
                r.greetingName(),
                r.customerName(),
                company,
                sender,
                balance,
                invoices,
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
                r.today(),
                Optional.empty());
    }
}
