package dev.aragent.voicebridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationRelayTest {
    @Test
    void repliesAreStreamedAsWordsWithTheirSpacing() {
        assertThat(ConversationRelay.tokens("  So that's $1,200.00 on Friday — is that right?  "))
                .containsExactly("So ", "that's ", "$1,200.00 ", "on ", "Friday ", "— ", "is ", "that ", "right?");
        assertThat(String.join("", ConversationRelay.tokens("Hello,\nthere."))).isEqualTo("Hello,\nthere.");
        assertThat(ConversationRelay.tokens("")).isEmpty();
    }
}
