package dev.aragent.console;

import dev.aragent.agent.app.CashDesk;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.cash.Candidate;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.spi.CashBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The unapplied-cash page: how the receipts stand (applied by the agent, by a person, waiting, set aside — counts and
 * amounts), and the receipts waiting for a person, oldest first, each with what the bank said (date, amount, payer,
 * reference, remittance text) and the ways to apply it the matcher ranks, surest first, with how sure and why; a
 * person applies one, names the customer and invoices, or sets the receipt aside with a reason.
 */
public record CashView(Who who, List<Figure> figures, List<Row> waiting, String threshold, boolean mayDecide) {
    public CashView {
        figures = List.copyOf(figures);
        waiting = List.copyOf(waiting);
    }

    /** One line of the tally. */
    public record Figure(String label, int count, String amount) {}

    /**
     * One receipt as the queue shows it.
     *
     * @param result what the last decision from this page did (empty when none was sent)
     * @param refused whether that decision changed nothing
     */
    public record Row(
            long id,
            String date,
            String amount,
            String payer,
            String payerAccount,
            String reference,
            String text,
            List<Option> options,
            boolean open,
            String state,
            String result,
            boolean refused,
            boolean mayDecide,
            String csrf) {
        public Row {
            options = List.copyOf(options);
        }
    }

    /** One way to apply a receipt: to whom, what it pays, how sure, why. */
    public record Option(
            int rank,
            String customer,
            String account,
            String pays,
            String confidence,
            String deduction,
            List<String> reasons) {
        public Option {
            reasons = List.copyOf(reasons);
        }
    }

    public static CashView of(
            Who who, CashBook.Tally tally, List<CashDesk.Waiting> waiting, double threshold, boolean mayDecide) {
        List<Figure> figures = new java.util.ArrayList<>(List.of(
                figure("Applied by the agent", "auto", tally),
                figure("Applied by a person", "person", tally),
                figure("Waiting for a person", "open", tally),
                figure("Set aside", "set_aside", tally)));
        if (tally.count("link") > 0) {
            figures.addFirst(figure("Paid through pay-now links", "link", tally));
        }
        return new CashView(
                who,
                figures,
                waiting.stream()
                        .map(w -> row(w, "", false, mayDecide, who.csrf()))
                        .toList(),
                String.format(Locale.ROOT, "%.0f %%", threshold * 100),
                mayDecide);
    }

    private static Figure figure(String label, String how, CashBook.Tally tally) {
        Map<String, Long> amounts = tally.amounts().getOrDefault(how, Map.of());
        String amount = amounts.isEmpty()
                ? "—"
                : amounts.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> Money.of(e.getValue(), e.getKey()).format())
                        .collect(Collectors.joining(" + "));
        return new Figure(label, tally.count(how), amount);
    }

    /** A receipt's row: waiting with its options, or closed with what became of it ({@code result}). */
    public static Row row(CashDesk.Waiting w, String result, boolean refused, boolean mayDecide, String csrf) {
        BankLine line = w.line();
        BankTransaction e = line.entry();
        List<Option> options = new ArrayList<>();
        List<Candidate> candidates = w.match().candidates();
        for (int k = 0; k < Math.min(5, candidates.size()); k++) {
            options.add(option(k, candidates.get(k)));
        }
        String text = String.join(" · ", e.remittance()).strip();
        return new Row(
                line.id(),
                e.valueDate().or(e::bookingDate).map(Object::toString).orElse(""),
                e.amount().format(),
                e.counterpartyName().isBlank() ? "(no name given)" : e.counterpartyName(),
                e.counterpartyAccount(),
                String.join(" ", e.references()),
                text.length() > 300 ? text.substring(0, 300) + "…" : text,
                options,
                line.state() == BankLine.State.OPEN,
                closedAs(line),
                result,
                refused,
                mayDecide,
                csrf);
    }

    private static String closedAs(BankLine line) {
        return switch (line.state()) {
            case OPEN -> "waiting";
            case APPLIED ->
                "applied to " + line.customer().map(c -> c.value()).orElse("?") + " by "
                        + line.closedBy().orElse("?") + ": " + line.outcome().orElse("");
            case SET_ASIDE ->
                line.outcome().orElse("set aside") + " (" + line.closedBy().orElse("?") + ")";
            case NOT_RECEIPT -> "not a receipt";
        };
    }

    private static Option option(int rank, Candidate c) {
        String pays = c.allocations().isEmpty()
                ? "nothing open: all of it as credit"
                : c.allocations().stream()
                        .map((Payment.Allocation a) ->
                                a.invoiceNumber() + " " + a.amount().format())
                        .collect(Collectors.joining(", "));
        if (!c.credit().isZero() && !c.allocations().isEmpty()) {
            pays += "; " + c.credit().format() + " credit on the account";
        }
        String deduction = c.deduction()
                .map(d -> d.amount().format() + " kept back on " + d.invoice() + ": " + d.reason()
                        + (d.dispute() ? " (a dispute: billing gets a ticket)" : ""))
                .orElse("");
        return new Option(
                rank,
                c.customerName(),
                c.customer().value(),
                pays,
                String.format(Locale.ROOT, "%.0f %%", c.confidence() * 100),
                deduction,
                c.reasons());
    }
}
