package dev.aragent.simulator;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The third arm: the AR team alone, as the seed's distributor works today — no reminders, no software; each day its
 * people phone down the list of accounts with something overdue, the largest amount × days past due first, as many as
 * they have touches for (an account called in the last week waits its turn). A call they get through on works as a
 * person's call does in the other arms. The same debtors, habits and draws as the other arms.
 */
final class TeamAlone {
    /** Days before the team phones the same account again. */
    static final int RECALL_DAYS = 7;

    final Map<CustomerKey, Debtor> debtors;
    final Tally tally;
    final int[] touchesByDay;
    private final int capacity;
    private final Map<CustomerKey, LocalDate> lastDialled = new TreeMap<>(Comparator.comparing(CustomerKey::value));
    int calls;
    int answered;

    TeamAlone(Map<CustomerKey, Debtor> debtors, int days, int capacity) {
        this.debtors = debtors;
        this.tally = new Tally(days);
        this.touchesByDay = new int[days];
        this.capacity = capacity;
    }

    /** The day: payments in (counted as they arrive), then the team's calls. */
    void day(LocalDate day, int index) {
        for (Debtor d : debtors.values()) {
            for (Debtor.Payment p : d.paymentsOn(day)) {
                tally.counted(d, day, index, p);
            }
        }
        if (!Simulation.workday(day)) {
            tally.close(index, day, debtors.values());
            return; // the team works weekdays
        }
        List<Debtor> list = new ArrayList<>();
        for (Debtor d : debtors.values()) {
            LocalDate last = lastDialled.get(d.customer);
            if ((last == null || !day.isBefore(last.plusDays(RECALL_DAYS))) && priority(d, day) > 0) {
                list.add(d);
            }
        }
        list.sort(Comparator.comparingDouble((Debtor d) -> -priority(d, day)).thenComparing(d -> d.customer.value()));
        for (Debtor d : list.subList(0, Math.min(capacity, list.size()))) {
            calls++;
            touchesByDay[index]++;
            lastDialled.put(d.customer, day);
            if (d.picksUp(day)) {
                answered++;
                if (d.firstContact.isEmpty()) {
                    d.firstContact = java.util.Optional.of(day);
                }
                d.calledBy(day);
            }
        }
        tally.close(index, day, debtors.values());
    }

    /** Amount overdue × days past due of the oldest overdue invoice (0: nothing overdue). */
    static double priority(Debtor d, LocalDate day) {
        long overdue = 0;
        long oldest = 0;
        for (var e : d.open.entrySet()) {
            long late = ChronoUnit.DAYS.between(d.due.get(e.getKey()), day);
            if (late > 0) {
                overdue += e.getValue();
                oldest = Math.max(oldest, late);
            }
        }
        return overdue / 100.0 * oldest;
    }
}
