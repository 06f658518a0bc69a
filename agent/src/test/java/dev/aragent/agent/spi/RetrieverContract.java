package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.grounding.Chunk;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Retriever} adapter must do. Each test uses fresh tenants, so adapters may share one index. */
public interface RetrieverContract {
    Retriever retriever();

    Embedder EMBEDDER = new HashingEmbedder();
    Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    default Grounding grounding() {
        return Grounding.create(EMBEDDER, retriever(), CLOCK);
    }

    default TenantId freshTenant() {
        return TenantId.of("r-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Indexes documents of one tenant. */
    default void index(TenantId t, Document... docs) {
        grounding().index(t, List.of(docs), n -> {});
    }

    /** Asks account C-1 of the tenant. */
    default List<Passage> ask(TenantId t, String question, int k) {
        return grounding().ask(t, CustomerKey.of("C-1"), question, k);
    }

    static Document doc(TenantId t, String account, DocType type, String id, LocalDate date, String text) {
        return new Document(t, CustomerKey.of(account), type, id, date, text);
    }

    @Test
    default void retrieveShouldRankTheMatchingDocumentFirstAndCiteIt() {
        TenantId t = freshTenant();
        index(
                t,
                doc(
                        t,
                        "C-1",
                        DocType.INVOICE,
                        "INV-4471",
                        LocalDate.of(2026, 1, 5),
                        "Invoice INV-4471 issued 2026-01-05, due 2026-02-04, $2,450.00 unpaid, PO 7781."),
                doc(
                        t,
                        "C-1",
                        DocType.NOTE,
                        "N-1",
                        LocalDate.of(2026, 3, 1),
                        "CRM note: customer said two cases arrived damaged and asked for a credit."),
                doc(
                        t,
                        "C-1",
                        DocType.PAYMENT,
                        "PMT-9",
                        LocalDate.of(2026, 2, 1),
                        "Payment PMT-9 of $500.00 received by ACH, applied to INV-4400."));

        List<Passage> damaged = ask(t, "cases arrived damaged credit", 3);
        List<Passage> po = ask(t, "PO 7781 invoice", 3);

        assertThat(damaged.getFirst().sourceId()).isEqualTo("N-1");
        assertThat(damaged.getFirst().type()).isEqualTo(DocType.NOTE);
        assertThat(damaged.getFirst().snippet()).contains("damaged");
        assertThat(damaged.getFirst().citation()).isEqualTo("[note N-1, 2026-03-01]");
        assertThat(po.getFirst().sourceId()).isEqualTo("INV-4471");
        assertThat(damaged).extracting(Passage::sourceId).doesNotHaveDuplicates();
    }

    @Test
    default void anUpdateShouldReplaceAndADeletionRemove() {
        TenantId t = freshTenant();
        index(
                t,
                doc(
                        t,
                        "C-1",
                        DocType.INVOICE,
                        "INV-1",
                        LocalDate.of(2026, 9, 1),
                        "Invoice INV-1 for $100.00, unpaid."));
        index(
                t,
                doc(
                        t,
                        "C-1",
                        DocType.INVOICE,
                        "INV-1",
                        LocalDate.of(2026, 9, 1),
                        "Invoice INV-1 for $100.00, paid in full."));

        List<Passage> found = ask(t, "invoice INV-1", 10);
        assertThat(found).singleElement().satisfies(p -> assertThat(p.snippet()).contains("paid in full"));

        retriever().delete(t, List.of("invoice:INV-1"));
        assertThat(ask(t, "invoice INV-1", 10)).isEmpty();
    }

    @Test
    default void longTextShouldBeChunkedAndFoundByAnyPart() {
        TenantId t = freshTenant();
        StringBuilder text = new StringBuilder("Call notes.");
        for (int i = 0; i < 300; i++) {
            text.append(" filler").append(i);
        }
        text.append(" The owner mentioned the walk-in freezer broke and cash is tight until insurance pays.");
        index(t, doc(t, "C-1", DocType.NOTE, "N-LONG", LocalDate.of(2026, 10, 1), text.toString()));

        assertThat(ask(t, "freezer broke insurance", 1))
                .singleElement()
                .satisfies(p -> assertThat(p.snippet()).contains("freezer"));
    }

    @Test
    default void recencyShouldBreakATie() {
        TenantId t = freshTenant();
        index(
                t,
                doc(t, "C-1", DocType.NOTE, "OLD", LocalDate.of(2024, 1, 1), "Promised to pay by Friday."),
                doc(t, "C-1", DocType.NOTE, "NEW", LocalDate.of(2026, 11, 1), "Promised to pay by Friday."));

        assertThat(ask(t, "promised to pay", 2)).extracting(Passage::sourceId).containsExactly("NEW", "OLD");
    }

    @Test
    default void noDocumentOfAnotherAccountOrTenantShouldEverBeReturned() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        Random random = new Random(7);
        String[] words = {
            "invoice", "payment", "damaged", "friday", "plan", "dispute", "credit", "freezer", "check", "ach"
        };
        for (TenantId t : List.of(a, b)) {
            List<Document> docs = new ArrayList<>();
            for (int acct = 0; acct < 40; acct++) {
                for (int d = 0; d < 8; d++) {
                    String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]
                            + " account " + acct;
                    docs.add(doc(
                            t,
                            "C-" + acct,
                            DocType.NOTE,
                            t + "-" + acct + "-" + d,
                            LocalDate.of(2026, 1 + d, 1),
                            text));
                }
            }
            grounding().index(t, docs, n -> {});
        }
        for (int i = 0; i < 200; i++) {
            TenantId t = i % 2 == 0 ? a : b;
            String account = "C-" + random.nextInt(40);
            int k = List.of(1, 5, 8, 20, 100).get(random.nextInt(5));
            List<Passage> found =
                    grounding().ask(t, CustomerKey.of(account), words[random.nextInt(words.length)] + " account", k);

            assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(Math.min(k, 8));
            assertThat(found).allSatisfy(p -> {
                assertThat(p.account()).isEqualTo(account);
                assertThat(p.sourceId()).startsWith(t + "-");
            });
        }
        assertThat(grounding().askBook(a, "dispute", 100))
                .allSatisfy(p -> assertThat(p.sourceId()).startsWith(a + "-"));
    }

    @Test
    default void chunksShouldCarryTheirDocumentsKey() {
        Chunk c = new Chunk(
                "note:N-1#0",
                doc(freshTenant(), "C-1", DocType.NOTE, "N-1", LocalDate.of(2026, 1, 1), "x"),
                0,
                "x",
                new float[64]);
        assertThat(c.document().key()).isEqualTo("note:N-1");
    }
}
