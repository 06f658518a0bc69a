package dev.aragent.agent.risk;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a note or ticket sounds, from −1 (angry, in trouble) to +1 (content, cooperative): the text signal among the risk
 * features. {@link #lexicon()} counts telling words; {@code EmbeddingTone} compares MiniLM vectors with examples.
 */
@FunctionalInterface
public interface Tone {

    double of(String text);

    /** Word counts: fast and deterministic, the default where no embedder is loaded (benchmarks, evaluations). */
    static Tone lexicon() {
        Set<String> bad = Set.of(
                "angry",
                "frustrated",
                "unacceptable",
                "complaint",
                "complain",
                "late",
                "cash",
                "flow",
                "tight",
                "layoff",
                "layoffs",
                "bankrupt",
                "bankruptcy",
                "closing",
                "overdue",
                "dispute",
                "disputed",
                "wrong",
                "damaged",
                "missing",
                "refuse",
                "refused",
                "lawyer",
                "attorney",
                "cancel",
                "threat",
                "slow",
                "behind",
                "struggling",
                "hardship",
                "delay",
                "delayed",
                "bounced",
                "nsf",
                "unhappy",
                "escalate",
                "terrible");
        Set<String> good = Set.of(
                "thanks",
                "thank",
                "great",
                "happy",
                "paid",
                "resolved",
                "prompt",
                "promptly",
                "appreciate",
                "pleased",
                "smooth",
                "renewed",
                "expanding",
                "growing",
                "reliable",
                "on-time",
                "ontime",
                "excellent",
                "good",
                "satisfied",
                "confirmed",
                "scheduled");
        Pattern words = Pattern.compile("[^a-z\\-]+");
        return text -> {
            int b = 0;
            int g = 0;
            for (String w : words.split(text.toLowerCase(Locale.ROOT))) {
                if (bad.contains(w)) {
                    b++;
                } else if (good.contains(w)) {
                    g++;
                }
            }
            return b + g == 0 ? 0 : (double) (g - b) / (g + b);
        };
    }
}
