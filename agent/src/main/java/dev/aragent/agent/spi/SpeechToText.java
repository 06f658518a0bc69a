package dev.aragent.agent.spi;

import java.util.List;

/**
 * Speech recognition for calls that carry audio (Media Streams). One {@link Utterance} per stretch of speech: fed 8 kHz
 * 16-bit linear PCM as it arrives, so most of the work is done when the caller stops; {@link Utterance#end()} gives the
 * text. {@code hints} are phrases this call makes likely (the contact's name, the company), as cloud recognizers take
 * them. Adapters: voice-bridge ({@code PocketsphinxSpeechToText}, offline); cloud ones plug in here.
 */
public interface SpeechToText {

    Utterance begin(List<String> hints);

    /** One stretch of speech being recognized. Not thread-safe: one caller feeds it. */
    interface Utterance extends AutoCloseable {
        void accept(short[] pcm8k);

        /** What was said, as text ("I can pay $500 on Friday"); empty when nothing was recognized. */
        String end();

        /** Abandons the utterance (the call ended); {@link #end()} closes too. */
        @Override
        void close();
    }
}
