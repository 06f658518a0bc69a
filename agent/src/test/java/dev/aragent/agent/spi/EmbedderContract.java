package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Embedder} adapter must do: one unit vector of the stated dimension per text, in order, the same for
 * the same text however it is asked (alone, in a batch, again, by another instance). Nearness of meaning is not part
 * of it — a hashing embedder sees words, not meanings — so a semantic adapter's runner checks that itself. Blank text
 * is left out: the port does not say what it gives, and the adapters disagree ({@link HashingEmbedder} gives a zero
 * vector, not a unit one; {@code OnnxEmbedder} throws {@code IllegalArgumentException}).
 */
public interface EmbedderContract {
    /**
     * An embedder that remembers nothing yet; tests that compare two answers to one text ask for a second one, so an
     * adapter that caches is checked past its cache too.
     */
    Embedder embedder();

    /** How far two answers for one text may differ: float rounding of the same computation, no more. */
    float ROUNDING = 1e-5f;

    List<String> TEXTS = List.of(
            "We sent the payment yesterday by bank transfer.",
            "Invoice INV-4471 issued 2026-01-05, $2,450.00 unpaid, PO 7781.",
            "Two cases arrived damaged; please credit us.",
            "Zahlung überwiesen — merci, café Señor Pérez.",
            "ok");

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** A call note of some three hundred words: longer than a small model reads at once. */
    static String longText() {
        StringBuilder text = new StringBuilder("Call notes.");
        for (int i = 0; i < 300; i++) {
            text.append(" item").append(i);
        }
        return text.append(" The owner said the walk-in freezer broke and cash is tight.")
                .toString();
    }

    @Test
    default void everyVectorShouldHaveTheStatedDimensionAndUnitLength() {
        Embedder embedder = embedder();
        List<String> texts = new ArrayList<>(TEXTS);
        texts.add(longText());

        List<float[]> vectors = embedder.embed(texts);

        assertThat(embedder.dimensions()).isPositive();
        assertThat(vectors).hasSize(texts.size());
        assertThat(vectors).allSatisfy(v -> {
            assertThat(v).hasSize(embedder.dimensions());
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
        });
    }

    @Test
    default void aBatchShouldGiveWhatTheTextsGiveOneByOneInTheirOrder() {
        List<float[]> batch = embedder().embed(TEXTS);

        Embedder another = embedder();
        assertThat(batch).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            List<float[]> alone = another.embed(List.of(TEXTS.get(i)));
            assertThat(alone).hasSize(1);
            assertThat(batch.get(i))
                    .as("text %d: %s", i, TEXTS.get(i))
                    .containsExactly(alone.getFirst(), within(ROUNDING));
        }
    }

    @Test
    default void theSameTextShouldAlwaysGiveTheSameVector() {
        String text = TEXTS.getFirst();
        Embedder embedder = embedder();

        float[] first = embedder.embed(List.of(text)).getFirst();
        float[] again = embedder.embed(List.of(text)).getFirst();
        float[] elsewhere = embedder().embed(List.of(text)).getFirst();
        List<float[]> twiceInABatch = embedder().embed(List.of(text, TEXTS.get(2), text));

        assertThat(again).containsExactly(first, within(ROUNDING));
        assertThat(elsewhere).containsExactly(first, within(ROUNDING));
        assertThat(twiceInABatch).hasSize(3);
        assertThat(twiceInABatch.get(0)).containsExactly(first, within(ROUNDING));
        assertThat(twiceInABatch.get(2)).containsExactly(first, within(ROUNDING));
    }

    @Test
    default void textsWithNoWordInCommonShouldNotGiveOneVector() {
        List<float[]> v = embedder().embed(List.of(TEXTS.getFirst(), "Two cases arrived damaged."));

        assertThat(dot(v.get(0), v.get(1))).isLessThan(0.99);
    }

    @Test
    default void noTextsShouldGiveNoVectors() {
        assertThat(embedder().embed(List.of())).isEmpty();
    }
}
