package dev.aragent.agent.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aucCountsPairsAndTiesHalf() {
        assertThat(Metrics.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(Metrics.auc(new double[] {0.5, 0.5}, new double[] {0, 1})).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.auc(new double[] {0.1, 0.9}, new double[] {0, 1})).isEqualTo(1.0);
        assertThat(Metrics.auc(new double[] {0.1, 0.9}, new double[] {1, 1})).isNaN();
    }

    @Test
    void logLossBrierAndReliability() {
        Metrics m = Metrics.of(new double[] {0.9, 0.9, 0.1, 0.1}, new double[] {1, 1, 0, 0});
        assertThat(m.logLoss()).isCloseTo(-Math.log(0.9), within(1e-9));
        assertThat(m.brier()).isCloseTo(0.01, within(1e-9));
        assertThat(m.bins()).hasSize(2);
        assertThat(m.bins().get(0).observed()).isZero();
        assertThat(m.bins().get(1).observed()).isEqualTo(1.0);
        assertThat(m.ece()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void isotonicCalibrationIsMonotoneAndMatchesRates() {
        double[] raw = {-2, -1, 0, 1, 2, 3, -1.5, 0.5};
        double[] y = {0, 1, 0, 1, 1, 1, 0, 0};
        Calibrator c = Calibrator.fit(raw, y);
        double previous = 0;
        for (double s = -3; s <= 4; s += 0.25) {
            double p = c.probability(s);
            assertThat(p).isBetween(0.005, 0.995).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(c.probability(3)).isEqualTo(0.995);
        assertThat(c.probability(-2)).isEqualTo(0.005);
    }
}
