package dev.aragent.agent.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A speech pair without sound: each character is "spoken" as a short steady tone whose level encodes it, and "heard"
 * back by reading those levels. Faithful to the ports' shapes (8 kHz samples in frames, one utterance per stretch of
 * speech), so the code around speech can be tested without the offline services.
 */
public final class InMemorySpeech implements TextToSpeech, SpeechToText {
    /** Samples per character: 50 ms. */
    private static final int SPAN = 400;

    private static final int STEP = 100;

    @Override
    public short[] speak(String sentence) {
        short[] pcm = new short[sentence.length() * SPAN];
        for (int i = 0; i < sentence.length(); i++) {
            short level = (short) Math.min(Short.MAX_VALUE, (sentence.charAt(i) & 0x7f) * STEP + STEP);
            for (int k = 0; k < SPAN; k++) {
                pcm[i * SPAN + k] = (short) (k % 2 == 0 ? level : -level);
            }
        }
        return pcm;
    }

    @Override
    public Utterance begin(List<String> hints) {
        return new Utterance() {
            private final List<Short> heard = new ArrayList<>();
            private boolean open = true;

            @Override
            public void accept(short[] pcm8k) {
                if (open) {
                    for (short s : pcm8k) {
                        heard.add(s);
                    }
                }
            }

            @Override
            public String end() {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < heard.size(); i += SPAN) {
                    int level = Math.abs(heard.get(i));
                    if (level >= STEP) {
                        text.append((char) (level / STEP - 1));
                    }
                }
                close();
                return text.toString().strip();
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
