package dev.aragent.agent.intent;

import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.IntentReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default reader, with no LLM: a learned classifier ({@link IntentClassifier}, trained on first use from the
 * labelled set in this package) decides the intent; rules find what rules do best — amounts, dates, invoice numbers,
 * contacts, injected instructions — and hold two lines: an injected instruction makes the reading {@code other}
 * whatever else the text says, and what changes whom we may write to (stop, call me, not me) needs words to that
 * effect or a confident reading, never resemblance alone.
 */
public final class RuleIntentReader implements IntentReader {
    /** Below this, a reading that stops outreach or changes its channel needs words that say so. */
    private static final double SURE = 0.6;
    /** Words about who handles the account, without which a message is not read as "not the right person". */
    private static final java.util.regex.Pattern SOMEONE_ELSE = java.util.regex.Pattern.compile("(?iuU)\\b(?:wrong|"
            + "not (?:me|mine|my|the right|responsible|in charge)|isn'?t (?:me|mine|my)|never heard|(?:don'?t|do not|no"
            + " longer) (?:work|handle|deal)|left (?:the|this) (?:company|firm)|some(?:one|body) else|another (?:person|"
            + "department)|colleague|bookkeeper|accountant|controller|payables|department|moved to|retired|"
            + "zuständig|nicht mehr|kollegin|kollege|buchhaltung|responsable|ya no|compañer[oa]|contabilidad|"
            + "mauvais numéro|mauvaise personne|número equivocado|falsche nummer|falsch verbunden|"
            + "plus (?:chez|dans|en charge)|collègue|comptabilité)\\b");
    /** Words without which a message is not read as asking for a call. */
    private static final java.util.regex.Pattern CALL_WORDS = java.util.regex.Pattern.compile(
            "(?iuU)\\b(?:call|calls|calling|phone|ring|speak|talk|cell|mobile|number|llam\\w*|appel\\w*|anruf\\w*|"
                    + "telefon\\w*|t[ée]l[ée]phon\\w*|rappel\\w*|hablar|parler|sprechen|zurückrufen|rückruf\\w*|"
                    + "escalat\\w*|supervisor|manager|human|real person|contact me|contactez|contácte\\w*|contacte\\w*|"
                    + "kontaktieren|vorgesetzte\\w*|responsable|gerente|persona)\\b");
    /**
     * Words of a complaint about us (our reminders, service or tone): a complaint goes to a person as an escalation
     * does, with or without a call asked for.
     */
    private static final java.util.regex.Pattern COMPLAINT = java.util.regex.Pattern.compile(
            "(?iuU)\\b(?:harass\\w*|ridiculous|useless|unacceptable|annoying|insult\\w*|rude|complain\\w*|fed up|"
                    + "sick of|a joke|ashamed|bombard\\w*|hart[oa]s|acos(?:o|ar|ando|an|en|arnos)|queja|p[ée]simo|"
                    + "inaceptable|falta de respeto|harcel\\w*|inadmissible|lamentable|insupportable|r[ée]clamation|"
                    + "d[ée]sagr[ée]able|beläst\\w*|beschwer\\w*|unverschämt\\w*|respektlos|nerv(?:t|en)|katastrophe|frechheit|"
                    + "zumutung|scandaleux|inacceptable|vergonzoso|indignante)\\b");
    /** Words that ask for a phone call itself (not merely for a person). */
    private static final java.util.regex.Pattern PHONE_CALL = java.util.regex.Pattern.compile(
            "(?iuU)\\b(?:call|calls|calling|phone|ring|llam\\w*|appel\\w*|rappel\\w*|anruf\\w*|telefon\\w*|"
                    + "t[ée]l[ée]phon\\w*|zurückrufen|rückruf\\w*)\\b");
    /** A texting keyword that stops messages whatever follows it (carriers require it be honoured). */
    private static final java.util.regex.Pattern STOP_KEYWORD = java.util.regex.Pattern.compile(
            "(?iuU)^\\W*(?:stop|stopall|unsubscribe|cancel|end|quit|arr[eê]t(?:e|ez)?|baja)(?:\\W*$|\\s*[.!,;]"
                    + "|\\s+(?:please|pls|texting|messaging|contacting|sending|emailing|calling|writing|it|this|these|all|"
                    + "me|now)\\b)");

    private static final Map<String, IntentClassifier> TRAINED = new java.util.concurrent.ConcurrentHashMap<>();

    private final IntentClassifier classifier;

