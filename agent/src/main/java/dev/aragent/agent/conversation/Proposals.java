package dev.aragent.agent.conversation;

import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.intent.Mentions;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.Terms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a debtor proposed ("half now and the rest in two weeks", "3 monthly payments", "$500 on Friday") into
 * {@link Terms} the policy engine can judge. Amounts in another currency than the balance are not guessed at.
 */
final class Proposals {
    private static final Pattern NOW =
            Pattern.compile("(?i)\\b(?:now|today|right away|immediately|asap|ahora|maintenant)\\b");
    private static final Pattern COUNT =
            Pattern.compile("(?i)\\b(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)"
                    + " (?:equal |monthly |weekly |bi-?weekly |separate |smaller )?(?:installments?|instalments?|payments|parts"
                    + "|chunks|months|tranches)\\b");
    private static final Pattern WEEKLY = Pattern.compile("(?i)\\b(?:a|per|each|every) week\\b|\\bweekly\\b");
    private static final Pattern RECURRING = Pattern.compile(
            "(?i)\\b(?:a|per|each|every) (?:month|week|two weeks)\\b|\\b(?:monthly|weekly|bi-?weekly)\\b");
    private static final Pattern BIWEEKLY = Pattern.compile("(?i)\\bevery (?:two|2) weeks\\b|\\bbi-?weekly\\b");

    /** "the rest in two weeks", "10 days later": the gap between payments, when no date says it. */
    private static final Pattern LATER = Pattern.compile(
            "(?i)\\b(?:in|after|within)\\s+(a|one|two|three|four|\\d{1,2})\\s+"
                    + "(day|week)s?\\b|\\b(a|one|two|three|four|\\d{1,2})\\s+(day|week)s?\\s+(?:later|after(?:wards)?)\\b");

    private Proposals() {}

    /** The days between payments a phrase like "in two weeks" names, if one does. */
    private static Optional<Integer> later(String text) {
        java.util.regex.Matcher m = LATER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String n = m.group(1) != null ? m.group(1) : m.group(3);
        String unit = m.group(2) != null ? m.group(2) : m.group(4);
        int count =
                switch (n.toLowerCase(java.util.Locale.ROOT)) {
                    case "a", "one" -> 1;
                    case "two" -> 2;
                    case "three" -> 3;
                    case "four" -> 4;
                    default -> Integer.parseInt(n);
                };
        return Optional.of(unit.equalsIgnoreCase("week") ? 7 * count : count);
    }

    /** A payment date the agent works out (not one the debtor named): on a business day, after {@code previous}. */
    private static LocalDate weekday(LocalDate d, LocalDate previous) {
        return dev.aragent.agent.policy.PolicyEngine.onAWeekday(d, previous, d.plusDays(3));
    }

    static Optional<Terms> read(Understanding u, String text, Money balance, LocalDate today, Policy policy) {
        List<Money> amounts = money(u.amounts(), balance);
        if (amounts.size() != u.amounts().size()) {
            return Optional.empty();
        }
        List<LocalDate> dates =
                u.dates().stream().filter(d -> !d.isBefore(today)).sorted().toList();
        boolean now = NOW.matcher(text).find();
        int step = WEEKLY.matcher(text).find()
                ? 7
                : BIWEEKLY.matcher(text).find() ? 14 : later(text).orElse(30);
        Optional<Integer> count = count(text);
        List<Installment> list = new ArrayList<>();
        if (!amounts.isEmpty()) {
            LocalDate previous =
                    now ? today : dates.isEmpty() ? today.plusDays(policy.firstPaymentWithinDays()) : dates.getFirst();
            int dateIndex = now && !dates.isEmpty() && !dates.getFirst().equals(today) ? -1 : 0;
            for (int i = 0; i < amounts.size(); i++) {
                int di = i + dateIndex;
                LocalDate due = di >= 0 && di < dates.size()
                        ? dates.get(di)
                        : i == 0 ? previous : weekday(previous.plusDays(step), previous);
                list.add(new Installment(due, amounts.get(i)));
                previous = due;
            }
            if (count.isEmpty()
                    && amounts.size() == 1
                    && RECURRING.matcher(text).find()) {
                // "$100 a month": as many payments as it takes, at most three years of them
                long n = Math.ceilDiv(balance.minor(), amounts.getFirst().minor());
                count = Optional.of((int) Math.min(36, n));
            }
            if (count.isPresent() && amounts.size() == 1 && count.get() > 1) {
                // "$500 a month", "3 payments of 1,000": repeat the figure
                for (int i = 1; i < count.get(); i++) {
                    previous = weekday(previous.plusDays(step), previous);
                    list.add(new Installment(previous, amounts.getFirst()));
                }
            }
        } else if (count.isPresent() && count.get() > 1) {
            int n = count.get();
            LocalDate first = now || dates.isEmpty()
                    ? today.plusDays(now ? 0 : policy.firstPaymentWithinDays())
                    : dates.getFirst();
            long each = balance.minor() / n;
            for (int i = 0; i < n; i++) {
                long minor = i == n - 1 ? balance.minor() - each * (n - 1) : each;
                if (minor > 0) {
                    LocalDate due = i == 0 ? first : weekday(first.plusDays((long) step * i), first);
                    list.add(new Installment(due, new Money(minor, balance.currency())));
                }
            }
        } else if (!dates.isEmpty()) {
            list.add(new Installment(dates.getFirst(), balance));
        } else {
            return Optional.empty();
        }
        list.sort(Comparator.comparing(Installment::due));
        return Optional.of(new Terms(balance, 0, false, list));
    }

    private static List<Money> money(List<Amount> amounts, Money balance) {
        List<Money> out = new ArrayList<>();
        long sum = 0;
        for (Amount a : amounts) {
            long minor =
                    switch (a.kind()) {
                        case EXACT ->
                            a.currency()
                                            .filter(c ->
                                                    !c.equals(balance.currency().getCurrencyCode()))
                                            .isPresent()
                                    ? -1
                                    : Money.ofMajor(a.value(), balance.currency())
                                            .minor();
                        case SHARE ->
                            new BigDecimal(balance.minor())
                                    .multiply(a.value())
                                    .setScale(0, RoundingMode.HALF_UP)
                                    .longValueExact();
                        case REST -> balance.minor() - sum;
                        case FULL -> balance.minor();
                    };
            if (minor <= 0) {
                return List.of();
            }
            sum += minor;
            out.add(new Money(minor, balance.currency()));
        }
        return out;
    }

    private static Optional<Integer> count(String text) {
        Matcher m = COUNT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int n = Mentions.count(m.group(1));
        return n >= 1 && n <= 36 ? Optional.of(n) : Optional.empty();
    }
}
