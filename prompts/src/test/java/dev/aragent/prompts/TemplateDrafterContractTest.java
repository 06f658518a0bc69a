package dev.aragent.prompts;

import dev.aragent.agent.spi.Drafter;
import dev.aragent.agent.spi.DrafterContract;

/** The drafter contract against the templates: no model, so whatever a model would do changes nothing. */
class TemplateDrafterContractTest implements DrafterContract {
    private static final TemplateDrafter DRAFTER = TemplateDrafter.create();

    @Override
    public Drafter drafter() {
        return DRAFTER;
    }

    @Override
    public void modelAnswers(String words) {}

    @Override
    public void modelFails() {}

    @Override
    public void modelTimesOut() {}
}
