package dev.aragent.simulator;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What one arm's debtors paid and still owe, day by day: the money side every arm counts the same way (collected by
 * day, persona and debtor; receivables at each day's end, and of them what is not yet due; write-offs at the end).
 */
final class Tally {
    final long[] byDay;
    /** Receivables at the end of each day, and of them what was not yet due (CEI's "current"). */
    final long[] receivables;

    final long[] current;
    final Map<Persona, Long> byPersona = new EnumMap<>(Persona.class);
    /** What each debtor paid, and of it after the arm's first contact (the fee's base). */
    final Map<CustomerKey, Long> collectedBy = new HashMap<>();

    final Map<CustomerKey, Long> afterContactBy = new HashMap<>();
    long afterContact;

    Tally(int days) {
        this.byDay = new long[days];
        this.receivables = new long[days];
        this.current = new long[days];
    }

    /** A payment counted: by day, persona, debtor, and after first contact. */
    void counted(Debtor d, LocalDate day, int index, Debtor.Payment p) {
        byDay[index] += p.minor();
        byPersona.merge(d.persona, p.minor(), Long::sum);
        collectedBy.merge(d.customer, p.minor(), Long::sum);
        if (d.firstContact.isPresent() && !day.isBefore(d.firstContact.get())) {
            afterContact += p.minor();
            afterContactBy.merge(d.customer, p.minor(), Long::sum);
        }
    }

    /** The day's end: what the debtors owe, and of it what is not yet due. */
    void close(int index, LocalDate day, Collection<Debtor> debtors) {
        long open = 0;
        long notDue = 0;
        for (Debtor d : debtors) {
            open += d.openMinor();
            for (var e : d.open.entrySet()) {
                if (d.due.get(e.getKey()).isAfter(day)) {
                    notDue += e.getValue();
                }
            }
        }
        receivables[index] = open;
        current[index] = notDue;
    }

    long collected() {
        long s = 0;
        for (long x : byDay) {
            s += x;
        }
        return s;
    }

    /** Invoices more than 120 days past due and unpaid at {@code end}: their sum and how many. */
    static long[] writeOffs(Collection<Debtor> debtors, LocalDate end) {
        long sum = 0;
        long n = 0;
        for (Debtor d : debtors) {
            for (var e : d.open.entrySet()) {
                if (ChronoUnit.DAYS.between(d.due.get(e.getKey()), end) > 120) {
                    sum += e.getValue();
                    n++;
                }
            }
        }
        return new long[] {sum, n};
    }
}
