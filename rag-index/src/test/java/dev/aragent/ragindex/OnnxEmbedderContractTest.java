package dev.aragent.ragindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.EmbedderContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OnnxEmbedder} against the contract, and what only a model of meaning does: near meanings are near, words
 * aside. The model loads once per JVM from its Maven artifact (about 0.6 s); every instance made after that shares it
 * and starts with nothing remembered, so the contract sees past the cache.
 */
class OnnxEmbedderContractTest implements EmbedderContract {
    private static final OnnxEmbedder SHARED = OnnxEmbedder.create();

    @Override
    public Embedder embedder() {
        return OnnxEmbedder.create();
    }

    @Test
    void aPromiseInOtherWordsShouldBeNearerThanAnUnrelatedSentence() {
        List<float[]> v = SHARED.embed(List.of(
                "I will pay the invoice next Friday.",
                "We'll settle the bill by the end of next week.",
                "The delivery truck broke down on the highway."));

        assertThat(EmbedderContract.dot(v.get(0), v.get(1)))
                .isGreaterThan(EmbedderContract.dot(v.get(0), v.get(2)) + 0.1);
    }

    @Test
    void aQuestionShouldBeNearestTheSentenceThatAnswersItInOtherWords() {
        float[] question =
                SHARED.embed(List.of("Did any of the goods arrive broken?")).getFirst();
        List<float[]> sentences = SHARED.embed(List.of(
                "Payment of $980.00 was sent by ACH on Monday.",
                "Two cases were crushed when the pallet was delivered.",
                "Please send future invoices to our new billing address."));

        int nearest = 0;
        for (int i = 1; i < sentences.size(); i++) {
            if (EmbedderContract.dot(question, sentences.get(i))
                    > EmbedderContract.dot(question, sentences.get(nearest))) {
                nearest = i;
            }
        }
        assertThat(nearest).isEqualTo(1);
    }
}
