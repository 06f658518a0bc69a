package dev.aragent.agent.rules;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A tenant's rules as one sheet of named settings, the way the YAML file and the console's form spell them: the queue
 * rules ({@code contact-window.from}, {@code caps.email.max}, {@code cadence.0}, {@code segments.restaurants.priority},
 * {@code customers.C-1.channel}, …) and the negotiation policy ({@code policy.auto.max-installments},
 * {@code policy.segments.NAME.…}, {@code policy.customers.ID.…}). A key left out keeps its default; an unknown key or a
 * bad value is an error that names the key, so a typo never silently drops a rule. Lists are numbered keys
 * ({@code cadence.0}, {@code cadence.1}).
 */
public record RuleSheet(SortedMap<String, String> settings) {
    private static final Set<String> TOP = Set.of(
            "contact-window",
            "default-time-zone",
            "caps",
            "cadence",
            "skip-when-credit-memo-pending",
            "exclude-auto-pay",
            "weights",
            "high-value",
            "call-minimum",
            "call-rest",
            "recovery",
            "schedule",
            "segments",
            "customers",
            "policy");

    public RuleSheet {
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }

    public static RuleSheet of(Map<String, String> settings) {
        return new RuleSheet(new TreeMap<>(settings));
    }

    /** What this sheet says about one setting, if it says anything. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** This sheet with one setting changed (a blank value removes it). */
    public RuleSheet with(String key, String value) {
        TreeMap<String, String> m = new TreeMap<>(settings);
        if (value.isBlank()) {
            m.remove(key);
        } else {
            m.put(key, value.strip());
        }
        return new RuleSheet(m);
    }

    // ---- the queue rules ----

    /** The queue rules this sheet states (policy settings aside); what it leaves out keeps the defaults. */
    public QueueRules queueRules(ZoneId zone) {
        Map<String, String> v = settings;
        QueueRules d = QueueRules.defaults();
        for (String key : v.keySet()) {
            String top = key.split("\\.")[0];
            if (!TOP.contains(top)) {
                throw new IllegalArgumentException("unknown rule '" + key + "'; known: " + new TreeSet<>(TOP));
            }
        }
        QueueRules.Window window = new QueueRules.Window(
                time(v, "contact-window.from", d.window().from()),
                time(v, "contact-window.to", d.window().to()),
                bool(v, "contact-window.business-days-only", d.window().businessDaysOnly()));
        Map<Reach, QueueRules.Cap> caps = new EnumMap<>(Reach.class);
        caps.putAll(d.caps());
        for (String name : names(v, "caps.")) {
            Reach r = reach(name);
            QueueRules.Cap base = caps.getOrDefault(r, new QueueRules.Cap(3, 7));
            caps.put(
                    r,
                    new QueueRules.Cap(
                            integer(v, "caps." + name + ".max", base.max()),
                            integer(v, "caps." + name + ".days", base.days())));
        }
        Map<String, QueueRules.SegmentRule> segments = new LinkedHashMap<>();
        for (String name : names(v, "segments.")) {
            String p = "segments." + name + ".";
            segments.put(
                    name,
                    new QueueRules.SegmentRule(
                            number(v, p + "priority", 1.0),
                            Optional.of(ints(v, p + "cadence")).filter(l -> !l.isEmpty()),
                            v.getOrDefault(p + "note", "")));
        }
        Map<CustomerKey, QueueRules.CustomerRule> customers = new LinkedHashMap<>();
        for (String id : names(v, "customers.")) {
            String p = "customers." + id + ".";
            customers.put(
                    CustomerKey.of(id),
                    new QueueRules.CustomerRule(
                            Optional.ofNullable(v.get(p + "channel")).map(RuleSheet::reach),
                            number(v, p + "priority", 1.0),
                            v.getOrDefault(p + "note", "")));
        }
        Map<Integer, Double> recovery = new TreeMap<>();
        for (String day : names(v, "recovery.")) {
            recovery.put(Integer.parseInt(day), number(v, "recovery." + day, 0));
        }
        List<Integer> cadence = ints(v, "cadence");
        Set<DayOfWeek> runDays = new TreeSet<>();
        for (String s : strings(v, "schedule.days")) {
            runDays.add(day(s));
        }
        long highValue = v.containsKey("high-value")
                ? amount("high-value", v.get("high-value")).movePointRight(2).longValueExact()
                : d.highValueMinor();
        return new QueueRules(
                window,
                v.containsKey("default-time-zone") ? zone(v.get("default-time-zone")) : zone,
                caps,
                cadence.isEmpty() ? d.cadence() : cadence,
                segments,
                customers,
                bool(v, "skip-when-credit-memo-pending", d.skipWhenCreditMemoPending()),
                bool(v, "exclude-auto-pay", d.excludeAutoPay()),
                new QueueRules.Weights(
                        number(v, "weights.amount", d.weights().amount()),
                        number(v, "weights.risk", d.weights().risk()),
                        number(v, "weights.recovery", d.weights().recovery())),
                highValue,
                v.containsKey("call-minimum")
                        ? amount("call-minimum", v.get("call-minimum"))
                                .movePointRight(2)
                                .longValueExact()
                        : d.callMinimumMinor(),
                integer(v, "call-rest", d.callRestDays()),
                recovery.isEmpty() ? d.recovery() : recovery,
                runDays.isEmpty() ? d.runDays() : runDays,
                time(v, "schedule.at", d.runAt()));
    }

