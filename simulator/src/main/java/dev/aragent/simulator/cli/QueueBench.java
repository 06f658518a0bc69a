package dev.aragent.simulator.cli;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.RiskLearner;
import dev.aragent.console.Progress;
import dev.aragent.console.TextReports;
import dev.aragent.riskmodel.LightGbmLearner;
import dev.aragent.simulator.book.SampleBook;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ar-agent bench queue}: score and plan a generated book of open invoices. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        header = "Score and plan N generated open invoices (default 1,000,000).",
        description = {
            "Trains a LightGBM model on the sample book (2,400 accounts), generates a book of N open invoices (about"
                    + " five per account, each account with a short payment history), then times one whole plan:"
                    + " features, scores, cadence, rules, channel and window choice, expected-value ordering, and"
                    + " factors for the entries listed. Goal: 1M invoices in ≤ 60 s within a 2 GB heap — run with"
                    + " JAVA_OPTS=\"-Xmx2g\" to hold it to that.",
            "Figures: queue.plan.seconds, queue.invoices_per_second, queue.heap.peak.mib, queue.explain.ms_per_entry."
        })
public final class QueueBench implements Callable<Integer> {
    private static final String[] SEGMENTS = {
        "restaurants", "construction", "retail", "healthcare", "hospitality", "manufacturing", "education", "services"
    };
    private static final String[] ZONES = {
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
    };

