package dev.aragent.voicebridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeechTextTest {
    @Test
    void amountsAndDashesAreSpelledForASynthesizerThatReadsSymbols() {
        assertThat(SpeechText.forSpeaking("So that's $9,152.36 on Friday — is that right?"))
                .isEqualTo("So that's 9152 dollars and 36 cents on Friday , is that right?");
        assertThat(SpeechText.forSpeaking("$4,250.00 and $1")).isEqualTo("4250 dollars and 1 dollar");
    }

    @Test
    void spokenAmountsAndDatesBecomeFigures() {
        assertThat(SpeechText.fromSpeech("i can pay five hundred dollars on friday"))
                .isEqualTo("I can pay $500 on friday");
        assertThat(SpeechText.fromSpeech("we can send two thousand four hundred and fifty dollars and twenty cents"))
                .isEqualTo("We can send $2450.20");
        assertThat(SpeechText.fromSpeech("by november twenty seventh or december first"))
                .isEqualTo("By November 27 or December 1");
        assertThat(SpeechText.fromSpeech("in two weeks")).isEqualTo("In two weeks");
        assertThat(SpeechText.fromSpeech("")).isEmpty();
    }
}
