package dev.aragent.agent.intent;

import dev.aragent.agent.spi.Embedder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A learned reader of intent: multinomial logistic regression over two views of a reply, trained on a labelled set of
 * replies in English, Spanish, French and German ({@link TrainingSet}). The lexical view is hashed word uni- and
 * bigrams, words in a negation's scope marked as such ("not paid" is not "paid"), character 3–5-grams (which carry
 * across inflections and languages) and the cue phrases of {@link IntentRules} as features the model weighs rather
 * than verdicts; the semantic view is the reply's embedding through the {@link Embedder} port. Training is
 * deterministic (fixed order, fixed seed): the same rows and embedder give the same weights.
 */
public final class IntentClassifier {
    static final int DIMENSIONS = 1 << 17;
    /**
     * How the classifier learns: passes over the data, AdaGrad's rate, L2 penalty, the weight of character n-grams
     * against whole words, and the scale of the embedding against the (unit-length) lexical view.
     */
    public record Settings(int epochs, double rate, double l2, float charWeight, float denseScale) {
        public static Settings defaults() {
            return new Settings(30, 0.1, 1e-6, 0.3f, 1f); // chosen on an inner split of the tuning examples
        }
    }

    private static final int NEGATION_SCOPE = 3;
    private static final Pattern NEGATOR = Pattern.compile(
            "not|no|never|nothing|nobody|without|cannot|cant|wont|dont|didnt|havent|hasnt|isnt|wasnt|arent|"
                    + "pas|jamais|aucun|aucune|rien|sans|nunca|ningun|ninguna|nada|sin|nicht|kein|keine|keinen|nie|"
                    + "niemals|ohne");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Intent[] INTENTS = Intent.values();

    private final Embedder embedder;
    private final float[][] weights; // [intent][lexical hash, then embedding dimensions]
    private final float[] bias;
    private final Settings settings;

    private IntentClassifier(Embedder embedder, float[][] weights, float[] bias, Settings settings) {
        this.embedder = embedder;
        this.weights = weights;
        this.bias = bias;
        this.settings = settings;
    }
    /** Fits on {@code examples} with the default settings. */
    public static IntentClassifier train(List<TrainingSet.Example> examples, Embedder embedder) {
        return train(examples, embedder, Settings.defaults());
    }

