package dev.aragent.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.spi.IntentReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The labelled evaluation set of debtor replies ({@code bench/nlu-eval.jsonl}: text, now, tz, intent, and where the
 * text names them, the expected amounts and dates) and one run of a reader over it.
 */
public final class NluEval {
    public static final String RESOURCE = "/bench/nlu-eval.jsonl";
    public static final String HOLDOUT = "/bench/nlu-holdout.jsonl";
    /** Written independently of the reader, in four languages, before the classifier was tuned; never tuned on. */
    public static final String UNSEEN = "/bench/nlu-unseen.jsonl";
    /**
     * A second set written independently (2026-12-04, by a writer who never saw the reader, its rules or its training
     * data) and run once as it was written; never tuned on.
     */
    public static final String UNSEEN_2 = "/bench/nlu-unseen-2.jsonl";
    /**
     * Written like {@link #UNSEEN_2} by another writer who never saw the reader, then tuned on (its misses read and the
     * readings fixed): how the reader fares on the kind of text the second held-back set holds.
     */
    public static final String DEV = "/bench/nlu-dev.jsonl";
    /** A third writer's set, about sums and dates (every case has its expected sums), tuned on like {@link #DEV}. */
    public static final String DEV_2 = "/bench/nlu-dev-2.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Case(
            IncomingText text,
            Intent intent,
            Optional<List<String>> amounts,
            Optional<List<String>> dates,
            String lang,
            boolean injection) {}

    public record Outcome(Case c, Understanding got, long nanos) {
        public boolean intentRight() {
            return got.intent() == c.intent();
        }

        /** An injected instruction must be flagged, and a text without one must not be. */
        public boolean injectionRight() {
            return got.injection() == c.injection();
        }

        public Optional<Boolean> amountsRight() {
            return c.amounts()
                    .map(a ->
                            a.equals(got.amounts().stream().map(Amount::display).toList()));
        }

        public Optional<Boolean> datesRight() {
            return c.dates()
                    .map(d -> d.equals(
                            got.dates().stream().map(LocalDate::toString).toList()));
        }
    }

    private NluEval() {}

    /** The evaluation set, or {@code file} when given. */
    public static List<Case> load(Optional<Path> file) {
        if (file.isEmpty()) {
            return resource(RESOURCE);
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> resource(String name) {
        try (InputStream in = NluEval.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Case> cases = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                cases.add(parse(line, n));
            }
        }
        return cases;
    }

    private static Case parse(String line, int n) throws IOException {
        JsonNode node = JSON.readTree(line);
        try {
            return new Case(
                    new IncomingText(
                            node.get("text").asText(),
                            Instant.parse(node.get("now").asText()),
                            ZoneId.of(node.get("tz").asText())),
                    Intent.fromCode(node.get("intent").asText()),
                    strings(node.get("amounts"))
                            .map(a -> a.stream()
                                    .map(v -> v.equals("half") ? "50%" : v)
                                    .toList()),
                    strings(node.get("dates")),
                    node.path("lang").asText("en"),
                    node.path("injection").asBoolean(false));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("evaluation set line " + n + ": " + e.getMessage(), e);
        }
    }

    private static Optional<List<String>> strings(JsonNode array) {
        if (array == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return Optional.of(out);
    }

    public static List<Outcome> run(IntentReader reader, List<Case> cases) {
        List<Outcome> out = new ArrayList<>();
        for (Case c : cases) {
            long t0 = System.nanoTime();
            Understanding u = reader.read(c.text());
            out.add(new Outcome(c, u, System.nanoTime() - t0));
        }
        return out;
    }

    public static double accuracy(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::intentRight).count() / (double) outcomes.size();
    }
}
