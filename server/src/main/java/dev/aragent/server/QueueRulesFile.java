package dev.aragent.server;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AR manager's queue rules for one tenant, read from a YAML file (see {@code queue-rules.example.yaml}); keys not
 * given keep {@link QueueRules#defaults()}. An unknown key or a bad value is an error that names the key: a typo must
 * not silently drop a rule.
 */
public final class QueueRulesFile {
    private static final Set<String> TOP = Set.of(
            "contact-window",
            "default-time-zone",
            "caps",
            "cadence",
            "skip-when-credit-memo-pending",
            "exclude-auto-pay",
            "weights",
            "high-value",
            "recovery",
            "schedule",
            "segments",
            "customers");

    private QueueRulesFile() {}

    /** The rules in {@code file}, or the defaults (in {@code zone}) when it does not exist. */
    public static QueueRules load(Path file, ZoneId zone) {
        QueueRules d = QueueRules.defaults();
        if (!Files.isRegularFile(file)) {
            return d.withDefaultZone(zone);
        }
        Map<String, String> v = YamlFiles.leaves(file);
        try {
            return parse(v, d, zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("queue rules " + file + ": " + e.getMessage(), e);
        }
    }

    static QueueRules parse(Map<String, String> v, QueueRules d, ZoneId zone) {
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
                            Optional.ofNullable(v.get(p + "channel")).map(QueueRulesFile::reach),
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
            runDays.add(DayOfWeek.valueOf(s.strip().toUpperCase(Locale.ROOT)));
        }
        long highValue = v.containsKey("high-value")
                ? new BigDecimal(v.get("high-value")).movePointRight(2).longValueExact()
                : d.highValueMinor();
        return new QueueRules(
                window,
                v.containsKey("default-time-zone") ? ZoneId.of(v.get("default-time-zone")) : zone,
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
                recovery.isEmpty() ? d.recovery() : recovery,
                runDays.isEmpty() ? d.runDays() : runDays,
                time(v, "schedule.at", d.runAt()));
    }

    private static Reach reach(String s) {
        String c = s.strip().toUpperCase(Locale.ROOT);
        try {
            return Reach.valueOf(c.equals("PHONE") || c.equals("VOICE") ? "CALL" : c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + s + "'; one of email, sms, call, human", e);
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
        return strings(v, key).stream().map(s -> Integer.parseInt(s.strip())).toList();
    }

    private static boolean bool(Map<String, String> v, String key, boolean d) {
        String s = v.get(key);
        if (s == null) {
            return d;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + s + "'");
        };
    }

    private static int integer(Map<String, String> v, String key, int d) {
        return v.containsKey(key) ? Integer.parseInt(v.get(key).strip()) : d;
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
        return v.containsKey(key) ? LocalTime.parse(v.get(key).strip()) : d;
    }
}
