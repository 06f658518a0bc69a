package dev.aragent.voicebridge;

import dev.aragent.agent.spi.SpeechContract;
import dev.aragent.agent.spi.SpeechToText;
import dev.aragent.agent.spi.TextToSpeech;
import org.junit.jupiter.api.BeforeAll;

/** The speech contract on the offline services: espeak-ng speaks, pocketsphinx hears. */
class OfflineSpeechContractTest implements SpeechContract {
    private static EspeakTextToSpeech tts;
    private static PocketsphinxSpeechToText stt;

    @BeforeAll
    static void speech() {
        Speech.require();
        tts = EspeakTextToSpeech.create("en-us", 150);
        stt = PocketsphinxSpeechToText.create(2);
    }

    @Override
    public TextToSpeech tts() {
        return tts;
    }

    @Override
    public SpeechToText stt() {
        return stt;
    }
}
