package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One bank entry as the cash book keeps it: its number in the book, the key that makes it one entry however many files
 * state it (the account and the bank's reference, or what the entry says when the bank gives no reference), the account,
 * the entry, where it stands, and — once closed — to whom it went and how.
 */
public record BankLine(
        long id,
        String key,
        String account,
        BankTransaction entry,
        State state,
        Instant filedAt,
        Optional<CustomerKey> customer,
        Optional<String> outcome,
        Optional<String> closedBy) {

    /** Who closes a line when the agent applies it itself. */
    public static final String AGENT = "agent:cash";

    /** The account a payment through a pay-now link is filed under (the processor's report, not a bank's). */
    public static final String PAY_NOW = "pay-now";

    /** Where an entry stands. */
    public enum State {
        /** Money in, not yet applied: the unapplied-cash queue. */
        OPEN,
        /** Applied to a customer's invoices (or held on the account as credit). */
        APPLIED,
        /** A person decided it is not a customer's payment (a refund, a transfer between own accounts, …). */
        SET_ASIDE,
        /** Not money in: a debit, a reversal, an entry not yet booked. Kept, never matched. */
        NOT_RECEIPT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static State fromCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** How a line is closed: applied or set aside, to whom, what was done (in words), by whom and when. */
    public record Closing(State state, Optional<CustomerKey> customer, String outcome, String by, Instant at) {
        public Closing {
            if (state == State.OPEN || state == State.NOT_RECEIPT) {
                throw new IllegalArgumentException("a line is closed as applied or set aside, not " + state.code());
            }
        }
    }

    /** The state a freshly filed entry takes: booked money in is open, the rest (a zero amount too) is no receipt. */
    public static State initialState(BankTransaction entry) {
        boolean booked = entry.status().isBlank() || entry.status().equalsIgnoreCase("BOOK");
        return entry.credit() && !entry.reversal() && booked && !entry.amount().isZero()
                ? State.OPEN
                : State.NOT_RECEIPT;
    }

    /**
     * The entry's identity in the book: the account with the bank's reference when it gives a usable one; otherwise
     * what the entry says (dates, side, amount, payer, remittance), with {@code ordinal} telling identical entries of
     * one statement apart.
     */
    public static String keyOf(String account, BankTransaction e, int ordinal) {
        String ref = e.bankReference().strip();
        if (!ref.isEmpty()
                && !ref.equalsIgnoreCase("NONREF")
                && !ref.equalsIgnoreCase("NOTPROVIDED")
                && !ref.equals("0")) {
            return account + "|ref|" + ref + "|" + (e.credit() ? "C" : "D") + (e.reversal() ? "R" : "");
        }
        String what = String.join(
                "|",
                account,
                e.bookingDate().map(Object::toString).orElse(""),
                e.valueDate().map(Object::toString).orElse(""),
                e.credit() ? "C" : "D",
                Long.toString(e.amount().minor()),
                e.amount().currency().getCurrencyCode(),
                e.counterpartyName(),
                String.join(" ", e.references()),
                String.join(" ", e.remittance()));
        return "sha|" + sha256(what) + "|" + ordinal;
    }

    /** The keys of a statement's entries, in order ({@link #keyOf}, identical entries numbered). */
    public static List<String> keys(BankStatement statement) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<String> out = new java.util.ArrayList<>();
        for (BankTransaction e : statement.entries()) {
            String first = keyOf(statement.account(), e, 0);
            int ordinal = seen.merge(first, 1, Integer::sum) - 1;
            out.add(ordinal == 0 ? first : keyOf(statement.account(), e, ordinal));
        }
        return out;
    }

    /**
     * How a closed or open receipt counts in a tally: {@code link} (paid through a pay-now link), {@code auto}, {@code
     * person}, {@code open}, {@code set_aside}.
     */
    public Optional<String> tallyAs() {
        return switch (state) {
            case OPEN -> Optional.of("open");
            case SET_ASIDE -> Optional.of("set_aside");
            case APPLIED ->
                Optional.of(
                        account.equals(PAY_NOW)
                                ? "link"
                                : closedBy.filter(AGENT::equals).isPresent() ? "auto" : "person");
            case NOT_RECEIPT -> Optional.empty();
        };
    }

    private static String sha256(String text) {
        return BankFile.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 32);
    }
}
