package dev.aragent.voicebridge;

/** The offline speech services the voice tests need, or a failure that says how to install them. */
final class Speech {
    private Speech() {}

    static void require() {
        if (!EspeakTextToSpeech.available() || !PocketsphinxSpeechToText.available()) {
            throw new IllegalStateException("the voice tests need espeak-ng and pocketsphinx: run `apt-get install "
                    + "espeak-ng pocketsphinx pocketsphinx-en-us` (.ci/run does)");
        }
    }
}
