package dev.aragent.agent.spi;

class InMemoryRetrieverTest implements RetrieverContract {
    private final InMemoryRetriever retriever = new InMemoryRetriever();

    @Override
    public Retriever retriever() {
        return retriever;
    }
}
