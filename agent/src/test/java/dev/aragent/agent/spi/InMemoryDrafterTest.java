package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import org.junit.jupiter.api.Test;

/** The in-memory drafter as a model drafter: scripted words, a scripted failure as an outage. */
class InMemoryDrafterTest implements DrafterContract {
    private final InMemoryDrafter drafter = new InMemoryDrafter();

    @Override
    public Drafter drafter() {
        return drafter;
    }

    @Override
    public void modelAnswers(String words) {
        drafter.nextWords(words);
    }

    @Override
    public void modelFails() {
        drafter.failNext();
    }

    /** A fake has no clock to wait on: a model that never answers is one that failed. */
    @Override
    public void modelTimesOut() {
        drafter.failNext();
    }

    @Test
    void anUnscriptedDraftShouldWordEveryBriefPlainlyInsideIt() {
        for (Strategy strategy : Strategy.values()) {
            for (Channel channel : Channel.values()) {
                DraftRequest brief = DrafterContract.brief(strategy, channel);

                Draft draft = drafter.draft(brief);

                assertThat(GUARDRAILS.check(draft.text(), brief).violations())
                        .as(strategy + "/" + channel + ": " + draft.text())
                        .isEmpty();
                assertThat(draft.text()).contains("(" + strategy.code() + ")").endsWith(DISCLOSURE);
            }
        }
        assertThat(drafter.requests()).hasSize(Strategy.values().length * Channel.values().length);
    }
}
