package dev.aragent.ragindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Retriever;
import dev.aragent.agent.spi.RetrieverContract;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same contract on PostgreSQL with pgvector. Needs a server with the extension: {@code scripts/pgvector-dev.sh}
 * builds and starts one (CI runs it) and prints the {@code AR_PGVECTOR_URL} to export.
 */
class PgVectorRetrieverIT implements RetrieverContract {
    private static Retriever retriever;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void connect() {
        String url = System.getenv("AR_PGVECTOR_URL");
        assumeTrue(
                url != null && !url.isBlank(),
                "pgvector tests skipped: no AR_PGVECTOR_URL. Run `sudo scripts/pgvector-dev.sh` and export the URL it prints.");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        dataSource = ds;
        retriever = PgVectorRetriever.create(
                ds, "rag_contract_" + ProcessHandle.current().pid(), EMBEDDER.dimensions());
    }

    @org.junit.jupiter.api.Test
    void aBulkLoadBuildsTheVectorIndexOnceAndAnswersAsBefore() throws Exception {
        PgVectorRetriever bulk = PgVectorRetriever.create(
                dataSource, "rag_bulk_" + ProcessHandle.current().pid(), EMBEDDER.dimensions());
        try {
            TenantId t = freshTenant();
            var grounding = dev.aragent.agent.grounding.Grounding.create(EMBEDDER, bulk, CLOCK);
            bulk.bulkLoad(
                    () -> {
                        for (int i = 0; i < 60; i++) {
                            grounding.index(
                                    t,
                                    java.util.List.of(RetrieverContract.doc(
                                            t,
                                            "A-" + (i % 3),
                                            DocType.NOTE,
                                            "N-" + i,
                                            LocalDate.of(2026, 1, 1 + i % 28),
                                            "note " + i
                                                    + (i == 42
                                                            ? " the pallet arrived crushed and wet"
                                                            : " routine call"))),
                                    n -> {});
                        }
                    },
                    "64MB",
                    1);
            try (var c = dataSource.getConnection();
                    var rs = c.createStatement()
                            .executeQuery("select count(*) from pg_indexes where indexname = 'rag_bulk_"
                                    + ProcessHandle.current().pid() + "_hnsw'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            var passages = grounding.ask(t, dev.aragent.agent.ledger.CustomerKey.of("A-0"), "crushed pallet", 3);
            assertThat(passages.getFirst().sourceId()).isEqualTo("N-42");
            assertThatThrownBy(() -> bulk.bulkLoad(() -> {}, "lots", 1)).hasMessageContaining("512MB");
        } finally {
            bulk.drop();
        }
    }

    @Override
    public Retriever retriever() {
        return retriever;
    }
}
