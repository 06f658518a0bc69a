package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.Money;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One statement (or notification) of one account as a bank file states it: its format ({@code camt.053.001.02}, …),
 * the bank's id for it, the account, its currency, the opening and closing booked balances when it states them (a
 * notification does not), and its entries in the file's order.
 */
public record BankStatement(
        String format,
        String id,
        String account,
        Currency currency,
        Optional<Money> opening,
        Optional<Money> closing,
        List<BankTransaction> entries) {
    public BankStatement {
        entries = List.copyOf(entries);
    }

    /** The sum of the entries in, in minor units. */
    public long creditsMinor() {
        return entries.stream()
                .filter(BankTransaction::credit)
                .mapToLong(e -> e.amount().minor())
                .sum();
    }

    /** The sum of the entries out, in minor units. */
    public long debitsMinor() {
        return entries.stream()
                .filter(e -> !e.credit())
                .mapToLong(e -> e.amount().minor())
                .sum();
    }

    /**
     * Whether opening + credits − debits = closing, as the file states them; empty when it states no balances (a
     * notification).
     */
    public Optional<Boolean> reconciles() {
        if (opening.isEmpty() || closing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(opening.get().minor() + creditsMinor() - debitsMinor()
                == closing.get().minor());
    }
}