    @Option(
            names = "--invoices",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "open invoices (default: ${DEFAULT-VALUE})")
    int invoices = 1_000_000;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "1000",
            description = "entries explained (default: ${DEFAULT-VALUE})")
    int limit = 1_000;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "7",
            description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Override
    public Integer call() {
        if (invoices < 1 || limit < 1) {
            throw new IllegalArgumentException("--invoices and --limit must be at least 1");
        }
        LocalDate today = LocalDate.of(2026, 11, 23);
        Instant now = today.atTime(15, 0).toInstant(ZoneOffset.UTC);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Progress progress = new Progress(System.err, 3);
        progress.step("training the model on the sample book");
        SampleBook sample = SampleBook.generate(42, today, 2_400);
        List<AccountRecord> sampleAccounts = DemoBooks.records(sample);
        Features trainFeatures = Features.forAccounts(sampleAccounts, Tone.lexicon());
        Dataset data = RiskTrainer.snapshots(sampleAccounts, trainFeatures, today, 30, 7);
        RiskModel model = new RiskTrainer(new LightGbmLearner(), clock)
                .train(data, 0.8, 30, 1, RiskLearner.Settings.defaults())
                .model();
        Features features = Features.forSchema(model.schema(), Tone.lexicon());
        progress.advance("model trained (" + model.info().rounds() + " rounds)");
        progress.step("generating " + String.format(Locale.ROOT, "%,d", invoices) + " open invoices");
        List<AccountRecord> book = generate(invoices, today, new SplittableRandom(seed));
        progress.advance("book generated: " + book.size() + " accounts");
        progress.step("planning");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        ActionQueue.Plan plan = ActionQueue.plan(
                book, Set.of(), Map.of(), List.of(), model, features, QueueRules.defaults(), now, limit, true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long t1 = System.nanoTime();
        ActionQueue.plan(book, Set.of(), Map.of(), List.of(), model, features, QueueRules.defaults(), now, 1, true);
        double secondsOne = (System.nanoTime() - t1) / 1e9;
        progress.advance("planned");
        progress.finish("done");
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "queue.invoices: %d%n", plan.invoicesScored());
        System.out.printf(Locale.ROOT, "queue.accounts: %d%n", plan.accountsWithOpenInvoices());
        System.out.printf(Locale.ROOT, "queue.entries: %d%n", plan.entries().size());
        System.out.printf(Locale.ROOT, "queue.plan.seconds: %.2f s%n", seconds);
        System.out.printf(Locale.ROOT, "queue.invoices_per_second: %.0f%n", plan.invoicesScored() / seconds);
        System.out.printf(Locale.ROOT, "queue.plan_explaining_one.seconds: %.2f s%n", secondsOne);
        System.out.printf(
                Locale.ROOT,
                "queue.explain.ms_per_entry: %.3f ms%n",
                Math.max(0, seconds - secondsOne)
                        * 1000
                        / Math.max(1, plan.entries().size() - 1));
        System.out.printf(Locale.ROOT, "queue.heap.book.mib: %d MiB%n", before / (1024 * 1024));
        System.out.printf(Locale.ROOT, "queue.heap.peak.mib: %d MiB%n", peak / (1024 * 1024));
        System.out.printf(Locale.ROOT, "queue.heap.max.mib: %d MiB%n", max / (1024 * 1024));
        System.out.printf(
                Locale.ROOT,
                "queue.goal: %s (≤ 60 s and ≤ 2048 MiB peak heap)%n",
                seconds <= 60 && peak <= 2048L * 1024 * 1024 ? "met" : "not met");
        if (!plan.entries().isEmpty()) {
            System.out.println("first entry:");
            TextReports.why(System.out, plan.entries().getFirst());
        }
        model.close();
        return 0;
    }

    /** Accounts with about five open invoices each and a short history, until {@code total} open invoices. */
    static List<AccountRecord> generate(int total, LocalDate today, SplittableRandom random) {
        List<AccountRecord> out = new ArrayList<>();
        int made = 0;
        int a = 0;
        while (made < total) {
            CustomerKey key = CustomerKey.of(String.format(Locale.ROOT, "B-%07d", a));
            double reliability = random.nextDouble();
            Customer customer = new Customer(
                    key,
                    "Account " + a,
                    Optional.of(SEGMENTS[a % SEGMENTS.length]),
                    Optional.empty(),
                    Optional.of(ZoneId.of(ZONES[a % ZONES.length])),
                    Optional.of(Money.of(1_000_000 + random.nextInt(5_000_000), "USD")),
                    Optional.of(today.minusDays(200 + random.nextInt(3_000))),
                    List.of(),
                    List.of(new Contact(
                            "AP",
                            Optional.of("ap" + a + "@debtor.example"),
                            Optional.of(String.format(Locale.ROOT, "+1555%07d", a % 10_000_000)),
                            "billing",
                            random.nextDouble() < 0.03,
                            random.nextDouble() < 0.05)));
            List<Invoice> invoices = new ArrayList<>();
            List<Payment> payments = new ArrayList<>();
            int open = Math.min(total - made, 1 + random.nextInt(9));
            for (int i = 0; i < 4; i++) {
                LocalDate issued = today.minusDays(200 - i * 30L);
                Money amount = Money.of(20_000 + random.nextInt(500_000), "USD");
                LocalDate settled =
                        issued.plusDays(30 + (random.nextDouble() < reliability ? -2 : 5 + random.nextInt(40)));
                String number = key.value() + "-H" + i;
                invoices.add(Invoice.settled(key, number, issued, issued.plusDays(30), amount, settled, false));
                if (i >= 2) {
                    payments.add(new Payment(
                            key,
                            "P-" + number,
                            settled,
                            amount,
                            Optional.of("ach"),
                            List.of(new Payment.Allocation(number, amount))));
                }
            }
            for (int i = 0; i < open; i++) {
                LocalDate due = today.minusDays(random.nextInt(-10, 150));
                Money amount = Money.of(20_000 + random.nextInt(500_000), "USD");
                invoices.add(Invoice.unpaid(key, key.value() + "-" + i, due.minusDays(30), due, amount, false));
            }
            made += open;
            out.add(new AccountRecord(
                    customer, invoices, payments, List.of(), List.of(), AccountActivity.none(), Map.of()));
            a++;
        }
        return out;
    }
}
