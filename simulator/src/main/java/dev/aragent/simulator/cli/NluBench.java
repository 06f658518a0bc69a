package dev.aragent.simulator.cli;

import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.IntentClassifier;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.intent.TrainingSet;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.server.cli.ReaderOptions;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ar-agent bench nlu}: intent accuracy and entity accuracy on the labelled evaluation set. */
@Command(
        name = "nlu",
        mixinStandardHelpOptions = true,
        header = "Intent and entity accuracy of the message reader on the labelled evaluation set.",
        description = "Runs the configured reader (the learned classifier with the rules' extractors, or the LLM when"
                + " AR_LLM_URL is set) over the tuned evaluation set (nlu-eval.jsonl: typos, SMS style, long emails,"
                + " four languages, several intents at once, injection attempts), the older holdout, a set written by a"
                + " writer who never saw the reader and then tuned on (nlu-dev.jsonl, and nlu-dev-2.jsonl about sums), and the unseen"
                + " set written independently before tuning (nlu-unseen.jsonl, four languages), a second one written"
                + " by a writer who never saw the reader (nlu-unseen-2.jsonl), then the classifier's"
                + " own held-back fifth of its training set; prints accuracy overall, per language and per intent,"
                + " injected instructions flagged, the share of expected amounts and dates read exactly, and latency."
                + " --verbose lists the misses of the tuned sets and the old holdout, never the unseen sets'.")
