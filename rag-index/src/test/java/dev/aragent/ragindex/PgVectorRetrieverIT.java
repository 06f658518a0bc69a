package dev.aragent.ragindex;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aragent.agent.spi.Retriever;
import dev.aragent.agent.spi.RetrieverContract;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same contract on PostgreSQL with pgvector. Needs a server with the extension: {@code scripts/pgvector-dev.sh}
 * builds and starts one (CI runs it) and prints the {@code AR_PGVECTOR_URL} to export.
 */
class PgVectorRetrieverIT implements RetrieverContract {
    private static Retriever retriever;

    @BeforeAll
    static void connect() {
        String url = System.getenv("AR_PGVECTOR_URL");
        assumeTrue(
                url != null && !url.isBlank(),
                "pgvector tests skipped: no AR_PGVECTOR_URL. Run `sudo scripts/pgvector-dev.sh` and export the URL it prints.");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        retriever = PgVectorRetriever.create(
                ds, "rag_contract_" + ProcessHandle.current().pid(), EMBEDDER.dimensions());
    }

    @Override
    public Retriever retriever() {
        return retriever;
    }
}
