package dev.aragent.riskmodel;

import dev.aragent.agent.spi.RiskLearner;
import dev.aragent.agent.spi.RiskLearnerContract;

/** {@link LightGbmLearner} against the contract; LightGBM's native library loads from the lightgbm4j jar on first use. */
class LightGbmLearnerContractTest implements RiskLearnerContract {
    private final RiskLearner learner = new LightGbmLearner();

    @Override
    public RiskLearner learner() {
        return learner;
    }
}
