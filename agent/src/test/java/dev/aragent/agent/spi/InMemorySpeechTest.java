package dev.aragent.agent.spi;

class InMemorySpeechTest implements SpeechContract {
    private final InMemorySpeech speech = new InMemorySpeech();

    @Override
    public TextToSpeech tts() {
        return speech;
    }

    @Override
    public SpeechToText stt() {
        return speech;
    }
}