    // ---- the negotiation policy ----

    /**
     * The policy book this sheet states: {@code policy.*} over {@code standard}, each {@code policy.segments.NAME.*}
     * and {@code policy.customers.ID.*} over the tenant's policy.
     */
    public PolicyBook policies(Policy standard, Currency currency) {
        Policy tenant = policy(settings, "policy.", standard, currency);
        Map<String, Policy> segments = new LinkedHashMap<>();
        for (String name : policyNames("policy.segments.")) {
            segments.put(name, policy(settings, "policy.segments." + name + ".", tenant, currency));
        }
        Map<CustomerKey, Policy> customers = new LinkedHashMap<>();
        for (String id : policyNames("policy.customers.")) {
            customers.put(CustomerKey.of(id), policy(settings, "policy.customers." + id + ".", tenant, currency));
        }
        return new PolicyBook(tenant, segments, customers);
    }

    /** The names under a prefix: {@code policy.segments.enterprise.auto.max-installments} → enterprise. */
    private List<String> policyNames(String prefix) {
        TreeSet<String> out = new TreeSet<>();
        settings.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .filter(k -> k.contains("."))
                .forEach(k -> out.add(k.substring(0, k.indexOf('.'))));
        return List.copyOf(out);
    }

    private static Policy policy(Map<String, String> v, String prefix, Policy base, Currency currency) {
        String version = v.getOrDefault(
                prefix + "version",
                prefix.equals("policy.")
                        ? base.version()
                        : base.version() + "+" + prefix.substring("policy.".length(), prefix.length() - 1));
        return new Policy(
                version,
                limits(v, prefix + "auto.", base.auto()),
                limits(v, prefix + "approvable.", base.approvable()),
                integer(v, prefix + "first-payment-within-days", base.firstPaymentWithinDays()),
                integer(v, prefix + "immediate-days", base.immediateDays()),
                Optional.ofNullable(v.get(prefix + "late-fee-waiver"))
                        .filter(s -> !s.isBlank())
                        .map(RuleSheet::waiver)
                        .orElse(base.lateFeeWaiver()),
                money(v, prefix + "approval-above", currency).or(base::approvalAbove),
                v.getOrDefault(prefix + "approver", base.approver()),
                money(v, prefix + "senior-above", currency).or(base::seniorAbove),
                v.getOrDefault(prefix + "senior-approver", base.seniorApprover()),
                integer(v, prefix + "first-payment-lead-business-days", base.leadBusinessDays()));
    }

