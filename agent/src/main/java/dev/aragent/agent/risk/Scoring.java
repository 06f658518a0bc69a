package dev.aragent.agent.risk;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** A model with the features that build its rows: a trained one, or the aging baseline when none was trained. */
public record Scoring(RiskModel model, Features features) {

    /** A trained model, with features for its saved schema. */
    public static Scoring of(RiskModel trained, Tone tone) {
        return new Scoring(trained, Features.forSchema(trained.schema(), tone));
    }

    /** The aging baseline (cold start), with features for these accounts. */
    /** The tenant's trained model when there is one, else aging only over {@code accounts}. */
    public static Scoring of(Optional<RiskModel> trained, Collection<AccountRecord> accounts, Tone tone, Instant now) {
        return trained.map(m -> of(m, tone)).orElseGet(() -> agingOnly(accounts, tone, now));
    }

    public static Scoring agingOnly(Collection<AccountRecord> accounts, Tone tone, Instant now) {
        Features features = Features.forAccounts(accounts, tone);
        return new Scoring(RiskModel.coldStart(features.schema(), now, 30, AgingBaseline.cold()), features);
    }
}
