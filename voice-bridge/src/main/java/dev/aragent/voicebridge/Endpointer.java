package dev.aragent.voicebridge;

import java.time.Duration;

/**
 * Voice-activity and end-of-utterance detection on 20 ms frames of 8 kHz audio. The noise floor is tracked while
 * nobody speaks; speech starts after three frames clearly above it (60 ms) and ends after {@code endSilence} below it.
 * The delay to "ended" is the price of not cutting a speaker off between words.
 */
final class Endpointer {
    enum Event {
        NONE,
        STARTED,
        ENDED
    }

    private static final int START_FRAMES = 3;
    private static final double ABOVE_FLOOR_DB = 12;
    private static final double QUIETEST_SPEECH_DB = -50;

    private final int endFrames;
    private double floor = -70;
    private boolean speaking;
    private boolean voiced;
    private int loud;
    private int quiet;

    Endpointer(Duration endSilence) {
        this.endFrames = Math.max(1, (int) (endSilence.toMillis() / 20));
    }

    boolean speaking() {
        return speaking;
    }

    /** Whether the last frame had speech in it (not the silence that ends an utterance). */
    boolean voiced() {
        return voiced;
    }

    Event accept(short[] frame) {
        double level = MuLaw.level(frame);
        double threshold = Math.max(floor + ABOVE_FLOOR_DB, QUIETEST_SPEECH_DB);
        voiced = level > (speaking ? threshold - 3 : threshold);
        if (!speaking) {
            if (level > threshold) {
                if (++loud >= START_FRAMES) {
                    speaking = true;
                    quiet = 0;
                    return Event.STARTED;
                }
            } else {
                loud = 0;
                floor = level < floor ? level : floor * 0.95 + level * 0.05;
            }
            return Event.NONE;
        }
        if (level > threshold - 3) {
            quiet = 0;
            return Event.NONE;
        }
        if (++quiet >= endFrames) {
            speaking = false;
            loud = 0;
            return Event.ENDED;
        }
        return Event.NONE;
    }
}