    private static Policy.Limits limits(Map<String, String> v, String prefix, Policy.Limits base) {
        return new Policy.Limits(
                integer(v, prefix + "max-installments", base.maxInstallments()),
                integer(v, prefix + "max-plan-days", base.maxPlanDays()),
                integer(v, prefix + "max-promise-days", base.maxPromiseDays()),
                integer(v, prefix + "min-first-payment-percent", base.minFirstPaymentPercent()),
                integer(v, prefix + "max-discount-percent", base.maxDiscountPercent()));
    }

    // ---- writing rules down ----

    /** Every setting of {@code rules} and {@code policies} spelled out, so two sheets compare setting by setting. */
    public static RuleSheet write(QueueRules rules, PolicyBook policies) {
        Map<String, String> m = new TreeMap<>();
        m.put("contact-window.from", rules.window().from().toString());
        m.put("contact-window.to", rules.window().to().toString());
        m.put("contact-window.business-days-only", String.valueOf(rules.window().businessDaysOnly()));
        m.put("default-time-zone", rules.defaultZone().getId());
        rules.caps().forEach((reach, cap) -> {
            m.put("caps." + reach.code() + ".max", String.valueOf(cap.max()));
            m.put("caps." + reach.code() + ".days", String.valueOf(cap.days()));
        });
        list(m, "cadence", rules.cadence());
        m.put("skip-when-credit-memo-pending", String.valueOf(rules.skipWhenCreditMemoPending()));
        m.put("exclude-auto-pay", String.valueOf(rules.excludeAutoPay()));
        m.put("weights.amount", plain(rules.weights().amount()));
        m.put("weights.risk", plain(rules.weights().risk()));
        m.put("weights.recovery", plain(rules.weights().recovery()));
        m.put("high-value", BigDecimal.valueOf(rules.highValueMinor(), 2).toPlainString());
        m.put("call-minimum", BigDecimal.valueOf(rules.callMinimumMinor(), 2).toPlainString());
        m.put("call-rest", String.valueOf(rules.callRestDays()));
        rules.recovery().forEach((day, share) -> m.put("recovery." + day, plain(share)));
        list(
                m,
                "schedule.days",
                rules.runDays().stream()
                        .sorted()
                        .map(d -> d.name().toLowerCase(Locale.ROOT))
                        .toList());
        m.put("schedule.at", rules.runAt().toString());
        rules.segments().forEach((name, s) -> {
            m.put("segments." + name + ".priority", plain(s.priority()));
            s.cadence().ifPresent(c -> list(m, "segments." + name + ".cadence", c));
            putText(m, "segments." + name + ".note", s.note());
        });
        rules.customers().forEach((key, c) -> {
            String p = "customers." + key.value() + ".";
            c.channel().ifPresent(r -> m.put(p + "channel", r.code()));
            m.put(p + "priority", plain(c.priority()));
            putText(m, p + "note", c.note());
        });
        writePolicy(m, "policy.", policies.standard());
        policies.bySegment().forEach((name, p) -> writePolicy(m, "policy.segments." + name + ".", p));
        policies.byCustomer().forEach((key, p) -> writePolicy(m, "policy.customers." + key.value() + ".", p));
        return new RuleSheet(new TreeMap<>(m));
    }

