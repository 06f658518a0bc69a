package dev.aragent.prompts;

import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.spi.IntentReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads intents with an LLM's structured output. The LLM proposes; the rules dispose: an amount, date, invoice number
 * or contact detail survives only if the deterministic extractors find it in the text too, the injection flag is
 * always the rules' (and an injected message is read as {@code other}), a texting STOP is always an opt-out, and when
 * the endpoint fails or answers nonsense the rules reader answers instead.
 */
public final class SpringAiIntentReader implements IntentReader {
    private static final Logger LOG = LoggerFactory.getLogger(SpringAiIntentReader.class);
    private static final String SYSTEM = String.join("\n", Templates.lines("intent-system.txt"));

    /** The JSON the LLM is asked for. */
    record LlmReading(
            String intent,
            double confidence,
            List<String> amounts,
            List<String> dates,
            List<String> invoice_numbers,
            String new_email,
            String new_phone,
            String contact_name,
            String dispute_reason) {}

    private final LlmEndpoint endpoint;
    private final IntentReader fallback;

    private SpringAiIntentReader(LlmEndpoint endpoint, IntentReader fallback) {
        this.endpoint = endpoint;
        this.fallback = fallback;
    }

    /** {@code fallback}: the rules reader, used when the LLM fails. */
    public static SpringAiIntentReader create(LlmEndpoint endpoint, IntentReader fallback) {
        return new SpringAiIntentReader(endpoint, fallback);
    }

    @Override
    public Understanding read(IncomingText text) {
        LlmReading llm;
        try {
            llm = endpoint.client()
                    .prompt()
                    .system(SYSTEM)
                    .user("Message time: " + text.at() + " (" + text.zone() + "; local date "
                            + DateTimeFormatter.ISO_LOCAL_DATE.format(text.today()) + ")\n"
                            + "Debtor's message, between the markers:\n<<<MESSAGE\n" + text.text() + "\nMESSAGE>>>")
                    .call()
                    .entity(LlmReading.class);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("LLM intent reading failed; using the rules");
            return fallback.read(text);
        }
        Optional<Intent> intent =
                Optional.ofNullable(llm).map(LlmReading::intent).flatMap(SpringAiIntentReader::intent);
        if (intent.isEmpty() || !(llm.confidence() >= 0 && llm.confidence() <= 1)) {
            LOG.atWarn().log("LLM intent reading unusable; using the rules");
            return fallback.read(text);
        }
        Understanding entities = RuleIntentReader.entities(text);
        // a STOP stays an opt-out and an instruction to the agent stays nothing it asks for, whatever the model says
        Intent read = RuleIntentReader.overriding(text, entities).orElse(intent.get());
        return checked(llm, read, entities, "llm:" + endpoint.model());
    }

    private static Optional<Intent> intent(String code) {
        try {
            return Optional.of(Intent.fromCode(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Keeps of the LLM's entities only those the rules also find in the text. */
    static Understanding checked(LlmReading llm, Intent intent, Understanding rules, String reader) {
        List<Amount> amounts = rules.amounts().stream()
                .filter(a -> contains(llm.amounts(), a.display()))
                .toList();
        List<LocalDate> dates = rules.dates().stream()
                .filter(d -> contains(llm.dates(), d.toString()))
                .toList();
        List<String> invoices = rules.invoiceNumbers().stream()
                .filter(n -> contains(llm.invoice_numbers(), n))
                .toList();
        return new Understanding(
                intent,
                Math.round(llm.confidence() * 100) / 100.0,
                List.of(),
                amounts,
                dates,
                invoices,
                rules.newEmail().filter(e -> e.equalsIgnoreCase(String.valueOf(llm.new_email()))),
                rules.newPhone(),
                rules.contactName(),
                rules.disputeReason()
                        .or(() -> Optional.ofNullable(llm.dispute_reason())
                                .filter(r -> !r.isBlank())
                                .map(r -> "stated: " + r.strip())),
                rules.injection(),
                reader);
    }

    private static boolean contains(List<String> values, String wanted) {
        return values != null
                && values.stream()
                        .filter(v -> v != null)
                        .map(v -> v.strip()
                                .toUpperCase(Locale.ROOT)
                                .replace("$", "")
                                .replace(",", ""))
                        .anyMatch(v -> v.equals(wanted.toUpperCase(Locale.ROOT)));
    }
}
