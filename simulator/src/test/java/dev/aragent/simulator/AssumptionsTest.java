package dev.aragent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AssumptionsTest {
    @Test
    void aMessageMovesADebtorLessAsTheDebtAgesAndAGenericOneLessAgainPast45Days() {
        Assumptions a = Assumptions.base();
        assertThat(a.recovered(10)).isCloseTo(0.74, within(1e-9)); // the brief: 74 % within 10 days
        assertThat(a.recovered(90)).isCloseTo(0.18, within(1e-9)); // 18 % past 90
        assertThat(a.moved(5, true)).isEqualTo(1.0);
        assertThat(a.moved(60, true)).isCloseTo(0.40 / 0.74, within(1e-9));
        assertThat(a.moved(30, false)).as("generic, but not yet 45 days late").isEqualTo(a.moved(30, true));
        assertThat(a.moved(60, false)).isCloseTo(0.40 / 0.74 * 0.32, within(1e-9));
        assertThat(a.moved(400, true)).isCloseTo(0.08 / 0.74, within(1e-9));
    }

    @Test
    void thePessimisticSettingsFavourTheAgentLessAndTheOptimisticMore() {
        Assumptions base = Assumptions.base();
        Assumptions low = Assumptions.named("pessimistic");
        Assumptions high = Assumptions.named("Optimistic");
        assertThat(low.genericPast45()).isGreaterThan(base.genericPast45()).isGreaterThan(high.genericPast45());
        assertThat(low.keepsReliable()).isLessThan(base.keepsReliable()).isLessThan(high.keepsReliable());
        assertThat(low.picksUp()).isLessThan(base.picksUp()).isLessThan(high.picksUp());
        assertThat(low.callPays()).isLessThan(base.callPays()).isLessThan(high.callPays());
        assertThatThrownBy(() -> Assumptions.named("rosy")).hasMessageContaining("base, pessimistic or optimistic");
    }

    @Test
    void everyParameterIsListedWithASource() {
        assertThat(Assumptions.base().lines())
                .hasSizeGreaterThan(12)
                .allSatisfy(l -> assertThat(l.source()).isNotBlank())
                .anySatisfy(l -> assertThat(l.source()).contains("brief"))
                .anySatisfy(l -> assertThat(l.source()).contains("sample book"))
                .anySatisfy(l -> assertThat(l.source()).isEqualTo("our assumption"));
    }
}
