package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundSmsTest {
    @Test
    void aNulByteIsKeptAsAReplacementCharacterNotAStorageErrorThatLosesTheMessage() {
        InboundSms sms = new InboundSms(
                "SM1", "CH1", "+14155550100", "+14155550199", "paid\u0000 friday\u0007\nok", Instant.EPOCH);
        assertThat(sms.body()).isEqualTo("paid\ufffd friday\ufffd\nok").doesNotContain("\u0000");
        assertThat(new InboundSms("SM2", "CH1", "+1", "+2", "plain text", Instant.EPOCH).body())
                .isEqualTo("plain text");
    }
}
