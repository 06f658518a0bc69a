package dev.aragent.agent.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    static final CustomerKey KEY = CustomerKey.of("C-1");
    static final LocalDate DAY = LocalDate.parse("2026-03-01");

    static Invoice paid(String number, LocalDate issued, LocalDate settled, boolean disputed) {
        return Invoice.settled(KEY, number, issued, issued.plusDays(30), Money.of(100_00, "USD"), settled, disputed);
    }

    static Invoice open(String number, LocalDate issued) {
        return Invoice.unpaid(KEY, number, issued, issued.plusDays(30), Money.of(250_00, "USD"), false);
    }

    static AccountRecord account(AccountActivity activity, Map<String, Map<String, String>> extras) {
        Customer customer = new Customer(
                KEY,
                "Acme",
                Optional.of("restaurants"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Money.of(1_000_00, "USD")),
                Optional.of(DAY.minusDays(400)),
                List.of(),
                List.of());
        List<Invoice> invoices = List.of(
                paid("I-1", DAY.minusDays(120), DAY.minusDays(80), false), // 10 days late, known
                paid("I-2", DAY.minusDays(90), DAY.minusDays(62), true), // 2 days early, disputed, known
                paid("I-3", DAY.minusDays(40), DAY.plusDays(5), false), // settled after the day: unknown then
                open("I-4", DAY.minusDays(45)));
        List<Payment> payments = List.of(
                new Payment(KEY, "P-1", DAY.minusDays(80), Money.of(100_00, "USD"), Optional.of("check"), List.of()),
                new Payment(KEY, "P-2", DAY.plusDays(5), Money.of(100_00, "USD"), Optional.of("ach"), List.of()));
        List<Note> notes = List.of(
                note("N-1", DAY.minusDays(10), "Customer is angry, cash flow is tight"),
                note("N-2", DAY.plusDays(2), "thanks, great, paid promptly"));
        return new AccountRecord(customer, invoices, payments, List.of(), notes, activity, extras);
    }

    static Note note(String ref, LocalDate day, String body) {
        return new Note(
                KEY,
                ref,
                Note.Kind.NOTE,
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                "crm",
                "rep",
                Optional.empty(),
                body,
                Optional.empty());
    }

    static Invoice invoice(AccountRecord account, String number) {
        return account.invoices().stream()
                .filter(i -> i.number().equals(number))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void usesOnlyWhatWasKnownBeforeTheDay() {
        Instant at = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        AccountActivity activity = new AccountActivity(
                List.of(
                        new AccountActivity.Touch(Channel.EMAIL, false, at.minusSeconds(86_400 * 5)),
                        new AccountActivity.Touch(Channel.EMAIL, false, at.minusSeconds(86_400 * 3)),
                        new AccountActivity.Touch(Channel.EMAIL, true, at.plusSeconds(60))),
                List.of(
                        new AccountActivity.PromiseFact(
                                DAY.minusDays(20),
                                "broken",
                                at.minusSeconds(86_400 * 30),
                                Optional.of(at.minusSeconds(86_400 * 19))),
                        new AccountActivity.PromiseFact(
                                DAY, "broken", at.minusSeconds(86_400 * 3), Optional.of(at.plusSeconds(3_600)))),
                List.of(),
                0,
                Optional.empty(),
                false,
                Optional.empty());
        AccountRecord account = account(activity, Map.of());
        Features features = Features.forAccounts(List.of(account), Tone.lexicon());
        Schema schema = features.schema();
        double[] row = new double[schema.width()];
        features.row(account, invoice(account, "I-4"), DAY, row, 0);

        assertThat(row[schema.indexOf(Features.PRIOR)]).isEqualTo(2);
        assertThat(row[schema.indexOf(Features.SHARE_LATE)]).isEqualTo(0.5);
        assertThat(row[schema.indexOf(Features.MEAN_LATE)]).isEqualTo(5.0);
        assertThat(row[schema.indexOf(Features.DISPUTES)]).isEqualTo(1);
        assertThat(row[schema.indexOf(Features.BROKEN_60)]).isEqualTo(1);
        assertThat(row[schema.indexOf(Features.SINCE_BROKEN)]).isEqualTo(19);
        assertThat(row[schema.indexOf(Features.UNANSWERED)]).isEqualTo(2);
        assertThat(row[schema.indexOf(Features.DAYS_PAST_DUE)]).isEqualTo(15);
        assertThat(row[schema.indexOf(Features.OPEN_COUNT)]).isEqualTo(2);
        assertThat(row[schema.indexOf(Features.BALANCE_LIMIT)]).isEqualTo(0.35);
        assertThat(row[schema.indexOf(Features.SINCE_PAYMENT)]).isEqualTo(80);
        assertThat(schema.column(schema.indexOf(Features.METHOD)).level(row[schema.indexOf(Features.METHOD)]))
                .isEqualTo("check");
        assertThat(row[schema.indexOf(Features.TONE)]).isLessThan(0);
        assertThat(row[schema.indexOf(Features.TENURE)]).isEqualTo(400);
    }

    @Test
    void extraColumnsBecomeNumericOrCategorical() {
        AccountRecord account = account(
                AccountActivity.none(),
                Map.of(
                        "I-4", Map.of("region", "West", "days_to_ship", "3", "segment", "x"),
                        "I-1", Map.of("region", "East", "days_to_ship", "5")));
        Features features = Features.forAccounts(List.of(account), Tone.lexicon());
        Schema schema = features.schema();
        assertThat(schema.column(schema.indexOf("region")).categorical()).isTrue();
        assertThat(schema.column(schema.indexOf("days_to_ship")).categorical()).isFalse();
        assertThat(schema.indexOf("extra_segment")).isPositive();
        double[] row = new double[schema.width()];
        features.row(account, invoice(account, "I-4"), DAY, row, 0);
        assertThat(row[schema.indexOf("days_to_ship")]).isEqualTo(3);
        assertThat(schema.column(schema.indexOf("region")).level(row[schema.indexOf("region")]))
                .isEqualTo("West");
    }

    @Test
    void thinHistoryGivesTheAgingModel() {
        AccountRecord account = account(AccountActivity.none(), Map.of());
        Features features = Features.forAccounts(List.of(account), Tone.lexicon());
        Dataset data = RiskTrainer.atIssue(List.of(account), features, DAY);
        RiskTrainer.Trained trained = new RiskTrainer(
                        (dev.aragent.agent.spi.RiskLearner) null, java.time.Clock.systemUTC())
                .train(data, 0.7, 30, 1, dev.aragent.agent.spi.RiskLearner.Settings.defaults());
        assertThat(trained.model().learned()).isFalse();
        assertThat(trained.model().info().kind()).isEqualTo("aging-baseline");
        List<Assessment> a = trained.model().assess(data.x());
        assertThat(a).hasSize(data.rows());
        assertThat(a.get(0).factors().get(0).words()).contains("aging only");
    }
}
