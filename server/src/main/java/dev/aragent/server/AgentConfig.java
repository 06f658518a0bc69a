package dev.aragent.server;

import dev.aragent.agent.conversation.Negotiator;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the agent negotiates and writes, from the {@code policy:} and {@code agent:} sections of the settings: the
 * policy book (tenant default, {@code policy.segments.NAME.*}, {@code policy.customers.ID.*}), the consequences stated
 * in firm messages, required disclosures, payment instructions, extra prohibited phrases, the default time zone.
 */
public record AgentConfig(
        PolicyBook policies,
        List<String> consequences,
        List<String> disclosures,
        String paymentInstructions,
        List<String> prohibited,
        ZoneId defaultZone,
        String phone,
        String aiDisclosure,
        String aiDisclosureShort) {

    public AgentConfig {
        consequences = List.copyOf(consequences);
        disclosures = List.copyOf(disclosures);
        prohibited = List.copyOf(prohibited);
    }

    static AgentConfig from(Map<String, String> values, Currency currency) {
        Policy standard = policy(values, "policy.", Policy.standard(), currency);
        Map<String, Policy> segments = new LinkedHashMap<>();
        for (String name : names(values, "policy.segments.")) {
            segments.put(name, policy(values, "policy.segments." + name + ".", standard, currency));
        }
        Map<CustomerKey, Policy> customers = new LinkedHashMap<>();
        for (String id : names(values, "policy.customers.")) {
            customers.put(CustomerKey.of(id), policy(values, "policy.customers." + id + ".", standard, currency));
        }
        return new AgentConfig(
                new PolicyBook(standard, segments, customers),
                list(values, "agent.consequences"),
                list(values, "agent.disclosures"),
                values.getOrDefault(
                        "agent.payment-instructions",
                        "Reply to this email for payment details, or pay as your invoice says."),
                list(values, "agent.prohibited"),
                ZoneId.of(values.getOrDefault("agent.time-zone", "America/New_York")),
                values.getOrDefault("agent.phone", "").strip(),
                disclosure(values, "agent.ai-disclosure", Negotiator.DEFAULT_AI_DISCLOSURE),
                disclosure(values, "agent.ai-disclosure-sms", Negotiator.DEFAULT_AI_DISCLOSURE_SHORT));
    }

    /** The same settings with demo wording (used by {@code ar-agent demo}). */
    public AgentConfig with(
            List<String> consequences, List<String> disclosures, String paymentInstructions, String phone) {
        return new AgentConfig(
                policies,
                consequences,
                disclosures,
                paymentInstructions,
                prohibited,
                defaultZone,
                phone,
                aiDisclosure,
                aiDisclosureShort);
    }

    /** An AI disclosure: on by default; {@code off} (or {@code false}, {@code none}) turns it off for a tenant. */
    private static String disclosure(Map<String, String> v, String key, String fallback) {
        String s = v.getOrDefault(key, fallback).strip();
        return s.matches("(?i)off|false|none|no") ? "" : s;
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
                        .map(s -> Policy.LateFeeWaiver.valueOf(
                                s.strip().toUpperCase(Locale.ROOT).replace('-', '_')))
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

    private static int integer(Map<String, String> v, String key, int fallback) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + s + "'", e);
        }
    }

    private static Optional<Money> money(Map<String, String> v, String key, Currency currency) {
        return Optional.ofNullable(v.get(key)).filter(s -> !s.isBlank()).map(s -> {
            try {
                return Money.ofMajor(new BigDecimal(s.strip()), currency);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " must be an amount like 25000.00, got '" + s + "'", e);
            }
        });
    }

    /** The names under a prefix: {@code policy.segments.enterprise.auto.max-installments} → enterprise. */
    private static List<String> names(Map<String, String> v, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        v.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .filter(k -> k.contains("."))
                .forEach(k -> out.add(k.substring(0, k.indexOf('.'))));
        return List.copyOf(out);
    }

    /** A YAML list ({@code key.0}, {@code key.1}, …) or one value. */
    private static List<String> list(Map<String, String> v, String key) {
        List<String> out = new ArrayList<>();
        if (v.containsKey(key) && !v.get(key).isBlank()) {
            out.add(v.get(key));
        }
        for (int i = 0; v.containsKey(key + "." + i); i++) {
            out.add(v.get(key + "." + i));
        }
        return out;
    }
}
