package dev.aragent.agent.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled replies the intent classifier learns from, resources in this package: {@code training.tsv} and {@code
 * training-more.tsv} ({@code intent<TAB>lang<TAB>text}, English, Spanish, French and German, written for the
 * classifier) and {@code examples.tsv} ({@code intent<TAB>text}, English). One in five, chosen by a hash of its text, is held back: the
 * classifier that reports its figure on them never saw them; the one the reader uses learns from all.
 */
public final class TrainingSet {
    private static final int HOLD_BACK_ONE_IN = 5;

    /** One labelled reply. */
    public record Example(Intent intent, String lang, String text) {
        /** Whether this example is in the held-back fifth. */
        public boolean heldBack() {
            return Math.floorMod(IntentClassifier.hash(text), HOLD_BACK_ONE_IN) == 0;
        }
    }

    private TrainingSet() {}

    /** Every labelled example. */
    public static List<Example> all() {
        List<Example> out = new ArrayList<>(read("training.tsv", true));
        out.addAll(read("training-more.tsv", true));
        out.addAll(read("examples.tsv", false));
        return List.copyOf(out);
    }

    /** The examples outside the held-back fifth. */
    public static List<Example> tuning() {
        return all().stream().filter(e -> !e.heldBack()).toList();
    }

    /** The held-back fifth. */
    public static List<Example> heldBack() {
        return all().stream().filter(Example::heldBack).toList();
    }

    private static List<Example> read(String resource, boolean withLang) {
        try (InputStream in = TrainingSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("intent training set " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Example> out = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", withLang ? 3 : 2);
                if (f.length != (withLang ? 3 : 2)) {
                    throw new IllegalStateException(resource + " line " + n + ": expected intent<TAB>"
                            + (withLang ? "lang<TAB>" : "") + "text");
                }
                out.add(new Example(
                        Intent.fromCode(f[0]), withLang ? f[1] : "en", f[f.length - 1].replace("\\n", "\n")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