    private static void writePolicy(Map<String, String> m, String prefix, Policy p) {
        m.put(prefix + "version", p.version());
        writeLimits(m, prefix + "auto.", p.auto());
        writeLimits(m, prefix + "approvable.", p.approvable());
        m.put(prefix + "first-payment-within-days", String.valueOf(p.firstPaymentWithinDays()));
        m.put(prefix + "immediate-days", String.valueOf(p.immediateDays()));
        m.put(
                prefix + "late-fee-waiver",
                p.lateFeeWaiver().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.approvalAbove()
                .ifPresent(a -> m.put(prefix + "approval-above", a.toMajor().toPlainString()));
        m.put(prefix + "approver", p.approver());
        p.seniorAbove()
                .ifPresent(a -> m.put(prefix + "senior-above", a.toMajor().toPlainString()));
        m.put(prefix + "senior-approver", p.seniorApprover());
        m.put(prefix + "first-payment-lead-business-days", String.valueOf(p.leadBusinessDays()));
    }

    private static void writeLimits(Map<String, String> m, String prefix, Policy.Limits l) {
        m.put(prefix + "max-installments", String.valueOf(l.maxInstallments()));
        m.put(prefix + "max-plan-days", String.valueOf(l.maxPlanDays()));
        m.put(prefix + "max-promise-days", String.valueOf(l.maxPromiseDays()));
        m.put(prefix + "min-first-payment-percent", String.valueOf(l.minFirstPaymentPercent()));
        m.put(prefix + "max-discount-percent", String.valueOf(l.maxDiscountPercent()));
    }

    private static void list(Map<String, String> m, String key, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            m.put(key + "." + i, String.valueOf(values.get(i)));
        }
    }

