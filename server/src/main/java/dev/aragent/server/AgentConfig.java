package dev.aragent.server;

import dev.aragent.agent.conversation.Negotiator;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.rules.RuleSheet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * How the agent negotiates and writes, from the {@code policy:} and {@code agent:} sections of the settings: the
 * policy book (tenant default, {@code policy.segments.NAME.*}, {@code policy.customers.ID.*}), the consequences stated
 * in firm messages, required disclosures, payment instructions, extra prohibited phrases, the default time zone, the
 * confidence from which the agent applies a bank receipt itself ({@code agent.cash-auto-apply-at}, 0.95).
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
        String aiDisclosureShort,
        double cashAutoApplyAt) {

    public AgentConfig {
        if (!(cashAutoApplyAt > 0 && cashAutoApplyAt <= 1)) {
            throw new IllegalArgumentException(
                    "agent.cash-auto-apply-at is a confidence above 0 and at most 1, got " + cashAutoApplyAt);
        }
        consequences = List.copyOf(consequences);
        disclosures = List.copyOf(disclosures);
        prohibited = List.copyOf(prohibited);
    }

    static AgentConfig from(Map<String, String> values, Currency currency) {
        Map<String, String> policy = new java.util.TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("policy.")) {
                policy.put(k, v);
            }
        });
        return new AgentConfig(
                RuleSheet.of(policy).policies(Policy.standard(), currency),
                list(values, "agent.consequences"),
                list(values, "agent.disclosures"),
                values.getOrDefault(
                        "agent.payment-instructions",
                        "Reply to this email for payment details, or pay as your invoice says."),
                list(values, "agent.prohibited"),
                ZoneId.of(values.getOrDefault("agent.time-zone", "America/New_York")),
                values.getOrDefault("agent.phone", "").strip(),
                disclosure(values, "agent.ai-disclosure", Negotiator.DEFAULT_AI_DISCLOSURE),
                disclosure(values, "agent.ai-disclosure-sms", Negotiator.DEFAULT_AI_DISCLOSURE_SHORT),
                confidence(values, "agent.cash-auto-apply-at", 0.95));
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
                aiDisclosureShort,
                cashAutoApplyAt);
    }

    /** A confidence setting: a number above 0 and at most 1. */
    private static double confidence(Map<String, String> v, String key, double fallback) {
        String s = v.getOrDefault(key, "").strip();
        if (s.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is a confidence between 0 and 1, got '" + s + "'", e);
        }
    }

    /** An AI disclosure: on by default; {@code off} (or {@code false}, {@code none}) turns it off for a tenant. */
    private static String disclosure(Map<String, String> v, String key, String fallback) {
        String s = v.getOrDefault(key, fallback).strip();
        return s.matches("(?i)off|false|none|no") ? "" : s;
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
