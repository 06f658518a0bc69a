package dev.aragent.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A bank's CSV export read through a mapping profile; a file that does not fit it refused whole, with its line. */
class BankCsvReaderTest {
    /** A German bank's export: semicolons, day-first dates, decimal commas, credit and debit in their own columns. */
    static final BankCsvReader.Profile GERMAN = new BankCsvReader.Profile(
            "sparkasse",
            Map.of(
                    "date", "Buchungstag",
                    "value-date", "Valuta",
                    "credit", "Haben",
                    "debit", "Soll",
                    "name", "Beguenstigter/Zahlungspflichtiger",
                    "account", "IBAN",
                    "text", "Verwendungszweck"),
            Optional.of(Currency.getInstance("EUR")),
            "dd.MM.yyyy",
            ',');

    @Test
    void aGenericExportGivesOneEntryPerRowWithItsSideCurrencyAndRemittance() {
        String csv = """
                date,amount,currency,name,account,text,reference
                2026-11-20,1842.00,USD,Blue Fern Bistro LLC,US12BANK0001,"INV-1041, INV-1043 less 40.00 damaged case",B-1
                2026-11-21,-25.00,USD,Bank fee,,monthly fee,B-2
                """;

        BankStatement s =
                BankCsvReader.read(csv.getBytes(StandardCharsets.UTF_8), BankCsvReader.Profile.generic(), "US-OPS");

        assertThat(s.format()).isEqualTo("csv:generic");
        assertThat(s.account()).isEqualTo("US-OPS");
        assertThat(s.reconciles()).isEmpty();
        assertThat(s.entries()).hasSize(2);
        BankTransaction in = s.entries().getFirst();
        assertThat(in.credit()).isTrue();
        assertThat(in.amount().minor()).isEqualTo(184_200);
        assertThat(in.counterpartyName()).isEqualTo("Blue Fern Bistro LLC");
        assertThat(in.remittance()).containsExactly("INV-1041, INV-1043 less 40.00 damaged case");
        assertThat(in.bankReference()).isEqualTo("B-1");
        assertThat(s.entries().get(1).credit()).isFalse();
        assertThat(s.debitsMinor()).isEqualTo(2_500);
    }

    @Test
    void aProfileReadsDayFirstDatesDecimalCommasAndSeparateCreditAndDebitColumns() {
        String csv = """
                Buchungstag;Valuta;Beguenstigter/Zahlungspflichtiger;IBAN;Verwendungszweck;Soll;Haben
                02.11.2026;03.11.2026;Muster GmbH;DE02100100100006820101;RE 2026-118;;1.234,56
                04.11.2026;04.11.2026;Stadtwerke;DE12500105170648489890;Abschlag;89,90;
                """;

        BankStatement s = BankCsvReader.read(csv.getBytes(StandardCharsets.UTF_8), GERMAN, "DE-MAIN");

        assertThat(s.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(s.creditsMinor()).isEqualTo(123_456);
        assertThat(s.debitsMinor()).isEqualTo(8_990);
        assertThat(s.entries().getFirst().valueDate()).map(Object::toString).contains("2026-11-03");
        assertThat(s.entries().getFirst().counterpartyAccount()).isEqualTo("DE02100100100006820101");
    }

    @Test
    void aFileThatDoesNotFitItsProfileIsRefusedWholeWithItsLine() {
        assertThatThrownBy(() -> BankCsvReader.read(
                        "date,amount\n2026-11-20,10.00\n".getBytes(StandardCharsets.UTF_8),
                        BankCsvReader.Profile.generic(),
                        "X"))
                .hasMessageContaining("reads the")
                .hasMessageContaining("the file does not have");
        assertThatThrownBy(() -> BankCsvReader.read(
                        ("date,amount,currency,name,account,text,reference\n2026-11-20,10.00,USD,,,,\n"
                                        + "20/11/2026,10.00,USD,,,,\n")
                                .getBytes(StandardCharsets.UTF_8),
                        BankCsvReader.Profile.generic(),
                        "X"))
                .hasMessage("line 3: '20/11/2026' is no date");
        assertThatThrownBy(() -> BankCsvReader.read(
                        "date,amount,currency,name,account,text,reference\n2026-11-20,ten,USD,,,,\n"
                                .getBytes(StandardCharsets.UTF_8),
                        BankCsvReader.Profile.generic(),
                        "X"))
                .hasMessage("line 2: 'ten' is no amount");
        assertThatThrownBy(() ->
                        new BankCsvReader.Profile("broken", Map.of("date", "d"), Optional.empty(), "yyyy-MM-dd", '.'))
                .hasMessageContaining("amount");
    }
}
