package dev.aragent.agent.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardrailsIbanTest {
    @Test
    void onlyARealIbanCountsAsBankDetailsNotAPoOrInvoiceThatLooksLikeOne() {
        assertThat(Guardrails.validIban("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Guardrails.validIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(Guardrails.validIban("GB82-WEST-1234-5698-7654-32")).isTrue();
        assertThat(Guardrails.validIban("PO4500012345")).isFalse();
        assertThat(Guardrails.validIban("CH25 0312 3456 7890 1234 5")).isFalse();
    }
}
