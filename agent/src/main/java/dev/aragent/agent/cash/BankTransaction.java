package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a bank statement or notification: the bank's own reference for it, the amount (never negative: {@code
 * credit} says which way it went), whether it reverses an earlier entry, its status ({@code BOOK}ed, {@code PDNG},
 * {@code INFO}), when it was booked and its value date, who the money came from or went to (name and account), and the
 * remittance information: structured references (creditor references, invoice numbers) and free text.
 */
public record BankTransaction(
        String bankReference,
        Money amount,
        boolean credit,
        boolean reversal,
        String status,
        Optional<LocalDate> bookingDate,
        Optional<LocalDate> valueDate,
        String counterpartyName,
        String counterpartyAccount,
        List<String> references,
        List<String> remittance) {
    public BankTransaction {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("an entry's amount is never negative; its side says which way it went");
        }
        references = List.copyOf(references);
        remittance = List.copyOf(remittance);
    }

    /** The amount with its sign: positive in, negative out. */
    public long signedMinor() {
        return credit ? amount.minor() : -amount.minor();
    }
}
