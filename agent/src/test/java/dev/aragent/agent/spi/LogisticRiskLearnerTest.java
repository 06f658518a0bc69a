package dev.aragent.agent.spi;

class LogisticRiskLearnerTest implements RiskLearnerContract {
    private final RiskLearner learner = new LogisticRiskLearner();

    @Override
    public RiskLearner learner() {
        return learner;
    }
}