    /** Fits on {@code examples}: every text is embedded once, then passes of AdaGrad. */
    public static IntentClassifier train(List<TrainingSet.Example> examples, Embedder embedder, Settings settings) {
        List<Vector> xs =
                vectors(examples.stream().map(TrainingSet.Example::text).toList(), embedder, settings);
        int width = DIMENSIONS + embedder.dimensions();
        float[][] w = new float[INTENTS.length][width];
        float[] b = new float[INTENTS.length];
        float[][] g2 = new float[INTENTS.length][width];
        float[] gb = new float[INTENTS.length];
        int[] order = new int[xs.size()];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(17);
        double[] p = new double[INTENTS.length];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int n : order) {
                Vector x = xs.get(n);
                scores(w, b, x, p);
                softmax(p);
                int label = examples.get(n).intent().ordinal();
                for (int k = 0; k < INTENTS.length; k++) {
                    double g = p[k] - (k == label ? 1 : 0);
                    if (Math.abs(g) < 1e-4) {
                        continue;
                    }
                    for (int f = 0; f < x.index.length; f++) {
                        update(w[k], g2[k], x.index[f], g * x.value[f], settings);
                    }
                    for (int d = 0; d < x.dense.length; d++) {
                        update(w[k], g2[k], DIMENSIONS + d, g * x.dense[d], settings);
                    }
                    gb[k] += (float) (g * g);
                    b[k] -= (float) (settings.rate() * g / Math.sqrt(gb[k] + 1e-8));
                }
            }
        }
        return new IntentClassifier(embedder, w, b, settings);
    }

    private static void update(float[] w, float[] g2, int i, double g, Settings settings) {
        double grad = g + settings.l2() * w[i];
        g2[i] += (float) (grad * grad);
        w[i] -= (float) (settings.rate() * grad / Math.sqrt(g2[i] + 1e-8));
    }

    /** The probability of each intent for {@code text}, summing to 1. */
    public Map<Intent, Double> probabilities(String text) {
        Vector x = vectors(List.of(text), embedder, settings).getFirst();
        double[] p = new double[INTENTS.length];
        scores(weights, bias, x, p);
        softmax(p);
        Map<Intent, Double> out = new EnumMap<>(Intent.class);
        for (Intent i : INTENTS) {
            out.put(i, p[i.ordinal()]);
        }
        return out;
    }

    private static void scores(float[][] w, float[] b, Vector x, double[] out) {
        for (int k = 0; k < out.length; k++) {
            double s = b[k];
            float[] wk = w[k];
            for (int f = 0; f < x.index.length; f++) {
                s += wk[x.index[f]] * x.value[f];
            }
            for (int d = 0; d < x.dense.length; d++) {
                s += wk[DIMENSIONS + d] * x.dense[d];
            }
            out[k] = s;
        }
    }

    private static void softmax(double[] s) {
        double max = Arrays.stream(s).max().orElse(0);
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
    }

    /** One reply as the model reads it: sparse lexical features (unit length) and its embedding. */
    private record Vector(int[] index, float[] value, float[] dense) {}

    private static List<Vector> vectors(List<String> texts, Embedder embedder, Settings settings) {
        List<float[]> dense = embedder.embed(texts);
        List<Vector> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Map<Integer, Float> sparse = lexical(texts.get(i), settings.charWeight());
            int[] index = new int[sparse.size()];
            float[] value = new float[sparse.size()];
            double norm = 0;
            int k = 0;
            for (Map.Entry<Integer, Float> e : sparse.entrySet()) {
                index[k] = e.getKey();
                value[k] = e.getValue();
                norm += value[k] * value[k];
                k++;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < value.length; j++) {
                value[j] *= scale;
            }
            float[] d = dense.get(i);
            if (settings.denseScale() != 1f) {
                d = d.clone();
                for (int j = 0; j < d.length; j++) {
                    d[j] *= settings.denseScale();
                }
            }
            out.add(new Vector(index, value, d));
        }
        return out;
    }

    /** The lexical features of a text, hashed, with their counts. */
    static Map<Integer, Float> lexical(String text, float charWeight) {
        Map<Integer, Float> f = new HashMap<>();
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("")
                .replace("n't", " not")
                .replace("n’t", " not")
                .replaceAll("\\d+", "0");
        String[] tokens = SPLIT.split(folded.strip());
        int negated = 0;
        String previous = "^";
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            add(f, "w:" + t, 1);
            add(f, "b:" + previous + "_" + t, 1);
            if (negated > 0) {
                add(f, "n:" + t, 1);
                negated--;
            }
            if (NEGATOR.matcher(t).matches()) {
                negated = NEGATION_SCOPE;
            }
            String padded = "<" + t + ">";
            for (int n = 3; n <= 5; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    add(f, "c:" + padded.substring(s, s + n), charWeight);
                }
            }
            previous = t;
        }
        add(f, "b:" + previous + "_$", 1);
        IntentRules.score(text).forEach((intent, w) -> add(f, "cue:" + intent.code(), (float) Math.min(w, 3.0)));
        if (text.contains("?")) {
            add(f, "shape:question", 1);
        }
        add(f, tokens.length <= 4 ? "shape:short" : tokens.length <= 40 ? "shape:medium" : "shape:long", 1);
        return f;
    }

    private static void add(Map<Integer, Float> f, String feature, float weight) {
        f.merge(Math.floorMod(hash(feature), DIMENSIONS), weight, Float::sum);
    }

    /** FNV-1a over the UTF-16 units: stable across runs and JVMs, unlike {@code String.hashCode} spread. */
    static int hash(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }
}
