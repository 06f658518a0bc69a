package dev.aragent.agent.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void ofMajorShouldBeExactInMinorUnits() {
        assertThat(Money.ofMajor(new BigDecimal("2450.10"), USD).minor()).isEqualTo(245_010);
        assertThat(Money.ofMajor(new BigDecimal("1200"), Currency.getInstance("JPY"))
                        .minor())
                .isEqualTo(1200);
    }

    @Test
    void ofMajorShouldRefuseFractionsOfACent() {
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("1.005"), USD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimals");
    }

    @Test
    void arithmeticShouldRefuseMixedCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "USD").plus(Money.of(100, "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot combine");
    }

    @Test
    void formatShouldGroupThousands() {
        assertThat(Money.of(245_000, "USD").format()).isEqualTo("$2,450.00");
        assertThat(Money.of(-5, "EUR").format()).isEqualTo("-EUR 0.05");
        assertThat(Money.of(123_456_789, "USD").toPlainString()).isEqualTo("1234567.89");
    }
}