    private static void putText(Map<String, String> m, String key, String text) {
        if (!text.isBlank()) {
            m.put(key, text);
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---- checking and comparing ----

    /** A setting that is wrong and why, in words for the person who typed it ({@code key} blank: the whole sheet). */
    public record Problem(String key, String message) {}

    /**
     * What is wrong with this sheet: each setting checked alone (its name known, its value of the right kind and
     * range), then, when each is fine, the whole (a window that ends before it starts, approvable limits narrower than
     * the automatic ones). Empty when the sheet can be saved.
     */
    public List<Problem> problems(ZoneId zone, Policy standard, Currency currency) {
        List<Problem> out = new ArrayList<>();
        settings.forEach((key, value) -> Settings.check(key, value).ifPresent(m -> out.add(new Problem(key, m))));
        if (out.isEmpty()) {
            try {
                queueRules(zone);
                policies(standard, currency);
            } catch (RuntimeException e) {
                out.add(new Problem("", e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return List.copyOf(out);
    }

    /** One setting changed between two sheets: before and after (empty: not set). */
    public record Change(String key, Optional<String> before, Optional<String> after) {}

    /**
     * The settings that differ from this sheet in {@code after}, in key order; a policy's version is bookkeeping, not
     * a change anyone made, and is left out.
     */
    public List<Change> changes(RuleSheet after) {
        TreeSet<String> keys = new TreeSet<>(settings.keySet());
        keys.addAll(after.settings.keySet());
        List<Change> out = new ArrayList<>();
        for (String k : keys) {
            Optional<String> b = get(k);
            Optional<String> a = after.get(k);
            if (!b.equals(a) && !k.endsWith(".version") && !k.equals("policy.version")) {
                out.add(new Change(k, b, a));
            }
        }
        return out;
    }

    /**
     * A list setting as one field ({@code cadence} → {@code "-7, 0, 7"}), or a plain setting's value; blank when
     * unset.
     */
    public String field(String key) {
        if (settings.containsKey(key)) {
            return settings.get(key);
        }
        return String.join(", ", strings(settings, key));
    }

    /**
     * A sheet from form fields named as settings, where a list setting ({@code cadence}, {@code schedule.days},
     * {@code segments.NAME.cadence}) is one comma-separated field; blank fields are left out.
     */
    public static RuleSheet fromFields(Map<String, String> fields) {
        Map<String, String> m = new TreeMap<>();
        fields.forEach((key, value) -> {
            String v = value.strip();
            if (v.isEmpty()) {
                return;
            }
            if (Settings.isList(key)) {
                String[] parts = v.split("\\s*[,;]\\s*|\\s+");
                int i = 0;
                for (String part : parts) {
                    if (!part.isBlank()) {
                        m.put(key + "." + i++, part.strip());
                    }
                }
            } else {
                m.put(key, v);
            }
        });
        return new RuleSheet(new TreeMap<>(m));
    }

    /**
     * This sheet with form fields applied over it: each field named as a setting replaces it (a list setting given as
     * one comma-separated field replaces the whole list), a blank field removes it; settings no field names stay.
     */
    public RuleSheet edited(Map<String, String> fields) {
        TreeMap<String, String> m = new TreeMap<>(settings);
        fields.forEach((key, value) -> {
            if (Settings.isList(key)) {
                m.keySet()
                        .removeIf(k -> k.startsWith(key + ".")
                                && k.substring(key.length() + 1).matches("\\d+"));
            } else {
                m.remove(key);
            }
        });
        m.putAll(fromFields(fields).settings);
        return new RuleSheet(m);
    }

    /** This sheet without {@code prefix} and everything under it ({@code segments.restaurants}). */
    public RuleSheet without(String prefix) {
        TreeMap<String, String> m = new TreeMap<>(settings);
        m.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "."));
        return new RuleSheet(m);
    }

    /** Whether {@code key} names a list setting, given in a form as one comma-separated field. */
    public static boolean isList(String key) {
        return Settings.isList(key);
    }

    // ---- reading values ----

    static Reach reach(String s) {
        String c = s.strip().toUpperCase(Locale.ROOT);
        try {
            return Reach.valueOf(c.equals("PHONE") || c.equals("VOICE") ? "CALL" : c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + s + "'; one of email, sms, call, human", e);
        }
    }

    static DayOfWeek day(String s) {
        try {
            return DayOfWeek.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "' is no day of the week (monday … sunday)", e);
        }
    }

    static ZoneId zone(String s) {
        try {
            return ZoneId.of(s.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + s + "' is no time zone (e.g. America/Chicago)", e);
        }
    }

    static Policy.LateFeeWaiver waiver(String s) {
        try {
            return Policy.LateFeeWaiver.valueOf(
                    s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "late fees are waived never, on-full-payment or on-plan, not '" + s + "'", e);
        }
    }

    static BigDecimal amount(String key, String s) {
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an amount like 25000.00, got '" + s + "'", e);
        }
    }

    private static List<String> names(Map<String, String> v, String prefix) {
        Set<String> out = new TreeSet<>();
        v.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .forEach(k -> out.add(k.substring(prefix.length()).split("\\.")[0]));
        return new ArrayList<>(out);
    }

    private static List<String> strings(Map<String, String> v, String key) {
        List<String> out = new ArrayList<>();
        for (int i = 0; v.containsKey(key + "." + i); i++) {
            out.add(v.get(key + "." + i));
        }
        return out;
    }

    private static List<Integer> ints(Map<String, String> v, String key) {
        List<Integer> out = new ArrayList<>();
        for (String s : strings(v, key)) {
            try {
                out.add(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be whole days, got '" + s + "'", e);
            }
        }
        return out;
    }

    private static boolean bool(Map<String, String> v, String key, boolean d) {
        String s = v.get(key);
        if (s == null) {
            return d;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + s + "'");
        };
    }

    private static int integer(Map<String, String> v, String key, int d) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            return d;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + s + "'", e);
        }
    }

    private static double number(Map<String, String> v, String key, double d) {
        if (!v.containsKey(key)) {
            return d;
        }
        try {
            return Double.parseDouble(v.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v.get(key) + "'", e);
        }
    }

    private static LocalTime time(Map<String, String> v, String key, LocalTime d) {
        if (!v.containsKey(key)) {
            return d;
        }
        try {
            return LocalTime.parse(v.get(key).strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a time like 08:00, got '" + v.get(key) + "'", e);
        }
    }

    private static Optional<Money> money(Map<String, String> v, String key, Currency currency) {
        return Optional.ofNullable(v.get(key))
                .filter(s -> !s.isBlank())
                .map(s -> Money.ofMajor(amount(key, s), currency));
    }
}
