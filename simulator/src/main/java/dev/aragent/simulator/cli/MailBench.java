package dev.aragent.simulator.cli;

import dev.aragent.mailbox.Mail;
import dev.aragent.mailbox.MailParser;
import dev.aragent.mailbox.ParseResult;
import dev.aragent.mailbox.ReplyCases;
import dev.aragent.mailbox.ReplyExtractor;
import dev.aragent.mailbox.Threader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ar-agent bench mail}: parse + thread + extract over the MIME and reply corpora on one core, and reply
 * extraction accuracy on the talon cases.
 */
@Command(
        name = "mail",
        mixinStandardHelpOptions = true,
        header = "Mail pipeline throughput (one core) and reply-extraction accuracy.",
        description = "Loads the third-party corpora (../shared/testdata: mime/, reply-talon/), warms up, then runs the"
                + " whole pipeline on the main thread for the given time and prints messages per second, per-message"
                + " latency percentiles and heap use, then the share of talon cases whose extracted text matches.")
public final class MailBench implements Callable<Integer> {
    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "the testdata directory (default: AR_TESTDATA, else ../shared/testdata beside the checkout)")
    Optional<Path> corpus = Optional.empty();

    @Option(
            names = "--seconds",
            paramLabel = "N",
            defaultValue = "10",
            description = "measured run time (default: ${DEFAULT-VALUE})")
    int seconds = 10;

    @Override
    public Integer call() throws IOException {
        Path dir = corpus.orElseGet(MailBench::defaultCorpus);
        if (!Files.isDirectory(dir.resolve("mime"))) {
            throw new IllegalArgumentException(
                    "no corpus at " + dir.toAbsolutePath() + ": pass --corpus DIR (the shared testdata directory)");
        }
        List<byte[]> messages = load(dir);
        int parsed = 0;
        for (byte[] m : messages) {
            parsed += MailParser.parse(m) instanceof ParseResult.Parsed ? 1 : 0;
        }
        line("mail.corpus.messages", messages.size(), "");
        line("mail.corpus.parsed", parsed, "");
        line("mail.corpus.quarantined", messages.size() - parsed, "");
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            pass(messages, null);
        }
        System.gc();
        long[] latencies = new long[2_000_000];
        int[] count = {0};
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long processed = 0;
        while (System.nanoTime() < end) {
            processed += pass(messages, l -> {
                if (count[0] < latencies.length) {
                    latencies[count[0]++] = l;
                }
            });
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, count[0]);
        Arrays.sort(sorted);
        Runtime rt = Runtime.getRuntime();
        line("mail.pipeline.throughput", Math.round(processed / elapsed), "msg/s");
        line("mail.pipeline.latency.p50", micros(sorted, 0.50), "us");
        line("mail.pipeline.latency.p99", micros(sorted, 0.99), "us");
        line("mail.pipeline.threads", 1, "");
        line("mail.heap.used", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), "MiB");
        List<ReplyCases.Outcome> outcomes = ReplyCases.run(ReplyCases.load(dir.resolve("reply-talon/cases.jsonl")));
        long passed = outcomes.stream().filter(ReplyCases.Outcome::pass).count();
        System.out.printf(Locale.ROOT, "mail.reply.talon.accuracy: %.3f%n", ReplyCases.accuracy(outcomes));
        line("mail.reply.talon.cases", outcomes.size(), "");
        line("mail.reply.talon.passed", passed, "");
        if (verbose) {
            outcomes.stream()
                    .filter(o -> !o.pass())
                    .forEach(o -> System.out.printf(
                            "MISS %s%n--- expected%n%s%n--- got%n%s%n", o.c().id(), o.c().expected(), o.actual()));
        }
        // the project's own multilingual sets: tuned on, and written independently before tuning (never tuned on)
        ownSet("mail.reply.tuned", "replies-tuned.jsonl", verbose);
        ownSet("mail.reply.heldout", "replies-heldout.jsonl", false);
        return 0;
    }

    @Option(names = "--verbose", description = "print the tuned set's misses (never the held-out set's)")
    boolean verbose;

    /** Accuracy on one of the project's own sets, overall, per language and per mail client. */
    static void ownSet(String prefix, String resource, boolean misses) {
        List<ReplyCases.Outcome> outcomes = ReplyCases.run(ReplyCases.resource(resource));
        System.out.printf(Locale.ROOT, "%s.accuracy: %.3f%n", prefix, ReplyCases.accuracy(outcomes));
        line(prefix + ".cases", outcomes.size(), "");
        for (int part : new int[] {1, 2}) {
            java.util.Map<String, List<ReplyCases.Outcome>> groups = new java.util.TreeMap<>();
            outcomes.forEach(o -> groups.computeIfAbsent(ReplyCases.label(o.c(), part), k -> new ArrayList<>())
                    .add(o));
            groups.forEach((label, of) -> System.out.printf(
                    Locale.ROOT,
                    "%s.%s.%s: %.3f (%d)%n",
                    prefix,
                    part == 1 ? "lang" : "client",
                    label,
                    ReplyCases.accuracy(of),
                    of.size()));
        }
        if (misses) {
            outcomes.stream()
                    .filter(o -> !o.pass())
                    .forEach(o -> System.out.printf(
                            "MISS %s%n--- expected%n%s%n--- got%n%s%n", o.c().id(), o.c().expected(), o.actual()));
        }
    }

    /** One pass over the corpus: parse and extract each message (timed one by one), then thread them all. */
    private static int pass(List<byte[]> messages, java.util.function.LongConsumer latency) {
        List<Threader.Item> items = new ArrayList<>(messages.size());
        int n = 0;
        for (byte[] raw : messages) {
            long t0 = System.nanoTime();
            if (MailParser.parse(raw) instanceof ParseResult.Parsed p) {
                Mail mail = p.mail();
                ReplyExtractor.newText(mail.body(), mail.from().map(Mail.Sender::display));
                items.add(new Threader.Item(mail.messageId().orElse("n" + n), mail.subject(), mail.references()));
            }
            n++;
            if (latency != null) {
                latency.accept(System.nanoTime() - t0);
            }
        }
        Threader.thread(items, true);
        return n;
    }

    private static List<byte[]> load(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files =
                Stream.concat(Files.walk(dir.resolve("mime")), Files.walk(dir.resolve("reply-talon")))) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".msg")
                        || name.endsWith(".eml")
                        || name.startsWith("msg_") && name.endsWith(".txt")) {
                    out.add(Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    static Path defaultCorpus() {
        String env = System.getenv("AR_TESTDATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getenv("AR_HOME");
        return Path.of(home == null ? "." : home).resolve("../shared/testdata").normalize();
    }

    private static long micros(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1_000;
    }

    private static void line(String name, long value, String unit) {
        System.out.println(name + ": " + value + (unit.isEmpty() ? "" : " " + unit));
    }
}
