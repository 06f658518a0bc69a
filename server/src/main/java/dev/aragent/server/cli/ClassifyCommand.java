package dev.aragent.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.console.Views;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent classify}: the intent and entities of a debtor's message, as JSON. */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        header = "Read a debtor's message: intent, confidence and entities as one JSON object.",
        description = {
            "Prints {\"intent\":…, \"confidence\":…, \"amounts\":[\"500.00\"], \"dates\":[\"2026-03-24\"], …}. Dates"
                    + " (\"Friday\", \"the 15th\", \"in two weeks\", \"3/25\") resolve against --now in --tz, the"
                    + " debtor's time zone. Intents: paid_already, promise_to_pay, payment_plan_request, hardship,"
                    + " dispute, wrong_contact, invoice_copy_request, payment_info_request, question, opt_out, auto_reply,"
                    + " escalation_request, other.",
            "With --jsonl, reads one {\"text\":…, \"now\":…, \"tz\":…} object per line on standard input (now and tz"
                    + " optional) and prints one result per line; a bad line prints {\"error\":…} and the rest go on.",
            "Uses the learned classifier (MiniLM embeddings and n-grams) with the rules' extractors, or the LLM when AR_LLM_URL is set."
        })
public final class ClassifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "the message text")
    Optional<String> text = Optional.empty();

    @Option(names = "--now", paramLabel = "ISO-INSTANT", description = "when it was written (default: now)")
    Optional<String> now = Optional.empty();

    @Option(
            names = "--tz",
            paramLabel = "ZONE",
            defaultValue = "UTC",
            description = "the debtor's time zone, e.g. America/Chicago (default: ${DEFAULT-VALUE})")
    String tz = "UTC";

    @Option(names = "--jsonl", description = "read JSON lines on standard input, print one result per line")
    boolean jsonl;

    @picocli.CommandLine.Mixin
    ReaderOptions readers;

    @Override
    public Integer call() throws IOException {
        if (jsonl == text.isPresent()) {
            throw new IllegalArgumentException(
                    "give either TEXT or --jsonl (lines on standard input), not both or neither");
        }
        Instant defaultNow = now.map(ClassifyCommand::instant).orElseGet(Instant::now);
        ZoneId defaultZone = zone(tz);
        IntentReader reader = readers.reader();
        if (!jsonl) {
            print(reader, new IncomingText(text.get(), defaultNow, defaultZone));
            return 0;
        }
        int bad = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject() || !node.path("text").isTextual()) {
                    throw new IllegalArgumentException("expected an object with a \"text\" string");
                }
                Instant at = node.hasNonNull("now") ? instant(node.get("now").asText()) : defaultNow;
                ZoneId zone = node.hasNonNull("tz") ? zone(node.get("tz").asText()) : defaultZone;
                print(reader, new IncomingText(node.get("text").asText(), at, zone));
            } catch (IOException | IllegalArgumentException e) {
                bad++;
                System.out.println(JSON.writeValueAsString(Map.of("error", "line " + n + ": " + e.getMessage())));
            }
        }
        return bad == 0 ? 0 : 1;
    }

    private static void print(IntentReader reader, IncomingText text) throws IOException {
        System.out.println(JSON.writeValueAsString(Views.understanding(reader.read(text))));
        System.out.flush();
    }

    static Instant instant(String iso) {
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(
                        "not an ISO instant: '" + iso + "' (write e.g. 2026-03-17T14:00:00Z)", e2);
            }
        }
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "' (write e.g. America/New_York)", e);
        }
    }
}
