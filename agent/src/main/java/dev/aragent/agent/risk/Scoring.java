package dev.aragent.agent.risk;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** A model with the features that build its rows: the trained one, or the aging baseline when none was trained. */
public record Scoring(RiskModel model, Features features) {

    public static Scoring of(Optional<RiskModel> trained, Collection<AccountRecord> accounts, Tone tone, Instant now) {
        if (trained.isPresent()) {
            return new Scoring(trained.get(), Features.forSchema(trained.get().schema(), tone));
        }
        Features features = Features.forAccounts(accounts, tone);
        return new Scoring(RiskModel.coldStart(features.schema(), now, 30, AgingBaseline.cold()), features);
    }
}
