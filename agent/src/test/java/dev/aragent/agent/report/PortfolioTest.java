package dev.aragent.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AgingBaseline;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Tone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @Test
    void figuresFollowTheirDefinitions() {
        CustomerKey k = CustomerKey.of("c1");
        Money m1000 = Money.of(100_000, "USD");
        List<Invoice> invoices = List.of(
                // open at the start of the 30 days, paid since: counts in CEI's collected part
                Invoice.settled(k, "A", TODAY.minusDays(60), TODAY.minusDays(30), m1000, TODAY.minusDays(10), false),
                // issued in the last 30 days, not yet due
                Invoice.unpaid(k, "B", TODAY.minusDays(10), TODAY.plusDays(20), m1000, false),
                // 130 days past due: write-off exposure, and a likely write-off under the cold model
                Invoice.unpaid(k, "C", TODAY.minusDays(160), TODAY.minusDays(130), m1000, false),
                // issued in the last 90 days, 40 days past due
                Invoice.unpaid(k, "D", TODAY.minusDays(70), TODAY.minusDays(40), m1000, false));
        AccountActivity activity = new AccountActivity(
                List.of(
                        new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 20)),
                        new AccountActivity.Touch(Channel.EMAIL, true, NOW.minusSeconds(86_400 * 19))),
                List.of(
                        new AccountActivity.PromiseFact(
                                TODAY.minusDays(12),
                                "kept",
                                NOW.minusSeconds(86_400 * 19),
                                Optional.of(NOW.minusSeconds(86_400 * 12))),
                        new AccountActivity.PromiseFact(
                                TODAY.minusDays(5),
                                "broken",
                                NOW.minusSeconds(86_400 * 15),
                                Optional.of(NOW.minusSeconds(86_400 * 4)))),
                List.of(),
                0,
                Optional.empty(),
                false,
                Optional.empty());
        AccountRecord account = new AccountRecord(
                Customer.named(k, "Blue Fern"), invoices, List.of(), List.of(), List.of(), activity, Map.of());
        Features features = Features.forAccounts(List.of(account), Tone.lexicon());
        RiskModel cold = RiskModel.coldStart(features.schema(), NOW, 30, AgingBaseline.cold());

        Portfolio.Report r =
                Portfolio.compute(List.of(account), cold, features, Currency.getInstance("USD"), TODAY, NOW);

        assertThat(r.open()).isEqualTo(Money.of(300_000, "USD"));
        // invoiced in 90 days: A (60 days ago), B, D = 3,000; open 3,000 → DSO 90
        assertThat(r.dso()).hasValueSatisfying(v -> assertThat(v).isCloseTo(90.0, within(1e-9)));
        // start of 30 days: A, C, D open = 3,000; invoiced since: B = 1,000; now 3,000 open, 1,000 not yet due
        // CEI = (3,000 + 1,000 − 3,000) / (3,000 + 1,000 − 1,000) = 33.3 %
        assertThat(r.cei()).hasValueSatisfying(v -> assertThat(v).isCloseTo(100.0 / 3, within(1e-9)));
        assertThat(r.promiseConversion()).contains(1.0);
        assertThat(r.promisesKept()).contains(0.5);
        // over 120 days: C = 1,000 of 4,000 invoiced in 365 days
        assertThat(r.writeOffExposure()).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.25, within(1e-9)));
        assertThat(r.likelyWriteOffs()).extracting(Portfolio.WriteOff::invoices).containsExactly(List.of("C"));
        assertThat(r.likelyWriteOffInvoices()).isEqualTo(1);
        assertThat(r.caveat()).hasValueSatisfying(c -> assertThat(c).contains("3 invoices issued in the last 90 days"));
        assertThat(r.likelyWriteOffAccounts()).isEqualTo(1);
        assertThat(r.likelyWriteOffTotal())
                .isEqualTo(r.likelyWriteOffs().getFirst().open());
        assertThat(r.likelyWriteOffs().getFirst().assessment().risk()).isGreaterThanOrEqualTo(0.7);
    }
}
