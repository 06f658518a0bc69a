package dev.aragent.agent.intent;

import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.IntentReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default reader, with no LLM: cue-phrase rules decide when they are sure; a nearest-neighbour vote over a
 * labelled example bank (embedded through the {@link Embedder} port) weighs in everywhere and decides alone when no
 * cue fires. Entities come from deterministic extractors whatever decided the intent.
 */
public final class RuleIntentReader implements IntentReader {
    private static final double RULE_WEIGHT = 0.6;
    /** Words about who handles the account, without which a message is not read as "not the right person". */
    private static final java.util.regex.Pattern SOMEONE_ELSE = java.util.regex.Pattern.compile("(?i)\\b(?:wrong|"
            + "not (?:me|mine|my|the right|responsible|in charge)|isn'?t (?:me|mine|my)|never heard|(?:don'?t|do not|no"
            + " longer) (?:work|handle|deal)|left (?:the|this) (?:company|firm)|some(?:one|body) else|another (?:person|"
            + "department)|colleague|bookkeeper|accountant|controller|payables|department|moved to|retired)\\b");
    /** Words without which a message is not read as asking for a call. */
    private static final java.util.regex.Pattern CALL_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(?:call|calls|calling|phone|ring|speak|talk|cell|mobile|number|llam\\w*|appel\\w*|anruf\\w*)\\b");

    private final ExampleBank bank;

    private RuleIntentReader(ExampleBank bank) {
        this.bank = bank;
    }

    public static RuleIntentReader create(Embedder embedder) {
        return new RuleIntentReader(ExampleBank.load(embedder));
    }

    @Override
    public Understanding read(IncomingText text) {
        Understanding entities = entities(text);
        String body = text.text().strip();
        if (body.isEmpty()) {
            return entities.withIntent(Intent.OTHER, 0.5, List.of(), "rules");
        }
        Map<Intent, Double> rules = new EnumMap<>(Intent.class);
        rules.putAll(IntentRules.score(body));
        if (entities.disputeReason().isPresent()) {
            rules.merge(Intent.DISPUTE, IntentRules.STRONG + 0.5, Double::sum);
        }
        Map<Intent, Double> votes = bank.vote(body);
        Map<Intent, Double> combined = combine(rules, votes);
        Set<Intent> strong = rules.entrySet().stream()
                .filter(e -> e.getValue() >= IntentRules.STRONG)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Intent.class)));
        if (strong.contains(Intent.OPT_OUT)
                && strong.contains(Intent.WRONG_CONTACT)
                && entities.newEmail().isPresent()) {
            strong.remove(Intent.OPT_OUT); // "stop sending it here, use billing@…" redirects; it does not refuse
        }
        Intent primary = strong.isEmpty()
                ? entities.injection() ? Intent.OTHER : argmax(combined)
                : IntentRules.PRIORITY.stream()
                        .filter(strong::contains)
                        .findFirst()
                        .orElseThrow();
        boolean callWords =
                CALL_WORDS.matcher(body).find() || entities.newPhone().isPresent();
        boolean someoneElse = entities.newEmail().isPresent()
                || entities.contactName().isPresent()
                || SOMEONE_ELSE.matcher(body).find();
        if ((primary == Intent.OPT_OUT
                        || primary == Intent.ESCALATION_REQUEST && !callWords
                        || primary == Intent.WRONG_CONTACT && !someoneElse)
                && !strong.contains(primary)) {
            // what changes whom we may write to is read from words, never from resemblance alone: stopping all
            // contact ("no, that won't work for us"), a call ("yes, let's do that"), not being the right person ("no,
            // that is too much") — a wrong contact is suppressed on every channel
            Map<Intent, Double> rest = new EnumMap<>(combined);
            rest.remove(Intent.OPT_OUT);
            rest.remove(Intent.ESCALATION_REQUEST);
            rest.remove(Intent.WRONG_CONTACT);
            primary = rest.isEmpty() ? Intent.OTHER : argmax(rest);
        }
        primary = refine(primary, entities);
        double confidence = Math.min(0.99, combined.getOrDefault(primary, 0.0) + (strong.contains(primary) ? 0.25 : 0));
        confidence = Math.max(0.05, Math.round(confidence * 100) / 100.0);
        List<Intent> also = new ArrayList<>();
        for (Intent i : IntentRules.PRIORITY) {
            if (i != primary && i != Intent.OTHER && (strong.contains(i) || combined.getOrDefault(i, 0.0) >= 0.3)) {
                also.add(i);
            }
        }
        return entities.withIntent(primary, confidence, also, strong.isEmpty() ? "examples" : "rules");
    }

    /** Entities only (intent {@code other}): what the rules find in any text, to check another reader's entities. */
    public static Understanding entities(IncomingText text) {
        String body = text.text();
        return new Understanding(
                Intent.OTHER,
                0.0,
                List.of(),
                Amounts.find(body),
                Dates.find(body, text.today()),
                Entities.invoiceNumbers(body),
                Entities.email(body),
                Entities.phone(body),
                Entities.contactName(body),
                Entities.disputeReason(body),
                Entities.injection(body),
                "rules");
    }

    /**
     * A promise of part now and the rest later is a plan proposal; a question or remark that names an amount and a
     * date ("how about $400 today and $400 in a month?") is a proposal too.
     */
    private static Intent refine(Intent primary, Understanding entities) {
        if ((primary == Intent.QUESTION || primary == Intent.OTHER)
                && !entities.amounts().isEmpty()
                && !entities.dates().isEmpty()
                && !entities.injection()) {
            primary = Intent.PROMISE_TO_PAY;
        }
        if (primary == Intent.PROMISE_TO_PAY) {
            boolean split = entities.amounts().stream()
                    .anyMatch(a -> a.kind() == Amount.Kind.SHARE || a.kind() == Amount.Kind.REST);
            if (split || (entities.dates().size() >= 2 && entities.amounts().size() >= 2)) {
                return Intent.PAYMENT_PLAN_REQUEST;
            }
        }
        return primary;
    }

    private static Map<Intent, Double> combine(Map<Intent, Double> rules, Map<Intent, Double> votes) {
        Map<Intent, Double> combined = new EnumMap<>(Intent.class);
        if (rules.isEmpty()) {
            combined.putAll(votes);
            return combined;
        }
        double total = rules.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Intent i : Intent.values()) {
            double r = rules.getOrDefault(i, 0.0) / total;
            double v = votes.getOrDefault(i, 0.0);
            if (r > 0 || v > 0) {
                combined.put(i, RULE_WEIGHT * r + (1 - RULE_WEIGHT) * v);
            }
        }
        return combined;
    }

    private static Intent argmax(Map<Intent, Double> scores) {
        return scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(Intent.OTHER);
    }
}
