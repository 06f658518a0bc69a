package dev.aragent.ragindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.grounding.Document;
import dev.aragent.agent.grounding.Grounding;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real model, loaded from its Maven artifact: meaning, not words, decides what is near. */
class OnnxEmbedderIT {
    private static final OnnxEmbedder EMBEDDER = OnnxEmbedder.create();

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void paraphrasesShouldBeCloserThanUnrelatedText() {
        List<float[]> v = EMBEDDER.embed(List.of(
                "We sent the payment yesterday by bank transfer.",
                "The money was wired to you last night.",
                "Two cases of lettuce arrived crushed."));

        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(dot(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void aQuestionInOtherWordsShouldFindTheRightAccountDocument() {
        TenantId t = TenantId.of("onnx");
        try (LuceneRetriever lucene = LuceneRetriever.inMemory()) {
            Grounding g = Grounding.create(
                    EMBEDDER, lucene, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));
            CustomerKey c = CustomerKey.of("C-1");
            g.index(
                    t,
                    List.of(
                            new Document(
                                    t,
                                    c,
                                    DocType.TICKET,
                                    "T-1",
                                    LocalDate.of(2026, 10, 2),
                                    "Support ticket \"Damaged pallet on delivery\": Two cases arrived crushed, need replacement or credit."),
                            new Document(
                                    t,
                                    c,
                                    DocType.INVOICE,
                                    "INV-100231",
                                    LocalDate.of(2026, 9, 1),
                                    "Invoice INV-100231 issued 2026-09-01, due 2026-10-01, $1,250.00, unpaid, PO 7781."),
                            new Document(
                                    t,
                                    c,
                                    DocType.PAYMENT,
                                    "PMT-500001",
                                    LocalDate.of(2026, 8, 15),
                                    "Payment PMT-500001 of $980.00 received 2026-08-15 by ach, applied to INV-100101 ($980.00).")),
                    n -> {});

            List<Passage> broken = g.ask(t, c, "was any of the goods broken when they arrived?", 3);
            List<Passage> paid = g.ask(t, c, "when did they last send us money?", 3);

            assertThat(broken.getFirst().sourceId()).isEqualTo("T-1");
            assertThat(paid.getFirst().sourceId()).isEqualTo("PMT-500001");
        }
    }
}
