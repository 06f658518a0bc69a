package dev.aragent.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportPageTest {
    @Test
    void aChartsScaleShouldEndAtTheNextRoundNumber() {
        assertThat(ReportPage.niceCeiling(0)).isEqualTo(1);
        assertThat(ReportPage.niceCeiling(1500)).isEqualTo(2000);
        assertThat(ReportPage.niceCeiling(2000)).isEqualTo(2000);
        assertThat(ReportPage.niceCeiling(2001)).isEqualTo(5000);
        assertThat(ReportPage.niceCeiling(7_937_970)).isEqualTo(10_000_000);
        assertThat(ReportPage.niceCeiling(0.3)).isEqualTo(0.5);
    }

    @Test
    void ticksShouldLandOnRoundNumbers() {
        assertThat(ReportPage.tickSteps(2000)).isEqualTo(4);
        assertThat(ReportPage.tickSteps(5)).isEqualTo(5);
        assertThat(ReportPage.tickSteps(10_000_000)).isEqualTo(5);
    }

    @Test
    void tickLabelsShouldBeShortAndExact() {
        assertThat(ReportPage.shortAmount(0)).isEqualTo("0");
        assertThat(ReportPage.shortAmount(1500)).isEqualTo("1.5k");
        assertThat(ReportPage.shortAmount(2_500_000)).isEqualTo("2.5M");
        assertThat(ReportPage.shortAmount(5_000_000)).isEqualTo("5M");
    }
}
