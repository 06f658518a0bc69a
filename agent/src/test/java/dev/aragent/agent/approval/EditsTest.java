package dev.aragent.agent.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EditsTest {
    private final Terms proposed = Terms.single(Money.of(425_000, "USD"), LocalDate.of(2026, 12, 1));

    @Test
    void amountsAndDatesAsPeopleTypeThem() {
        Terms t = Edits.terms(proposed, "1,250.00, $1500 ; 1500.00", "2026-11-06,2026-12-04\n2027-01-08");
        assertThat(t.installments()).hasSize(3);
        assertThat(t.installments().getFirst().amount()).isEqualTo(Money.of(125_000, "USD"));
        assertThat(t.lastDue()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(t.balance()).isEqualTo(proposed.balance());
        assertThat(Edits.amounts(t)).isEqualTo("1250.00, 1500.00, 1500.00");
        assertThat(Edits.dates(t)).isEqualTo("2026-11-06, 2026-12-04, 2027-01-08");
    }

    @Test
    void typosSayWhatToWrite() {
        assertThatThrownBy(() -> Edits.terms(proposed, "100, 200", "2026-12-01"))
                .hasMessageContaining("one date per amount");
        assertThatThrownBy(() -> Edits.terms(proposed, "ten", "2026-12-01")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> Edits.terms(proposed, "10.001", "2026-12-01"))
                .hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> Edits.terms(proposed, "100", "12/01/2026")).hasMessageContaining("is not a date");
        assertThatThrownBy(() -> Edits.terms(proposed, "0", "2026-12-01")).hasMessageContaining("above zero");
        assertThatThrownBy(() -> Edits.terms(proposed, "100, 200", "2026-12-09, 2026-12-01"))
                .hasMessageContaining("in order");
        assertThatThrownBy(() -> Edits.terms(proposed, " ", " ")).hasMessageContaining("at least one amount");
    }
}
