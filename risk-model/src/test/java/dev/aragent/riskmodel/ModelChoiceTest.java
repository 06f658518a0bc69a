package dev.aragent.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.RiskLearner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue is ordered by the learned model only when it beats every simple rule on held-out rows. */
class ModelChoiceTest {
    private static final Dataset AT_ISSUE;
    private static final Dataset SNAPSHOTS;

    static {
        var accounts = LightGbmLearnerTest.book(11, 300);
        Features features = Features.forAccounts(accounts, Tone.lexicon());
        AT_ISSUE = RiskTrainer.atIssue(accounts, features, LightGbmLearnerTest.AS_OF);
        SNAPSHOTS = RiskTrainer.snapshots(accounts, features, LightGbmLearnerTest.AS_OF, 30, 14);
    }

    @Test
    void aModelThatLosesToTheCustomersOwnRecordDoesNotOrderTheQueue(@TempDir Path dir) {
        // one stump: too weak to beat the share of earlier invoices paid late, which is what drives this book
        RiskLearner.Settings stump = new RiskLearner.Settings(1, 2, 0.05, 20, 30, 7, 1);
        RiskModel model = new RiskTrainer(new LightGbmLearner(), LightGbmLearnerTest.CLOCK)
                .train(AT_ISSUE, 0.7, 0, 1, stump)
                .model();
        RiskModel.Info info = model.info();
        RiskModel.Candidate learned = info.candidates().stream()
                .filter(c -> c.name().equals("lightgbm"))
                .findFirst()
                .orElseThrow();
        RiskModel.Candidate best = info.candidates().stream()
                .filter(c -> c.name().startsWith(RiskModel.RULE_PREFIX))
                .max(java.util.Comparator.comparingDouble(c -> c.test().auc()))
                .orElseThrow();
        assertThat(best.test().auc()).isGreaterThanOrEqualTo(learned.test().auc());
        assertThat(info.ruleWon()).isTrue();
        assertThat(info.kind()).isEqualTo(best.name());
        assertThat(info.test()).contains(best.test());
        assertThat(info.why()).contains("does not beat", "the simple rule orders the queue");
        assertThat(model.rule()).isPresent();
        assertThat(model.assess(AT_ISSUE.x()).getFirst().factors().getFirst().display())
                .contains("a simple rule: it beat the model");

        ModelFiles files = new ModelFiles(dir, new LightGbmLearner());
        files.save(model);
        RiskModel loaded = files.latest().orElseThrow();
        assertThat(loaded.info().kind()).isEqualTo(info.kind());
        assertThat(loaded.info().why()).isEqualTo(info.why());
        assertThat(loaded.info().candidates()).isEqualTo(info.candidates());
        assertThat(loaded.probabilities(AT_ISSUE.x())).containsExactly(model.probabilities(AT_ISSUE.x()));
    }

    @Test
    void aModelThatBeatsEveryRuleOrdersTheQueueAndSaysWhy() {
        RiskModel model = new RiskTrainer(new LightGbmLearner(), LightGbmLearnerTest.CLOCK)
                .train(SNAPSHOTS, 0.7, 30, 1, RiskLearner.Settings.defaults())
                .model();
        RiskModel.Info info = model.info();
        assertThat(info.kind()).isEqualTo("lightgbm");
        assertThat(info.candidates())
                .extracting(RiskModel.Candidate::name)
                .contains("lightgbm", "rule:share_paid_late", "rule:aging_bucket", "rule:days_past_due");
        for (RiskModel.Candidate c : info.candidates()) {
            if (!c.name().equals("lightgbm")) {
                assertThat(info.test().orElseThrow().auc())
                        .as(c.name())
                        .isGreaterThan(c.test().auc());
            }
        }
        assertThat(info.why()).contains("beats the best simple rule");
    }

    @Test
    void knownDirectionsAreEnforced() {
        Dataset data = SNAPSHOTS;
        int[] d = Features.directions(data.schema());
        assertThat(d[data.schema().indexOf(Features.SHARE_LATE)]).isEqualTo(-1);
        assertThat(d[data.schema().indexOf(Features.DAYS_PAST_DUE)]).isZero();
        assertThat(d[data.schema().indexOf(Features.AMOUNT)]).isZero();
        assertThat(LightGbmLearner.monotone(data)).contains("monotone_constraints=0,0,0,0,-1,-1");
    }
}
