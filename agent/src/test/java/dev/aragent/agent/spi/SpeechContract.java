package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a pair of speech services must do for a call (the {@link TextToSpeech} and {@link SpeechToText} ports together):
 * a sentence is spoken as audible 8 kHz audio of a sentence's length, what one says the other hears back, silence is
 * heard as nothing, and an utterance abandoned mid-way frees its place.
 */
public interface SpeechContract {
    TextToSpeech tts();

    SpeechToText stt();

    /** Samples per second of the telephone line both ports speak. */
    int RATE = 8000;

    /** 20 ms, as Media Streams frames arrive. */
    int FRAME = 160;

    /** What {@code said} sounds like to the recognizer, fed frame by frame as a call feeds it. */
    default String heard(short[] audio, List<String> hints) {
        try (SpeechToText.Utterance u = stt().begin(hints)) {
            for (int off = 0; off < audio.length; off += FRAME) {
                u.accept(Arrays.copyOfRange(audio, off, Math.min(audio.length, off + FRAME)));
            }
            return u.end();
        }
    }

    /** Lower case, words only: what two recognizers agree on regardless of punctuation. */
    static String words(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9$ ]", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    @Test
    default void aSentenceIsSpokenAsAudibleTelephoneAudioOfASentencesLength() {
        short[] pcm = tts().speak("Thank you, that's confirmed.");

        assertThat(pcm.length).isBetween(RATE / 2, RATE * 6);
        int loudest = 0;
        for (short s : pcm) {
            loudest = Math.max(loudest, Math.abs(s));
        }
        assertThat(loudest).as("audible").isGreaterThan(1000);
    }

    @Test
    default void whatOneSaysTheOtherHearsBack() {
        List<String> hints = List.of("Dana Reyes", "Northwind Traders");

        assertThat(words(heard(tts().speak("I already paid."), hints))).isEqualTo("i already paid");
        assertThat(words(heard(tts().speak("Can I speak to a real person please?"), hints)))
                .isEqualTo("can i speak to a real person please");
    }

    @Test
    default void silenceIsHeardAsNothing() {
        assertThat(heard(new short[RATE], List.of())).isEmpty();
    }

    @Test
    default void anUtteranceAbandonedMidWayFreesItsPlace() {
        short[] pcm = tts().speak("We can pay on Friday.");
        for (int i = 0; i < 8; i++) { // more than any recognizer's pool of decoders
            SpeechToText.Utterance u = stt().begin(List.of());
            u.accept(Arrays.copyOf(pcm, FRAME));
            u.close();
        }

        assertThat(words(heard(pcm, List.of()))).contains("friday");
    }
}
