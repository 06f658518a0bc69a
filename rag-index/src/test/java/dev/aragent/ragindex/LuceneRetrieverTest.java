package dev.aragent.ragindex;

import dev.aragent.agent.spi.Retriever;
import dev.aragent.agent.spi.RetrieverContract;
import org.junit.jupiter.api.AfterAll;

class LuceneRetrieverTest implements RetrieverContract {
    private static final LuceneRetriever RETRIEVER = LuceneRetriever.inMemory();

    @Override
    public Retriever retriever() {
        return RETRIEVER;
    }

    @AfterAll
    static void close() {
        RETRIEVER.close();
    }
}