public final class NluBench implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE.jsonl", description = "another evaluation set, same format")
    Optional<Path> file = Optional.empty();

    @Option(names = "--verbose", description = "print every miss")
    boolean verbose;

    @picocli.CommandLine.Mixin
    ReaderOptions readers;

    @Override
    public Integer call() {
        IntentReader reader = readers.reader();
        List<NluEval.Case> cases = NluEval.load(file);
        NluEval.run(reader, cases.subList(0, Math.min(10, cases.size()))); // warm-up: model load, classifier training
        report("nlu", reader, cases, verbose);
        if (file.isEmpty()) {
            // written after the rules of an earlier reader were tuned, then looked at: no longer unseen
            report("nlu.holdout", reader, NluEval.resource(NluEval.HOLDOUT), verbose);
            // written by a writer who never saw the reader, then tuned on
            report("nlu.dev", reader, NluEval.resource(NluEval.DEV), verbose);
            report("nlu.dev2", reader, NluEval.resource(NluEval.DEV_2), verbose);
            // written independently before the classifier was tuned, never looked at case by case: the honest figure
            report("nlu.unseen", reader, NluEval.resource(NluEval.UNSEEN), false);
            // a second one, written this way after the first was consulted, by a writer who never saw the reader
            report("nlu.unseen2", reader, NluEval.resource(NluEval.UNSEEN_2), false);
            if (readers.llm().isEmpty()) {
                heldBack();
            }
        }
        return 0;
    }

    /**
     * The classifier's own held-back fifth: a classifier trained on the other four fifths reads it (the reader in use
     * learned from all five).
     */
    private void heldBack() {
        var embedder = dev.aragent.ragindex.OnnxEmbedder.create();
        IntentReader fresh = RuleIntentReader.of(IntentClassifier.train(TrainingSet.tuning(), embedder));
        List<NluEval.Case> cases = TrainingSet.heldBack().stream()
                .map(e -> new NluEval.Case(
                        new IncomingText(e.text(), java.time.Instant.parse("2026-03-17T15:00:00Z"), ZoneOffset.UTC),
                        e.intent(),
                        Optional.empty(),
                        Optional.empty(),
                        e.lang(),
                        false))
                .toList();
        List<NluEval.Outcome> outcomes = NluEval.run(fresh, cases);
        count("nlu.training_heldback.cases", cases.size());
        line("nlu.training_heldback.intent.accuracy", NluEval.accuracy(outcomes), "");
        perLanguage("nlu.training_heldback", outcomes);
    }

    private static void perLanguage(String prefix, List<NluEval.Outcome> outcomes) {
        for (String lang : new String[] {"en", "es", "fr", "de"}) {
            List<NluEval.Outcome> of =
                    outcomes.stream().filter(o -> o.c().lang().equals(lang)).toList();
            if (!of.isEmpty()) {
                line(prefix + ".intent.accuracy." + lang, NluEval.accuracy(of), "");
            }
        }
    }

    private static void report(String prefix, IntentReader reader, List<NluEval.Case> cases, boolean misses) {
        List<NluEval.Outcome> outcomes = NluEval.run(reader, cases);
        count(prefix + ".cases", cases.size());
        line(prefix + ".intent.accuracy", NluEval.accuracy(outcomes), "");
        perLanguage(prefix, outcomes);
        List<NluEval.Outcome> injected =
                outcomes.stream().filter(o -> o.c().injection()).toList();
        if (!injected.isEmpty()) {
            line(
                    prefix + ".injection.flagged",
                    injected.stream().filter(NluEval.Outcome::injectionRight).count() / (double) injected.size(),
                    "");
            line(
                    prefix + ".injection.read_as_other",
                    injected.stream().filter(NluEval.Outcome::intentRight).count() / (double) injected.size(),
                    "");
        }
        for (Intent intent : Intent.values()) {
            long total = outcomes.stream().filter(o -> o.c().intent() == intent).count();
            long right = outcomes.stream()
                    .filter(o -> o.c().intent() == intent && o.intentRight())
                    .count();
            long predicted =
                    outcomes.stream().filter(o -> o.got().intent() == intent).count();
            if (total > 0) {
                line(prefix + ".intent." + intent.code() + ".recall", right / (double) total, "");
                line(
                        prefix + ".intent." + intent.code() + ".precision",
                        predicted == 0 ? 0 : right / (double) predicted,
                        "");
            }
        }
        share(
                prefix + ".amounts.exact",
                outcomes.stream().map(NluEval.Outcome::amountsRight).toList());
        amountsByKind(prefix, outcomes);
        share(
                prefix + ".dates.exact",
                outcomes.stream().map(NluEval.Outcome::datesRight).toList());
        long[] nanos =
                outcomes.stream().mapToLong(NluEval.Outcome::nanos).sorted().toArray();
        line(prefix + ".latency.p50", nanos[nanos.length / 2] / 1e6, "ms");
        line(prefix + ".latency.p99", nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6, "ms");
        if (misses) {
            for (NluEval.Outcome o : outcomes) {
                boolean miss = !o.intentRight()
                        || !o.amountsRight().orElse(true)
                        || !o.datesRight().orElse(true);
                if (miss) {
                    System.out.printf(
                            Locale.ROOT,
                            "MISS %s → %s %.2f amounts %s dates %s | %s%n",
                            o.c().intent().code(),
                            o.got().intent().code(),
                            o.got().confidence(),
                            o.got().amounts().stream().map(a -> a.display()).toList(),
                            o.got().dates(),
                            o.c().text().text().replace("\n", " "));
                }
            }
        }
    }

    /**
     * Amounts read right by what the case expects: none, one sum, several, or a share, the rest or the whole among
     * them; and by language. The cases stay unprinted (a held-back set's kinds of miss, not its texts).
     */
    private static void amountsByKind(String prefix, List<NluEval.Outcome> outcomes) {
        Map<String, List<Optional<Boolean>>> byKind = new TreeMap<>();
        for (NluEval.Outcome o : outcomes) {
            o.c().amounts().ifPresent(expected -> {
                String kind = expected.isEmpty()
                        ? "none"
                        : expected.stream().anyMatch(a -> !Character.isDigit(a.charAt(0)) || a.endsWith("%"))
                                ? "share_rest_full"
                                : expected.size() == 1 ? "one_sum" : "several_sums";
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(o.amountsRight());
                byKind.computeIfAbsent(o.c().lang(), k -> new ArrayList<>()).add(o.amountsRight());
            });
        }
        byKind.forEach((kind, checks) -> share(prefix + ".amounts.exact." + kind, checks));
    }

    private static void share(String name, List<Optional<Boolean>> checks) {
        List<Boolean> given = checks.stream().flatMap(Optional::stream).toList();
        if (given.isEmpty()) {
            return; // the set labels no such entities
        }
        count(name + ".cases", given.size());
        line(name, given.stream().filter(b -> b).count() / (double) Math.max(1, given.size()), "");
    }

    private static void count(String name, long n) {
        System.out.println(name + ": " + n);
    }

    private static void line(String name, double value, String unit) {
        String v = value == Math.rint(value) && Math.abs(value) > 1
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
        System.out.println(name + ": " + v + (unit.isEmpty() ? "" : " " + unit));
    }

    static String[] names() {
        return Arrays.stream(Intent.values()).map(Intent::code).toArray(String[]::new);
    }
}
