package dev.aragent.agent.intent;

import dev.aragent.agent.spi.HashingEmbedder;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.agent.spi.IntentReaderContract;

/** The intent reader contract against the rules reader: no model, so whatever a model would do changes nothing. */
class RuleIntentReaderContractTest implements IntentReaderContract {
    private static final RuleIntentReader READER = RuleIntentReader.create(new HashingEmbedder());

    @Override
    public IntentReader reader() {
        return READER;
    }

    @Override
    public void modelProposes(Proposal proposal) {}

    @Override
    public void modelAnswers(String content) {}

    @Override
    public void modelFails() {}

    @Override
    public void modelTimesOut() {}
}
