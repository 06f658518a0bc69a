package dev.aragent.agent.rules;

import dev.aragent.agent.access.Role;
import dev.aragent.agent.ledger.CustomerKey;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting a rule sheet may hold, by the shape of its name, with the kind and range of its value: what lets the
 * console say, beside the field, that "25 o'clock" is no time — before the sheet as a whole is read.
 */
final class Settings {
    private static final String NAME = "[A-Za-z0-9_-]{1,40}";
    private static final String ID = "[^.\\s]{1,64}";
    private static final String POLICY = "policy\\.(?:(?:segments\\." + NAME + "|customers\\." + ID + ")\\.)?";

    /** A setting's name pattern and the check of its value (empty when fine, else what is wrong). */
    private record Kind(Pattern name, Function<String, Optional<String>> check) {}

    private static final List<Kind> KINDS = List.of(
            kind("contact-window\\.(from|to)|schedule\\.at", Settings::time),
            kind("contact-window\\.business-days-only|skip-when-credit-memo-pending|exclude-auto-pay", Settings::bool),
            kind("default-time-zone", v -> fails(() -> RuleSheet.zone(v))),
            kind("caps\\.(email|sms|call|human)\\.max", v -> whole(v, 0, 50)),
            kind("caps\\.(email|sms|call|human)\\.days", v -> whole(v, 1, 90)),
            kind("cadence\\.\\d+|segments\\." + NAME + "\\.cadence\\.\\d+", v -> whole(v, -60, 365)),
            kind("weights\\.(amount|risk|recovery)", v -> number(v, 0, 5)),
            kind("high-value|call-minimum", v -> money(v)),
            kind("call-rest", v -> whole(v, 0, 90)),
            kind("recovery\\.-?\\d+", v -> number(v, 0, 1)),
            kind("schedule\\.days\\.\\d+", v -> fails(() -> RuleSheet.day(v))),
            kind("(segments\\." + NAME + "|customers\\." + ID + ")\\.priority", v -> number(v, 0, 10)),
            kind("(segments\\." + NAME + "|customers\\." + ID + ")\\.note", v -> text(v, 200)),
            kind("customers\\." + ID + "\\.channel", v -> fails(() -> RuleSheet.reach(v))),
            kind(POLICY + "(auto|approvable)\\.max-installments", v -> whole(v, 1, 36)),
            kind(POLICY + "(auto|approvable)\\.max-(plan|promise)-days", v -> whole(v, 0, 365)),
            kind(POLICY + "(auto|approvable)\\.min-first-payment-percent", v -> whole(v, 1, 100)),
            kind(POLICY + "(auto|approvable)\\.max-discount-percent", v -> whole(v, 0, 50)),
            kind(POLICY + "first-payment-within-days", v -> whole(v, 0, 90)),
            kind(POLICY + "immediate-days", v -> whole(v, 0, 30)),
            kind(POLICY + "first-payment-lead-business-days", v -> whole(v, 0, 10)),
            kind(POLICY + "late-fee-waiver", v -> fails(() -> RuleSheet.waiver(v))),
            kind(POLICY + "(approval|senior)-above", v -> money(v)),
            kind(POLICY + "(approver|senior-approver)", Settings::approver),
            kind(POLICY + "version", v -> text(v, 64)));

    private static final Pattern LISTS = Pattern.compile("cadence|schedule\\.days|segments\\." + NAME + "\\.cadence");

    private Settings() {}

    /** What is wrong with {@code value} for the setting {@code key}, or empty when it is fine. */
    static Optional<String> check(String key, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            return Optional.of("one line only");
        }
        if (key.startsWith("customers.") || key.contains(".customers.")) {
            String id = key.startsWith("customers.")
                    ? key.split("\\.")[1]
                    : key.substring(key.indexOf(".customers.") + 11).split("\\.")[0];
            Optional<String> bad = fails(() -> CustomerKey.of(id));
            if (bad.isPresent()) {
                return Optional.of("no such customer number: " + bad.get());
            }
        }
        for (Kind k : KINDS) {
            if (k.name().matcher(key).matches()) {
                return k.check().apply(value);
            }
        }
        return Optional.of("no rule is called '" + key + "'");
    }

    /** Whether {@code key} names a list, given in a form as one comma-separated field. */
    static boolean isList(String key) {
        return LISTS.matcher(key).matches();
    }

    private static Kind kind(String name, Function<String, Optional<String>> check) {
        return new Kind(Pattern.compile(name), check);
    }

    private static Optional<String> fails(Runnable read) {
        try {
            read.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> time(String v) {
        try {
            LocalTime.parse(v.strip());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("a time of day like 08:00, not '" + v + "'");
        }
    }

    private static Optional<String> bool(String v) {
        return v.strip().matches("(?i)true|false|yes|no|on|off")
                ? Optional.empty()
                : Optional.of("yes or no, not '" + v + "'");
    }

    private static Optional<String> whole(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v.strip());
            return n < min || n > max
                    ? Optional.of("a whole number from " + min + " to " + max + ", not " + n)
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("a whole number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    private static Optional<String> number(String v, double min, double max) {
        try {
            double n = Double.parseDouble(v.strip());
            return !(n >= min && n <= max)
                    ? Optional.of("a number from " + plain(min) + " to " + plain(max) + ", not " + v.strip())
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("a number from " + plain(min) + " to " + plain(max) + ", not '" + v + "'");
        }
    }

    private static Optional<String> money(String v) {
        try {
            BigDecimal a = RuleSheet.amount("amount", v);
            return a.signum() < 0 || a.scale() > 2
                    ? Optional.of("an amount of 0 or more with at most 2 decimals, not " + v.strip())
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("an amount like 25000.00, not '" + v + "'");
        }
    }

    private static Optional<String> text(String v, int max) {
        return v.length() > max ? Optional.of("at most " + max + " characters") : Optional.empty();
    }

    private static Optional<String> approver(String v) {
        try {
            if (Role.fromCode(v).allows(dev.aragent.agent.access.Permission.APPROVE)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // no role by that name: said below
        }
        return Optional.of("a role that approves (ar_manager or controller), not '" + v + "'");
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
