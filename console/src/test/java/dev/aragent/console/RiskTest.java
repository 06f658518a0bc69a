package dev.aragent.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskTest {
    @Test
    void aProbabilityIsShownAsAPercentageAndNeverAsACertainty() {
        assertThat(Risk.percent(0.62)).isEqualTo("62 %");
        assertThat(Risk.percent(0.996)).isEqualTo("> 99 %");
        assertThat(Risk.percent(1.0)).isEqualTo("> 99 %");
        assertThat(Risk.percent(0.002)).isEqualTo("< 1 %");
        assertThat(Risk.percent(0.994)).isEqualTo("99 %");
    }
}
