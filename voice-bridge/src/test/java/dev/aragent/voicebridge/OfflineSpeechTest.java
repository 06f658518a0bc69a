package dev.aragent.voicebridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.spi.SpeechToText;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline speech services against each other over the telephone path: espeak-ng says a debtor's words, they go
 * through 8 kHz μ-law as on a call, pocketsphinx hears them.
 */
class OfflineSpeechTest {
    private static EspeakTextToSpeech tts;
    private static PocketsphinxSpeechToText stt;

    @BeforeAll
    static void speech() {
        Speech.require();
        tts = EspeakTextToSpeech.create("en-us", 150);
        stt = PocketsphinxSpeechToText.create(2);
    }

    private static String heard(String said, List<String> hints) {
        short[] line = MuLaw.decode(MuLaw.encode(tts.speak(said)));
        try (SpeechToText.Utterance u = stt.begin(hints)) {
            for (int off = 0; off < line.length; off += MuLaw.FRAME) {
                u.accept(Arrays.copyOfRange(line, off, Math.min(line.length, off + MuLaw.FRAME)));
            }
            return u.end();
        }
    }

    @Test
    void debtorsWordsSurviveTheTelephoneLine() {
        List<String> hints = List.of("Dana Reyes", "Acme Supply", "Northwind Traders");
        assertThat(heard("Yes, speaking.", hints)).matches("(Yes|Yeah) speaking");
        assertThat(heard("We can pay half on Friday and the rest in two weeks.", hints))
                .isEqualTo("We can pay half on friday and the rest in two weeks");
        assertThat(heard("I can pay five hundred dollars on Friday.", hints)).isEqualTo("I can pay $500 on friday");
        assertThat(heard("We can pay the full balance by November thirtieth.", hints))
                .isEqualTo("We can pay the full balance by November 30");
        assertThat(heard("Can I speak to a real person please?", hints))
                .isEqualTo("Can i speak to a real person please");
        assertThat(heard("I already paid.", hints)).isEqualTo("I already paid");
        assertThat(heard("We never received the shipment.", hints)).contains("never received");
        assertThat(heard("Yes, that's right.", hints)).matches("Yes (that's )?right");
    }

    @Test
    void theSynthesizerSpeaksAtTheTelephoneRateAndKeepsWhatItSaidOften() {
        short[] pcm = tts.speak("Thank you, that's confirmed.");
        assertThat(pcm.length).isBetween(MuLaw.RATE / 2, MuLaw.RATE * 4); // half a second to four seconds at 8 kHz
        assertThat(tts.speak("Thank you, that's confirmed.")).isSameAs(pcm);
        assertThat(MuLaw.level(pcm)).isGreaterThan(-40);
    }
}
