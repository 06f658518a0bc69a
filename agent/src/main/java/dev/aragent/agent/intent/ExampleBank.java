package dev.aragent.agent.intent;

import dev.aragent.agent.spi.Embedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Labelled example replies (a resource, one {@code intent<TAB>text} per line) and their embeddings: a nearest-neighbour
 * vote over them recognises paraphrases no cue phrase anticipates. Embedded once, on first use.
 */
final class ExampleBank {
    private static final String RESOURCE = "examples.tsv";
    private static final int K = 5;

    record Example(Intent intent, String text) {}

    private final List<Example> examples;
    private final Embedder embedder;
    private volatile List<float[]> vectors;

    private ExampleBank(List<Example> examples, Embedder embedder) {
        this.examples = List.copyOf(examples);
        this.embedder = embedder;
    }

    static ExampleBank load(Embedder embedder) {
        try (InputStream in = ExampleBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("intent example bank " + RESOURCE + " is missing from the classpath");
            }
            return new ExampleBank(
                    parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))), embedder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> parse(BufferedReader reader) throws IOException {
        List<Example> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(RESOURCE + " line " + n + ": expected intent<TAB>text");
            }
            out.add(new Example(
                    Intent.fromCode(line.substring(0, tab)),
                    line.substring(tab + 1).replace("\\n", "\n")));
        }
        return out;
    }

    int size() {
        return examples.size();
    }

    /** Similarity-weighted votes of the nearest examples, summing to 1. */
    Map<Intent, Double> vote(String text) {
        List<float[]> bank = vectors();
        float[] q = embedder.embed(List.of(text)).getFirst();
        List<Integer> nearest = IntStream.range(0, bank.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -dot(q, bank.get(i))))
                .limit(K)
                .toList();
        Map<Intent, Double> votes = new EnumMap<>(Intent.class);
        double total = 0;
        for (int i : nearest) {
            double w = Math.max(0, dot(q, bank.get(i)));
            w = w * w;
            votes.merge(examples.get(i).intent(), w, Double::sum);
            total += w;
        }
        if (total == 0) {
            return Map.of(Intent.OTHER, 1.0);
        }
        double sum = total;
        votes.replaceAll((k, v) -> v / sum);
        return votes;
    }

    private List<float[]> vectors() {
        List<float[]> v = vectors;
        if (v == null) {
            synchronized (this) {
                if (vectors == null) {
                    vectors = List.copyOf(
                            embedder.embed(examples.stream().map(Example::text).toList()));
                }
                v = vectors;
            }
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
