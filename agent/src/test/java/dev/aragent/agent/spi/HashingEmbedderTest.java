package dev.aragent.agent.spi;

class HashingEmbedderTest implements EmbedderContract {
    @Override
    public Embedder embedder() {
        return new HashingEmbedder();
    }
}