    private RuleIntentReader(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * A reader whose classifier learns from every labelled example. Trained once per embedder model in this process
     * (an embedder is a pure function of its text, so the same model gives the same weights).
     */
    public static RuleIntentReader create(Embedder embedder) {
        String key = embedder.getClass().getName() + "/" + embedder.dimensions();
        return new RuleIntentReader(
                TRAINED.computeIfAbsent(key, k -> IntentClassifier.train(TrainingSet.all(), embedder)));
    }

    /** A reader over a given classifier: the held-back figure is measured with one that never saw those examples. */
    public static RuleIntentReader of(IntentClassifier classifier) {
        return new RuleIntentReader(classifier);
    }

    /**
     * What no reader may read otherwise, whatever it proposes: a texting STOP keyword is an opt-out (carriers require it
     * be honoured), and a message that tries to instruct the agent is read as nothing it asks for.
     */
    public static Optional<Intent> overriding(IncomingText text, Understanding entities) {
        if (entities.injection()) {
            return Optional.of(Intent.OTHER);
        }
        return STOP_KEYWORD.matcher(text.text().strip()).find() ? Optional.of(Intent.OPT_OUT) : Optional.empty();
    }

    @Override
    public Understanding read(IncomingText text) {
        Understanding entities = entities(text);
        String body = text.text().strip();
        if (body.isEmpty()) {
            return entities.withIntent(Intent.OTHER, 0.5, List.of(), "classifier");
        }
        Map<Intent, Double> p = classifier.probabilities(body);
        Set<Intent> strong = IntentRules.score(body).entrySet().stream()
                .filter(e -> e.getValue() >= IntentRules.STRONG)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Intent.class)));
        Intent primary =
                entities.injection() ? Intent.OTHER : STOP_KEYWORD.matcher(body).find() ? Intent.OPT_OUT : argmax(p);
        boolean forAPerson = CALL_WORDS.matcher(body).find()
                || entities.newPhone().isPresent()
                || COMPLAINT.matcher(body).find();
        boolean someoneElse = entities.newEmail().isPresent()
                || entities.contactName().isPresent()
                || SOMEONE_ELSE.matcher(body).find();
        boolean unsure = p.get(primary) < SURE
                && !strong.contains(primary)
                && !(primary == Intent.OPT_OUT && STOP_KEYWORD.matcher(body).find());
        if (primary == Intent.OPT_OUT && unsure
                || primary == Intent.ESCALATION_REQUEST && !forAPerson
                || primary == Intent.WRONG_CONTACT && !someoneElse && unsure) {
            // what changes whom we may write to is read from words, never from resemblance alone: stopping all
            // contact ("no, that won't work for us"), a call ("yes, let's do that"), not being the right person ("no,
            // that is too much") — a wrong contact is suppressed on every channel
            Map<Intent, Double> rest = new EnumMap<>(p);
            rest.remove(Intent.OPT_OUT);
            rest.remove(Intent.ESCALATION_REQUEST);
            rest.remove(Intent.WRONG_CONTACT);
            primary = argmax(rest);
        }
        primary = refine(primary, entities);
        if (complained(body, primary, entities, p)) {
            primary = Intent.ESCALATION_REQUEST;
        }
        double confidence = Math.max(0.05, Math.min(0.99, Math.round(p.get(primary) * 100) / 100.0));
        List<Intent> also = new ArrayList<>();
        for (Intent i : Intent.values()) {
            if (i != primary && i != Intent.OTHER && (p.get(i) >= 0.2 || strong.contains(i))) {
                also.add(i);
            }
        }
        return entities.withIntent(primary, confidence, also, "classifier");
    }

    /** Entities only (intent {@code other}): what the rules find in any text, to check another reader's entities. */
    public static Understanding entities(IncomingText text) {
        String body = text.text();
        return new Understanding(
                Intent.OTHER,
                0.0,
                List.of(),
                Amounts.find(body),
                Dates.find(body, text.today(), dayFirst(text.zone())),
                Entities.invoiceNumbers(body),
                Entities.email(body),
                Entities.phone(body),
                Entities.contactName(body),
                Entities.disputeReason(body),
                Entities.injection(body),
                "rules");
    }

    /** Whether dates like "3/4" are day first where the debtor is: everywhere but the US and Canada. */
    /**
     * Whether a message complains about us (our reminders, service or tone) without asking for a call: a person
     * answers it, and it is no consent to be called by the agent's voice.
     */
    public static boolean complaintWithoutACall(String text) {
        return COMPLAINT.matcher(text).find() && !PHONE_CALL.matcher(text).find();
    }

    static boolean dayFirst(java.time.ZoneId zone) {
        String id = zone.getId();
        if (id.startsWith("US/") || id.startsWith("Canada/") || id.equals("Pacific/Honolulu")) {
            return false;
        }
        if (!id.startsWith("America/")) {
            return !(id.equals("UTC") || id.equals("Z") || id.startsWith("Etc/") || id.equals("GMT"));
        }
        return java.util.Set.of(
                        "America/Mexico_City",
                        "America/Bogota",
                        "America/Lima",
                        "America/Santiago",
                        "America/Buenos_Aires",
                        "America/Argentina/Buenos_Aires",
                        "America/Sao_Paulo",
                        "America/Caracas",
                        "America/Montevideo",
                        "America/Guatemala",
                        "America/Monterrey",
                        "America/Tijuana",
                        "America/Panama",
                        "America/Asuncion",
                        "America/La_Paz",
                        "America/Guayaquil",
                        "America/Santo_Domingo",
                        "America/Costa_Rica")
                .contains(id);
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

    /** Complaint words and the learned model's own hint of an escalation: enough to lean on a person. */
    private static final double COMPLAINT_HINT = 0.1;

    /**
     * A complaint about us (our reminders, service or tone) goes to a person, where the agent would otherwise answer it
     * with a generic reply: read as an auto-reply, a question, nothing in particular, hardship, or a promise without a
     * day ("you'll get paid when we get paid"). A dispute, a claim of payment, an opt-out or a dated promise keep their
     * own handling (each has its own person or check).
     */
    private static boolean complained(String body, Intent primary, Understanding entities, Map<Intent, Double> p) {
        boolean generic =
                switch (primary) {
                    case AUTO_REPLY, QUESTION, OTHER, HARDSHIP -> true;
                    case PROMISE_TO_PAY -> entities.dates().isEmpty();
                    default -> false;
                };
        return generic
                && !entities.injection()
                && COMPLAINT.matcher(body).find()
                && p.get(Intent.ESCALATION_REQUEST) >= COMPLAINT_HINT;
    }

    private static Intent argmax(Map<Intent, Double> scores) {
        return scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(Intent.OTHER);
    }
}
