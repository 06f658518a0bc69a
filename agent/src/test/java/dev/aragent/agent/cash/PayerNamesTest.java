package dev.aragent.agent.cash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayerNamesTest {
    @Test
    void legalFormsCaseAndPunctuationShouldNotMatter() {
        assertThat(PayerNames.normalize("ACME SUPPLY CO.")).isEqualTo("acme supply");
        assertThat(PayerNames.normalize("Acme Supply Company, Inc.")).isEqualTo("acme supply");
        assertThat(PayerNames.normalize("Café Müller GmbH")).isEqualTo("cafe muller");
    }

    @Test
    void truncatedAndMisspeltNamesShouldStayAlike() {
        assertThat(PayerNames.similarity("CRANE HOSPITALITY GRP", "Crane Hospitality Group"))
                .isGreaterThan(0.75);
        assertThat(PayerNames.similarity("Crane Hospitalty Group", "Crane Hospitality Group"))
                .isGreaterThan(0.8);
        assertThat(PayerNames.similarity("Bolt & Nut", "Crane Hospitality Group"))
                .isZero();
    }
}
