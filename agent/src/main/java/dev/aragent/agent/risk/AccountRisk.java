package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One account's risk: the chance its open balance is not paid within the model's horizon, weighted by amount (a
 * probability indicator, not a verdict), and the top three factors behind it, in words.
 */
public record AccountRisk(double probability, List<String> factors) {
    public AccountRisk {
        factors = List.copyOf(factors);
    }

    /** The account's risk under {@code s} on {@code today}; empty when nothing is open. */
    public static Optional<AccountRisk> of(Scoring s, AccountRecord record, LocalDate today) {
        List<Invoice> open = record.invoices().stream()
                .filter(i -> i.status() == InvoiceStatus.OPEN)
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        int w = s.model().schema().width();
        double[] rows = new double[open.size() * w];
        double[] weights = new double[open.size()];
        for (int i = 0; i < open.size(); i++) {
            s.features().row(record, open.get(i), today, rows, i * w);
            weights[i] = open.get(i).openBalance().minor();
        }
        double[] paid = s.model().probabilities(rows);
        double sum = 0;
        double total = 0;
        for (int i = 0; i < paid.length; i++) {
            sum += (1 - paid[i]) * weights[i];
            total += weights[i];
        }
        return Optional.of(new AccountRisk(
                total == 0 ? 0 : sum / total,
                s.model().explainGroup(rows, weights).stream()
                        .limit(3)
                        .map(Factor::display)
                        .toList()));
    }
}
