package dev.aragent.voicebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioTest {
    @Test
    void muLawRoundTripsWithinItsQuantization() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s += 7) {
            short back = MuLaw.decode(MuLaw.encode((short) s));
            assertThat(Math.abs(back - s)).isLessThanOrEqualTo(Math.max(8, Math.abs(s) / 16 + 1));
        }
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xff); // G.711: silence is 0xFF
    }

    @Test
    void resamplingKeepsATelephoneToneAndDropsWhatCannotBeCarried() {
        short[] tone = tone(1000, 22050, 0.5, 8000);
        short[] down = MuLaw.resample(tone, 22050, 8000);
        assertThat(down.length).isEqualTo(4000);
        assertThat(MuLaw.level(down)).isCloseTo(MuLaw.level(tone), org.assertj.core.data.Offset.offset(1.0));
        short[] high = tone(6000, 22050, 0.5, 8000); // above 4 kHz: must not fold back into the band
        assertThat(MuLaw.level(MuLaw.resample(high, 22050, 8000))).isLessThan(MuLaw.level(high) - 20);
    }

    @Test
    void speechStartsAfterThreeLoudFramesAndEndsAfterTheConfiguredSilence() {
        Endpointer e = new Endpointer(Duration.ofMillis(600));
        List<Endpointer.Event> events = new ArrayList<>();
        short[] quiet = new short[MuLaw.FRAME];
        short[] loud = tone(300, 8000, 0.02, 6000);
        for (int i = 0; i < 25; i++) {
            events.add(e.accept(quiet));
        }
        for (int i = 0; i < 40; i++) {
            events.add(e.accept(loud));
        }
        for (int i = 0; i < 40; i++) {
            events.add(e.accept(quiet));
        }
        assertThat(events.indexOf(Endpointer.Event.STARTED)).isEqualTo(25 + 2);
        assertThat(events.indexOf(Endpointer.Event.ENDED)).isEqualTo(25 + 40 + 29);
        assertThat(events.stream().filter(x -> x != Endpointer.Event.NONE)).hasSize(2);
    }

    @Test
    void repliesAreSpokenASentenceAtATimeWithoutBreakingAmounts() {
        assertThat(MediaStreams.sentences("Thank you. So that's $9,152.36 on Friday — is that right? Goodbye"))
                .containsExactly("Thank you.", "So that's $9,152.36 on Friday — is that right?", "Goodbye");
    }

    private static short[] tone(double hz, int rate, double seconds, int amplitude) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }
}
