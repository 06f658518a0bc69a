package dev.aragent.agent.spi;

/**
 * Speech synthesis for calls that carry audio (Media Streams): text in, 8 kHz 16-bit linear PCM out. Callers pass a
 * sentence at a time so the first one is heard while the next is made. Adapters: voice-bridge
 * ({@code EspeakTextToSpeech}, offline); cloud ones plug in here.
 */
public interface TextToSpeech {
    short[] speak(String sentence);
}
