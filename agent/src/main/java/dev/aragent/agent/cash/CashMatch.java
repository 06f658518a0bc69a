package dev.aragent.agent.cash;

import java.util.List;
import java.util.Optional;

/** What the matcher found for one receipt: what the payer said, and the ways to apply it, surest first. */
public record CashMatch(BankTransaction entry, Remittance.Advice advice, List<Candidate> candidates) {
    public CashMatch {
        candidates = List.copyOf(candidates);
    }

    /** The surest candidate, if any. */
    public Optional<Candidate> best() {
        return candidates.stream().findFirst();
    }

    /** The candidate to apply without a person: the surest, when it is at least {@code threshold} sure. */
    public Optional<Candidate> automatic(double threshold) {
        return best().filter(c -> c.confidence() >= threshold);
    }
}
