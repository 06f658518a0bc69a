package dev.aragent.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.RiskLearner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightGbmLearnerTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    static List<AccountRecord> accounts;
    static Features features;
    static Dataset data;

    /** Accounts whose lateness follows a hidden reliability, so payment history predicts the outcome. */
    static List<AccountRecord> book(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AccountRecord> out = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            CustomerKey key = CustomerKey.of("C-" + a);
            double reliability = random.nextDouble();
            List<Invoice> invoices = new ArrayList<>();
            List<Payment> payments = new ArrayList<>();
            for (LocalDate issued = AS_OF.minusDays(300 - random.nextInt(10));
                    issued.isBefore(AS_OF);
                    issued = issued.plusDays(12 + random.nextInt(8))) {
                Money amount = Money.of(10_000 + random.nextInt(200_000), "USD");
                LocalDate due = issued.plusDays(30);
                long late = random.nextDouble() < reliability ? -random.nextInt(5) : 5 + random.nextInt(60);
                LocalDate settled = due.plusDays(late);
                String number = "I-" + a + "-" + invoices.size();
                if (settled.isBefore(AS_OF)) {
                    invoices.add(Invoice.settled(key, number, issued, due, amount, settled, false));
                    payments.add(new Payment(
                            key,
                            "P-" + number,
                            settled,
                            amount,
                            Optional.of(a % 3 == 0 ? "check" : "ach"),
                            List.of(new Payment.Allocation(number, amount))));
                } else {
                    invoices.add(Invoice.unpaid(key, number, issued, due, amount, false));
                }
            }
            Customer customer = new Customer(
                    key,
                    "Customer " + a,
                    Optional.of(a % 2 == 0 ? "retail" : "restaurants"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Money.of(2_000_000, "USD")),
                    Optional.of(AS_OF.minusDays(400 + random.nextInt(2_000))),
                    List.of(),
                    List.of());
            out.add(new AccountRecord(
                    customer, invoices, payments, List.of(), List.of(), AccountActivity.none(), Map.of()));
        }
        return out;
    }

    @BeforeAll
    static void data() {
        accounts = book(11, 300);
        features = Features.forAccounts(accounts, Tone.lexicon());
        data = RiskTrainer.snapshots(accounts, features, AS_OF, 30, 14);
    }

    @Test
    void learnsWhatAgingAloneCannotSeeAndStaysCalibrated() {
        RiskTrainer.Trained trained =
                new RiskTrainer(new LightGbmLearner(), CLOCK).train(data, 0.7, 30, 1, RiskLearner.Settings.defaults());
        RiskModel model = trained.model();
        assertThat(model.learned()).isTrue();
        double auc = model.info().test().orElseThrow().auc();
        double baseline = model.info().baselineTest().orElseThrow().auc();
        assertThat(auc).isGreaterThan(0.75).isGreaterThan(baseline + 0.05);
        assertThat(model.info().test().orElseThrow().ece()).isLessThan(0.08);
        assertThat(model.info().rounds()).isBetween(1, 400);
    }

    @Test
    void contributionsAddUpToTheScoreAndNameTheFactors() {
        RiskTrainer.Trained trained =
                new RiskTrainer(new LightGbmLearner(), CLOCK).train(data, 0.7, 30, 1, RiskLearner.Settings.defaults());
        RiskModel model = trained.model();
        int w = data.schema().width();
        double[] rows = java.util.Arrays.copyOf(trained.test().x(), 20 * w);
        double[] margins = model.scorer().orElseThrow().margins(rows, w);
        double[] contrib = model.scorer().orElseThrow().contributions(rows, w);
        for (int r = 0; r < 20; r++) {
            double sum = 0;
            for (int c = 0; c <= w; c++) {
                sum += contrib[r * (w + 1) + c];
            }
            assertThat(sum).isCloseTo(margins[r], within(1e-6));
        }
        List<Assessment> assessed = model.assess(rows);
        assertThat(assessed).hasSize(20);
        assertThat(assessed.get(0).factors()).hasSize(3);
        assertThat(assessed.get(0).factors().get(0).display()).matches(".+ \\([+-]\\d\\.\\d\\d\\)");
        assertThat(Math.abs(assessed.get(0).factors().get(0).contribution()))
                .isGreaterThanOrEqualTo(
                        Math.abs(assessed.get(0).factors().get(2).contribution()));
    }

    @Test
    void sameRowsSameModelAndSavedFilesScoreTheSame(@TempDir Path dir) throws Exception {
        RiskTrainer trainer = new RiskTrainer(new LightGbmLearner(), CLOCK);
        RiskModel a =
                trainer.train(data, 0.7, 30, 1, RiskLearner.Settings.defaults()).model();
        RiskModel b =
                trainer.train(data, 0.7, 30, 2, RiskLearner.Settings.defaults()).model();
        assertThat(a.scorer().orElseThrow().save())
                .isEqualTo(b.scorer().orElseThrow().save());

        ModelFiles files = new ModelFiles(dir, new LightGbmLearner());
        assertThat(files.latest()).isEmpty();
        assertThat(files.nextVersion()).isEqualTo(1);
        files.save(a);
        Path second = files.save(b);
        assertThat(second.getFileName().toString()).isEqualTo("risk-model-v0002.json");
        assertThat(files.nextVersion()).isEqualTo(3);
        RiskModel loaded = files.latest().orElseThrow();
        assertThat(loaded.info().version()).isEqualTo(2);
        assertThat(loaded.info().test()).isEqualTo(b.info().test());
        assertThat(loaded.schema()).isEqualTo(b.schema());
        assertThat(loaded.probabilities(data.x())).containsExactly(b.probabilities(data.x()));

        Path broken = dir.resolve("risk-model-v0009.json");
        Files.writeString(broken, "{\"info\": 3");
        assertThatThrownBy(() -> files.load(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ar-agent risk train");
    }
}
