package dev.aragent.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1234.56|1234.56|",
                "'$1,234.56'|1234.56|USD",
                "'($1,234.56)'|-1234.56|USD",
                "-$5.00|-5.00|USD",
                "'1.234,56'|1234.56|",
                "'€12,50'|12.50|EUR",
                "'USD 1,200.00'|1200.00|USD",
                "'1 200,00 EUR'|1200.00|EUR",
                "'£3,000'|3000|GBP",
                "'1,234'|1234|",
                "0|0|",
                "'12.5-'|-12.5|"
            })
    void amountShouldReadWhatAccountingToolsWrite(String raw, String value, String currency) {
        var amount = Cells.amount(raw).orElseThrow();
        assertThat(amount.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(amount.currency().map(Currency::getCurrencyCode).orElse(null))
                .isEqualTo(currency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1,23,4", "$$5", "(5", "1.2.3,4,5", "XYZ 5", "5 apples"})
    void amountShouldRefuseWhatIsNotAnAmount(String raw) {
        assertThat(Cells.amount(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-05,MONTH_FIRST,2026-03-05",
        "03/05/2026,MONTH_FIRST,2026-03-05",
        "3/5/26,MONTH_FIRST,2026-03-05",
        "03/05/2026,DAY_FIRST,2026-05-03",
        "5 Mar 2026,DAY_FIRST,2026-03-05",
        "'March 5, 2026',MONTH_FIRST,2026-03-05",
        "'Mar 5, 2026',MONTH_FIRST,2026-03-05",
        "05-Mar-2026,MONTH_FIRST,2026-03-05",
        "2026/03/05,DAY_FIRST,2026-03-05",
        "2026-03-05T10:00:00Z,MONTH_FIRST,2026-03-05"
    })
    void dateShouldReadIsoUsDayFirstAndMonthNames(String raw, Cells.DateOrder order, LocalDate expected) {
        assertThat(Cells.date(raw, order)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "13/45/2026", "yesterday", "2026-13-01", "31/12/2026"})
    void dateShouldRefuseImpossibleDates(String raw) {
        assertThat(Cells.date(raw, Cells.DateOrder.MONTH_FIRST)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "(555) 201-0100,+15552010100",
        "555.201.0100,+15552010100",
        "+44 20 7946 0958,+442079460958",
        "1-555-201-0100,+15552010100"
    })
    void phoneShouldBecomeE164(String raw, String expected) {
        assertThat(Cells.phone(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "call me", "055-201-0100"})
    void phoneShouldRefuseWhatCannotBeDialled(String raw) {
        assertThat(Cells.phone(raw)).isEmpty();
    }
}
