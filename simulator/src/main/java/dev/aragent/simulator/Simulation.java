package dev.aragent.simulator;

import dev.aragent.agent.app.CashDesk;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.imports.Profile;
import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.server.Scheduler;
import dev.aragent.server.Tenancy;
import dev.aragent.simulator.book.SampleBook;
import dev.aragent.simulator.book.SampleBookWriter;
import dev.aragent.simulator.demo.DemoMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A quarter of collections on a virtual clock, twice over the same book and the same debtors: once with the agent
 * (the queue's outreach by email, text and call, replies read and answered through the policy engine, follow-ups,
 * approvals clicked in Slack by a simulated AR manager, tasks for people handled by a simulated AR team) and once
 * under plain dunning (reminders 7 days before, on, and 7, 14, 30 days after each due date; replies never read).
 * Debtors receive real email through the in-process mail server and answer in thread, text back through a loopback
 * Twilio and take calls over the voice bridge ({@link Loopback}); their payments enter through the import path as a
 * real installation's would. Every figure of the {@link Result} is counted from the simulation's own events and store.
 */
public final class Simulation {
    static final TenantId AGENT = TenantId.of("sim-agent");
    static final TenantId DUNNING = TenantId.of("sim-dunning");
    private static final List<ImportKind> ORDER =
            List.of(ImportKind.CUSTOMERS, ImportKind.AGING, ImportKind.HISTORY, ImportKind.PAYMENTS, ImportKind.NOTES);
    private static final List<Integer> DUNNING_STEPS = List.of(-7, 0, 7, 14, 30);
    /** Calls answered side by side. */
    private static final int CALL_LINES = 4;

    /** How the simulation runs. */
    public record Settings(
            long seed,
            int accounts,
            int days,
            double feePercent,
            int people,
            int touchesPerPerson,
            Assumptions assumptions) {
        /** With the seed's AR team: two people, fifteen touches a day each (the 30 accounts a day they reach). */
        public Settings(long seed, int accounts, int days, double feePercent) {
            this(seed, accounts, days, feePercent, 2, 15, Assumptions.base());
        }

        /** On the base assumptions. */
        public Settings(long seed, int accounts, int days, double feePercent, int people, int touchesPerPerson) {
            this(seed, accounts, days, feePercent, people, touchesPerPerson, Assumptions.base());
        }

        /** The same quarter on other assumptions. */
        public Settings with(Assumptions other) {
            return new Settings(seed, accounts, days, feePercent, people, touchesPerPerson, other);
        }

        /** The human touches the AR team has in a day. */
        public int capacity() {
            return people * touchesPerPerson;
        }

        public Settings {
            if (people < 1 || people > 50) {
                throw new IllegalArgumentException("--team must be 1-50 people");
            }
            if (touchesPerPerson < 1 || touchesPerPerson > 200) {
                throw new IllegalArgumentException("--touches-per-person must be 1-200");
            }
            if (days < 1 || days > 180) {
                throw new IllegalArgumentException("--days must be 1-180");
            }
            if (accounts < 10 || accounts > 20_000) {
                throw new IllegalArgumentException("--accounts must be 10-20000");
            }
            if (feePercent < 0 || feePercent > 50) {
                throw new IllegalArgumentException("--fee-percent must be 0-50");
            }
        }
    }

    /** Hears each simulated day with the running counts. */
    @FunctionalInterface
    public interface Listener {
        void day(int done, int of, String counts);

        /** Each account's state at the end of each day, one line per account and arm (to compare two runs). */
        default void trace(String line) {}

        /**
         * Whether {@link #trace} is heard: then each day also says why the agent's queue left each account out (an
         * extra planning pass a day, for reading a run, not for timing one).
         */
        default boolean tracing() {
            return false;
        }
    }

    /** What one arm achieved. Amounts in minor units of the book's currency. */
    public record Arm(
            String name,
            long[] collectedByDay,
            long collected,
            long collectedAfterContact,
            long openAtStart,
            long openAtEnd,
            double dso,
            int emails,
            int texts,
            int calls,
            int callsAnswered,
            int callPromises,
            int debtorReplies,
            int textReplies,
            int repliesRead,
            int promises,
            int promisesKept,
            int promisesBroken,
            int accountsPromising,
            int disputesSurfaced,
            double disputeDaysAfterContact,
            long writeOffMinor,
            int writeOffInvoices,
            int humanTouches,
            Map<String, Integer> touchesByKind,
            int contactedAfterOptOut,
            Map<Persona, Long> collectedByPersona,
            int contactedAfterPayment,
            int cashAuto,
            int cashByPerson,
            int cashUnapplied,
            int cashMisapplied,
            int cashLink,
            List<Integer> touchesByDay,
            int daysOverCapacity,
            long[] receivables,
            long[] current,
            List<Measures.Month> months) {
        public Arm {
            touchesByDay = List.copyOf(touchesByDay);
            months = List.copyOf(months);
        }

        /** The most human touches on one day. */
        public int peakDayTouches() {
            return touchesByDay.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** Both arms, the debtors' mix and what it took. */
    public record Result(
            Settings settings,
            LocalDate start,
            String currency,
            int debtors,
            Map<Persona, Integer> mix,
            Arm agent,
            Arm dunning,
            Arm team,
            long invoicedMinor,
            long feeMinor,
            long feeBaseMinor,
            int retrainings,
            Duration took,
            Map<String, Duration> phases,
            Audit audit) {}

    /**
     * The message audit of the agent's arm: how many messages went out (emails, texts, lines said on calls) and each
     * one that stated something untrue (empty when the audit was not asked for: {@code messages} is then 0).
     */
    public record Audit(int messages, List<String> violations) {
        public Audit {
            violations = List.copyOf(violations);
        }
    }

    private final App app;
    /** What the console shows the AR team: its task list, in the order to work it. */
    private final dev.aragent.agent.app.Workbench workbench;

    private final Settings settings;
    private final DemoClock clock;
    private final Listener listener;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    /** Batch passes that retrained the risk model (after enough new outcomes: paid invoices, promises, disputes). */
    private int retrainings;
    /** Runs plain dunning's work beside the agent's (a platform thread: it blocks on the database and mail). */
    private final java.util.concurrent.ExecutorService beside = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("sim-dunning").daemon().factory());
    /** Approvals the simulated AR manager decided, by account. */
    private final Map<String, Integer> decided = new HashMap<>();
    /** Every invoice of the book by number, the open ones at the start and those issued since. */
    private final Map<String, Invoice> invoicesByNumber = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean auditing;
    private Optional<java.io.Writer> messages = Optional.empty();
    private Optional<MessageAudit> audit = Optional.empty();

    /** Audits what the agent's arm sent since the last look (after every phase that sends). */
    private void audited() {
        audit.ifPresent(MessageAudit::collect);
    }

    /** Counts the batch passes that retrained the risk model on the outcomes so far. */
    private void retrained(dev.aragent.agent.app.Schedule.Pass pass) {
        if (pass.retrained().isPresent()) {
            retrainings++;
        }
    }

    /** Runs {@code work}, adding its time to {@code phase} (the two arms run side by side: phases overlap). */
    private void timed(String phase, Runnable work) {
        long t = System.nanoTime();
        work.run();
        synchronized (phases) {
            phases.merge(phase, System.nanoTime() - t, Long::sum);
        }
    }

    @FunctionalInterface
    private interface MailWork {
        void run() throws MessagingException;
    }

    private void timedMail(String phase, MailWork work) throws MessagingException {
        long t = System.nanoTime();
        work.run();
        synchronized (phases) {
            phases.merge(phase, System.nanoTime() - t, Long::sum);
        }
    }

    private Simulation(App app, Settings settings, DemoClock clock, Listener listener) {
        this.app = app;
        this.workbench = app.workbench();
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /** Runs on {@code app}, whose clock must be {@code clock}; the app's tenant must be {@link #AGENT}. */
    public static Result run(App app, Settings settings, DemoClock clock, Path dir, Listener listener) {
        return run(app, settings, clock, dir, listener, false, Optional.empty());
    }

    /**
     * As {@link #run(App, Settings, DemoClock, Path, Listener)}, auditing every message the agent sends when
     * {@code audit} (and writing each as a JSON line to {@code messages}, when given).
     */
    public static Result run(
            App app,
            Settings settings,
            DemoClock clock,
            Path dir,
            Listener listener,
            boolean audit,
            Optional<java.io.Writer> messages) {
        Simulation simulation = new Simulation(app, settings, clock, listener);
        simulation.auditing = audit;
        simulation.messages = messages;
        try {
            return simulation.run(dir);
        } finally {
            simulation.beside.shutdownNow();
        }
    }

    private Result run(Path dir) {
        long t0 = System.nanoTime();
        LocalDate start = LocalDate.now(clock);
        SampleBook book = SampleBook.generate(settings.seed(), start, settings.accounts());
        timed("import the book twice", () -> importBook(book, dir));
        timed(
                "train the risk model",
                () -> app.trainRisk(AGENT, 30, dev.aragent.agent.spi.RiskLearner.Settings.defaults()));
        Map<CustomerKey, Debtor> agentSide = debtors(book);
        Map<CustomerKey, Debtor> dunningSide = debtors(book);
        TeamAlone team = new TeamAlone(debtors(book), settings.days(), settings.capacity());
        long[] sales = sales(book, start, settings.days());
        Map<Persona, Integer> mix = new EnumMap<>(Persona.class);
        agentSide.values().forEach(d -> mix.merge(d.persona, 1, Integer::sum));
        long openAtStart =
                agentSide.values().stream().mapToLong(Debtor::openMinor).sum();
        // the agent's messages carry pay-now links on a loopback Stripe; plain dunning's carry the instructions only
        try (Loopback.PayDesk pay = Loopback.PayDesk.start(app, AGENT, clock);
                DemoMail agentMail = DemoMail.start(app.mailJournal(), clock, id -> pay.brain(app, id));
                DemoMail dunningMail = DemoMail.start(app.mailJournal(), clock, app::turnTaker);
                Loopback lines = Loopback.start(app, agentMail.desk(), pay.brain(app, DemoMail.IDENTITY), clock, pay)) {
            Side agent = new Side(AGENT, agentMail, Optional.of(lines), agentSide, settings.days());
            Side dunning = new Side(DUNNING, dunningMail, Optional.empty(), dunningSide, settings.days());
            if (auditing) {
                audit = Optional.of(new MessageAudit(
                        app, AGENT, clock, app.settings().agent().defaultZone(), agent::contactStatus, messages));
            }
            Tenancy office = lines.office();
            Scheduler scheduler = Scheduler.forChannels(app, Optional.of(agentMail.desk()), office, DemoMail.IDENTITY);
            Map<CustomerKey, Customer> customers = new HashMap<>();
            app.ledger().customers(DUNNING).forEach(c -> customers.put(c.key(), c));
            book.openInvoices().forEach(i -> invoicesByNumber.put(i.number(), i));
            for (int d = 0; d < settings.days(); d++) {
                LocalDate day = LocalDate.now(clock);
                // the agent's day: payments in, the queue's outreach on run days, follow-ups, the debtors' answers
                // read and answered, approvals and calls handled by the simulated AR team
                final int index = d;
                final int touchedBefore = agent.touches;
                agent.budget = workday(day) ? settings.capacity() : 0; // the team works weekdays
                timed("invoices issued", () -> issue(book, day, List.of(agent, dunning), team));
                timed("team alone", () -> team.day(day, index));
                timed("payments in", () -> agent.payByBank(day, index));
                if (workday(day) || d == 0) {
                    timed("agent: queue and outreach", () -> retrained(scheduler.runOnce(AGENT, false, 10_000)));
                    audited();
                }
                // the afternoon in UTC: 08:00 has come to the western time zones; actions waiting for it go out
                clock.advance(Duration.ofHours(5));
                if (workday(day) || d == 0) {
                    timed("agent: queue and outreach", () -> retrained(scheduler.runOnce(AGENT, false, 10_000)));
                    audited();
                }
                // plain dunning's day (payments in, fixed reminders, answers nobody reads) runs beside the agent's
                // rest of the day: another tenant, another mail server, the same virtual afternoon
                var dunningDay = java.util.concurrent.CompletableFuture.runAsync(
                        () -> {
                            timed("payments in", () -> dunning.pay(day, index));
                            timed("dunning: reminders", () -> {
                                dun(day, dunning, customers, invoicesByNumber);
                                dunningMail.desk().dispatch(DUNNING, 100_000);
                            });
                            try {
                                timedMail("debtors", () -> {
                                    dunning.debtorsRead(day);
                                    dunning.debtorsAnswer(day);
                                });
                            } catch (MessagingException e) {
                                throw new java.util.concurrent.CompletionException(e);
                            }
                        },
                        beside);
                timed("agent: follow-ups", () -> office.office().followUps(AGENT));
                audited();
                timed("mail out", () -> {
                    agentMail.desk().dispatch(AGENT, 100_000);
                    pump(office);
                });
                audited();
                timedMail("debtors", () -> {
                    agent.debtorsRead(day);
                    agent.debtorsAnswer(day);
                });
                audited();
                timed("agent: replies read and answered", () -> {
                    // the watcher reads a hundred at a time; serve's loop reads again at once, so all of today's
                    int got;
                    do {
                        got = agentMail
                                .watcher()
                                .pollOnce(AGENT, agentMail.inbox())
                                .size();
                        agent.read += got;
                    } while (got > 0);
                    agentMail.desk().dispatch(AGENT, 100_000);
                    pump(office);
                });
                audited();
                timedMail("debtors", () -> agent.debtorsRead(day));
                timed("agent: calls", () -> agent.debtorsTakeCalls(day));
                audited();
                timed("agent: approvals, calls, promises", () -> {
                    agent.touches += manage(lines, day, agent);
                    pump(office);
                    promises(day, agent);
                });
                audited();
                try {
                    dunningDay.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof MessagingException m) {
                        throw m;
                    }
                    throw e;
                }
                agent.touchesByDay[d] = agent.touches - touchedBefore;
                for (Side side : List.of(agent, dunning)) {
                    side.tally.close(d, day, side.debtors.values());
                    side.trace(d + 1, day);
                }
                if (listener.tracing()) {
                    int dayNumber = d + 1;
                    app.database()
                            .jdbi()
                            .useHandle(h -> h.createQuery("""
                                    select kind, count(*) as n, min(created_at) as oldest from tasks
                                    where tenant_id = :t and (status = 'for_a_person' or status = 'open'
                                      and (kind <> 'call_debtor' or conversation_id is null))
                                    group by kind order by kind""")
                                    .bind("t", AGENT.value())
                                    .mapToMap()
                                    .forEach(row -> listener.trace(dayNumber + " " + AGENT.value() + " tasks open: "
                                            + row.get("kind") + " " + row.get("n") + " oldest " + row.get("oldest"))));
                    app.queue()
                            .plan(AGENT, 1)
                            .skipped()
                            .forEach(k -> listener.trace(dayNumber + " " + AGENT.value() + " "
                                    + k.customer().value() + " skipped: " + k.reason()));
                }
                listener.day(
                        d + 1,
                        settings.days(),
                        String.format(
                                Locale.ROOT,
                                "agent %s collected, %d emails | dunning %s, %d emails",
                                money(agent.collected()),
                                agent.emails,
                                money(dunning.collected()),
                                dunning.emails));
                clock.advance(Duration.ofHours(19));
            }
            LocalDate end = LocalDate.now(clock);
            Arm a = agent.arm("agent", openAtStart, sales, end, true);
            Arm b = dunning.arm("plain dunning", openAtStart, sales, end, false);
            Arm c = teamArm(team, openAtStart, sales, end);
            long invoiced = book.issuing().stream()
                    .filter(i -> i.issueDate().isBefore(end))
                    .mapToLong(i -> i.amount().minor())
                    .sum();
            // the fee is charged on what the agent brought in beyond plain dunning, debtor by debtor, after its first
            // contact: cash plain dunning also collected from the same debtor is not the agent's doing
            long uplift = 0;
            for (var e : agent.tally.afterContactBy.entrySet()) {
                uplift += Math.max(0, e.getValue() - dunning.tally.collectedBy.getOrDefault(e.getKey(), 0L));
            }
            long fee = Math.round(uplift * settings.feePercent() / 100.0);
            return new Result(
                    settings,
                    start,
                    app.settings().currency().getCurrencyCode(),
                    agentSide.size(),
                    mix,
                    a,
                    b,
                    c,
                    invoiced,
                    fee,
                    uplift,
                    retrainings,
                    Duration.ofNanos(System.nanoTime() - t0),
                    phaseTimes(),
                    audit.map(x -> new Audit(
                                    x.messages(),
                                    x.violations().stream()
                                            .map(e -> e.account() + " " + e.channel() + " " + e.kind() + " "
                                                    + e.sentAt() + ": " + String.join("; ", e.violations()))
                                            .toList()))
                            .orElse(new Audit(0, List.of())));
        } catch (MessagingException e) {
            throw new IllegalStateException("the simulated debtors' mail failed: " + e.getMessage(), e);
        }
    }

    /** A business day: the batch runs (as serve's daily batch would), the AR team works. */
    static boolean workday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<String, Duration> phaseTimes() {
        Map<String, Duration> out = new LinkedHashMap<>();
        phases.forEach((k, v) -> out.put(k, Duration.ofNanos(v)));
        return out;
    }

    /** The same book into both tenants, side by side (each tenant's import is its own transactions). */
    private void importBook(SampleBook book, Path dir) {
        var files = SampleBookWriter.writeGeneric(book, dir);
        var dunning = java.util.concurrent.CompletableFuture.runAsync(() -> importInto(DUNNING, files), beside);
        importInto(AGENT, files);
        dunning.join();
    }

    private void importInto(TenantId tenant, SampleBookWriter.Files5 files) {
        try {
            for (int i = 0; i < ORDER.size(); i++) {
                Path file = files.inImportOrder().get(i);
                app.importFile(
                        tenant,
                        file.getFileName().toString(),
                        Files.readAllBytes(file),
                        Profile.GENERIC,
                        Optional.of(ORDER.get(i)),
                        true,
                        "sim");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A debtor for every account of the book (all have an email contact), in the book's order. */
    private Map<CustomerKey, Debtor> debtors(SampleBook book) {
        Map<CustomerKey, List<Invoice>> open = new LinkedHashMap<>();
        book.openInvoices().stream()
                .filter(Invoice::owing)
                .forEach(i -> open.computeIfAbsent(i.customer(), k -> new ArrayList<>())
                        .add(i));
        Map<CustomerKey, Debtor> out = new LinkedHashMap<>();
        int index = 0;
        for (Customer c : book.customers()) {
            List<Invoice> invoices = open.getOrDefault(c.key(), List.of());
            Optional<Contact> contact = c.contacts().stream()
                    .filter(k -> k.email().isPresent() && !k.emailOptOut())
                    .findFirst()
                    .or(() -> c.contacts().stream()
                            .filter(k -> k.email().isPresent())
                            .findFirst());
            index++;
            if (contact.isEmpty()) {
                continue;
            }
            Debtor d = new Debtor(
                    c.key(),
                    contact.get().name(),
                    contact.get().email().orElseThrow(),
                    c.contacts().stream().flatMap(k -> k.email().stream()).toList(),
                    c.contacts().stream().flatMap(k -> k.phone().stream()).toList(),
                    invoices,
                    book::settlesOn,
                    settings.assumptions(),
                    settings.seed(),
                    index);
            // a reply is signed by whoever writes from that address, not by the account's first contact
            for (Contact k : c.contacts()) {
                k.email().ifPresent(e -> d.names.put(e.toLowerCase(Locale.ROOT), k.name()));
            }
            out.put(c.key(), d);
        }
        return out;
    }

    /** Plain dunning: one email per account on the days an invoice is 7 days from due, due, or 7/14/30 days late. */
    private void dun(
            LocalDate day, Side side, Map<CustomerKey, Customer> customers, Map<String, Invoice> invoicesByNumber) {
        for (Debtor d : side.debtors.values()) {
            List<String> due = d.open.keySet().stream()
                    .filter(n -> DUNNING_STEPS.contains((int) ChronoUnit.DAYS.between(d.due.get(n), day)))
                    .toList();
            Customer c = customers.get(d.customer);
            if (due.isEmpty() || c == null) {
                continue;
            }
            Contact contact = c.contacts().stream()
                    .filter(k -> k.email().isPresent())
                    .findFirst()
                    .orElseThrow();
            List<Invoice> invoices = due.stream()
                    .map(invoicesByNumber::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (invoices.isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder(
                    "Dear customer,\n\nThis is a reminder that the following invoices" + " are due or past due:\n");
            for (Invoice i : invoices) {
                text.append("\n  ")
                        .append(i.number())
                        .append(", due ")
                        .append(i.dueDate())
                        .append(": ")
                        .append(dev.aragent.agent.ledger.Money.of(
                                        d.open.get(i.number()),
                                        i.amount().currency().getCurrencyCode())
                                .format());
            }
            text.append("\n\nPlease arrange payment. If you have already paid, please disregard this message.");
            side.mail.desk().remind(DUNNING, c, contact, invoices, text.toString());
        }
    }

    /**
     * The back office's round, until it has nothing left to do: texts out, calls due placed, approval cards shown in
     * Slack (what {@code serve} does every few seconds).
     */
    private static void pump(Tenancy office) {
        for (int i = 0; i < 100; i++) {
            dev.aragent.agent.app.BackgroundWork.Round r = office.office().pump(AGENT);
            if (r.texts() == 0 && r.calls() == 0 && r.shown() == 0) {
                return;
            }
        }
    }

    /**
     * The simulated AR manager decides pending approvals in Slack; the AR team handles the tasks the agent opened for
     * people, and phones where the queue asked for a personal follow-up or another channel after unanswered emails
     * (the calls conversations asked for, the agent places itself).
     */
    private int manage(Loopback lines, LocalDate day, Side side) {
        int touches = 0;
        List<Map<String, Object>> pending = app.database()
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                                select a.approval_id, c.customer_key from approvals a
                                join conversations c on c.tenant_id = a.tenant_id and c.conversation_id = a.conversation_id
                                where a.tenant_id = :t and a.status = 'pending'
                                order by c.customer_key, a.requested_at""").bind("t", AGENT.value()).mapToMap().list());
        for (Map<String, Object> row : pending) {
            if (side.budget <= 0) {
                break; // the rest wait for tomorrow
            }
            side.budget--;
            // three in four approved, the same ones on every run with the same seed
            String customer = String.valueOf(row.get("customer_key"));
            int asked = decided.merge(customer, 1, Integer::sum);
            boolean yes = new Random(Objects.hash(settings.seed(), customer, asked)).nextInt(4) != 0;
            lines.decide((UUID) row.get("approval_id"), yes);
            touches++;
            side.touchKinds.merge("approval", 1, Integer::sum);
        }
        side.mail.desk().dispatch(AGENT, 100_000);
        // the team's tasks, as many as it has touches left: what only a person can do first (a call asked for, then a
        // credit memo to apply — the queue holds its whole account until it is, as the AR manager's rule says), each
        // kind in the order the console lists them (TaskOrder: the most at stake first, what a call can still recover);
        // what is for a later day (booked, or a call whose account promised or was phoned lately) waits for it, and the
        // rest wait (and age) until a day with room
        int room = Math.max(0, side.budget);
        List<dev.aragent.agent.tasks.PersonTask> listed = room == 0
                ? List.of()
                : workbench.dueToday(AGENT, 5_000).stream()
                        .filter(t -> TEAM_KINDS.contains(t.kind()))
                        .sorted(java.util.Comparator.comparingInt(t -> TEAM_KINDS.indexOf(t.kind())))
                        .toList();
        List<dev.aragent.agent.tasks.PersonTask> worked = new ArrayList<>();
        for (var t : listed) {
            if (worked.size() >= room) {
                break;
            }
            // closed in the console as a person closes it: a call covers the account's other calls waiting, which
            // then take none of the day
            if (app.taskDesk().close(TEAM, t.id().toString(), "done", "", "")
                    instanceof dev.aragent.agent.app.TaskDesk.Result.Done) {
                worked.add(t);
            }
        }
        side.budget -= worked.size();
        for (var t : worked) {
            touches++;
            side.touchKinds.merge(t.kind(), 1, Integer::sum);
            if (listener.tracing()) {
                t.customer()
                        .map(side.debtors::get)
                        .ifPresent(d -> listener.trace(String.format(
                                Locale.ROOT,
                                "%s %s %s %s person worked %s opened %s: open=%d overdue=%d late=%d paying=%b",
                                day,
                                side.tenant.value(),
                                d.customer.value(),
                                d.persona.name(),
                                t.kind(),
                                t.created().toString().substring(0, 10),
                                d.openMinor(),
                                d.overdueMinor(day),
                                d.oldestLate(day),
                                d.paysAll(day))));
            }
            if ("apply_credit_memo".equals(t.kind())) {
                t.customer().ifPresent(c -> applyCreditMemo(c.value(), t.detail()));
            }
            // a call asked for, "three emails unanswered: try another channel, then a person", or a contact to find (a
            // bounce, a call that reached the wrong person): the team finds the right person and phones
            if (List.of("call_debtor", "change_channel", "find_contact").contains(t.kind())) {
                t.customer().map(side.debtors::get).ifPresent(d -> d.calledBy(day));
            }
        }
        return touches;
    }

    /** The simulated AR team as the console knows it: a collector of the agent's tenant. */
    private static final dev.aragent.agent.access.Principal TEAM = new dev.aragent.agent.access.Principal(
            new UUID(0, 2),
            "ar-team@sim",
            "AR team",
            AGENT,
            dev.aragent.agent.access.Role.COLLECTOR,
            java.util.EnumSet.allOf(dev.aragent.agent.access.Permission.class),
            "sim");

    /** The tasks the simulated team works, in the order of their kinds: what only a person can do first. */
    private static final List<String> TEAM_KINDS = List.of(
            "call_debtor",
            "apply_credit_memo",
            "billing_dispute",
            "verify_payment",
            "answer_question",
            "send_invoice_copy",
            "crm_contact_update",
            "find_contact",
            "human_review",
            "change_channel");

    private static final java.util.regex.Pattern MEMO = java.util.regex.Pattern.compile("apply credit memo (\\S+) \\(");

    /**
     * The AR team applies the credit memo a task names, in the ERP; the next aging import would show it applied (gone
     * from the open credit memos), and the simulation writes that outcome to the agent's ledger directly. The balances
     * stay as they are: the debtors' own view (what they pay) does not change, in either arm.
     */
    private void applyCreditMemo(String customer, String detail) {
        java.util.regex.Matcher m = MEMO.matcher(detail);
        if (!m.find()) {
            return;
        }
        app.database()
                .jdbi()
                .useHandle(h -> h.createUpdate("""
                                update credit_memos set status = 'closed', updated_at = :now
                                where tenant_id = :t and customer_key = :c and number = :n and status = 'open'""")
                        .bind("t", AGENT.value())
                        .bind("c", customer)
                        .bind("n", m.group(1))
                        .bind("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                        .execute());
    }

    /**
     * The agent's open promises, seen by their debtors (who pay them, or not, as their persona keeps them), in the
     * order they were made: each installment draws its own chance, so the order must not be the table's (which
     * depends on how the two workers' writes interleaved — where two runs of a quarter parted).
     */
    private void promises(LocalDate day, Side side) {
        app.database()
                .jdbi()
                .useHandle(h -> h.createQuery("""
                        select p.promise_id, c.customer_key, p.due_on, p.amount_minor from promises p
                        join conversations c on c.tenant_id = p.tenant_id and c.conversation_id = p.conversation_id
                        where p.tenant_id = :t and p.status = 'open'
                        order by c.customer_key, p.created_at, p.installment""")
                        .bind("t", AGENT.value())
                        .map((rs, ctx) -> {
                            Debtor d = side.debtors.get(CustomerKey.of(rs.getString(2)));
                            if (d != null) {
                                d.promised(day, rs.getString(1), rs.getObject(3, LocalDate.class), rs.getLong(4));
                            }
                            return 0;
                        })
                        .list());
    }

    /**
     * What the book sold each day, from {@link Measures#TRAILING} days before the start to the last simulated day (the
     * invoices issued then): DSO's denominator, the same for every arm.
     */
    private static long[] sales(SampleBook book, LocalDate start, int days) {
        long[] out = new long[Measures.TRAILING + days];
        LocalDate from = start.minusDays(Measures.TRAILING);
        java.util.stream.Stream.of(book.history(), book.openInvoices(), book.issuing())
                .flatMap(List::stream)
                .forEach(i -> {
                    long k = ChronoUnit.DAYS.between(from, i.issueDate());
                    if (k >= 0 && k < out.length) {
                        out[(int) k] += i.amount().minor();
                    }
                });
        return out;
    }

    /**
     * The invoices the book issues on {@code day}: sent to every arm's debtors, and the ERP's nightly export of new
     * invoices imported by both tenants as a real installation would (plain dunning's reminders are sent through the
     * same mail desk, which files them with the invoices they name).
     */
    private void issue(SampleBook book, LocalDate day, List<Side> sides, TeamAlone team) {
        List<Invoice> issued = book.issuedOn(day);
        for (Invoice i : issued) {
            Optional<LocalDate> settles = book.settlesOn(i.number());
            for (Side side : sides) {
                Optional.ofNullable(side.debtors.get(i.customer())).ifPresent(d -> d.issue(i, settles));
            }
            Optional.ofNullable(team.debtors.get(i.customer())).ifPresent(d -> d.issue(i, settles));
            invoicesByNumber.put(i.number(), i);
        }
        SampleBookWriter.invoicesIssued(book, day).ifPresent(csv -> {
            for (Side side : sides) {
                app.importFile(
                        side.tenant,
                        "invoices-" + day + ".csv",
                        csv.getBytes(StandardCharsets.UTF_8),
                        Profile.GENERIC,
                        Optional.of(ImportKind.INVOICES),
                        true,
                        "sim:erp");
            }
        });
    }

    /** The team-alone arm's figures (no messages, no software: calls by the team, payments as they come). */
    private Arm teamArm(TeamAlone team, long openAtStart, long[] sales, LocalDate end) {
        Tally t = team.tally;
        long open = team.debtors.values().stream().mapToLong(Debtor::openMinor).sum();
        long[] writeOff = Tally.writeOffs(team.debtors.values(), end);
        int days = settings.days();
        return new Arm(
                "team alone",
                t.byDay.clone(),
                t.collected(),
                t.afterContact,
                openAtStart,
                open,
                Measures.dso(open, sales, days - 1),
                0,
                0,
                team.calls,
                team.answered,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                writeOff[0],
                (int) writeOff[1],
                team.calls,
                Map.of("team_call", team.calls),
                0,
                Map.copyOf(t.byPersona),
                0,
                0,
                0,
                0,
                0,
                0,
                java.util.Arrays.stream(team.touchesByDay).boxed().toList(),
                (int) java.util.Arrays.stream(team.touchesByDay)
                        .filter(x -> x > settings.capacity())
                        .count(),
                t.receivables.clone(),
                t.current.clone(),
                Measures.months(openAtStart, t.receivables, t.current, sales));
    }

    /** What a message that only acknowledges a payment says. */
    private static final java.util.regex.Pattern ACKNOWLEDGED = java.util.regex.Pattern.compile(
            "(?i)received payment|is paid\\b|noted your payment|thank you for your payment");

    static String money(long minor) {
        return String.format(Locale.ROOT, "$%,.0f", minor / 100.0);
    }

    /** One arm's debtors, mailboxes and counts. */
    private final class Side {
        final TenantId tenant;
        final DemoMail mail;
        /** Texts, calls and Slack (the agent's arm); plain dunning only emails. */
        final Optional<Loopback> lines;

        final Map<CustomerKey, Debtor> debtors;
        final Map<String, Debtor> byAddress = new HashMap<>();
        final Map<String, MimeMessage> lastTo = new HashMap<>();
        final Tally tally;
        final Set<String> seen = new HashSet<>();
        /** The human touches the AR team has left today. */
        int budget;
        /** Each receipt of the bank files by its reference: who paid it, meaning which invoices (the clerk knows). */
        final Map<String, Map.Entry<Debtor, List<String>>> meant = new HashMap<>();

        int emails;
        int texts;
        int calls;
        int callsAnswered;
        int callPromises;
        int answers;
        int textAnswers;
        int read;
        int touches;
        /** Human touches by what they were: "approval" or the task's kind. */
        final Map<String, Integer> touchKinds = new java.util.TreeMap<>();

        int afterOptOut;
        int afterPayment;
        int paymentFile;
        int cashAuto;
        /** Receipts the agent applied itself to another account or other invoices than the payer meant. */
        int cashMisapplied;

        int cashByPerson;
        int cashUnapplied;
        /** Payments made through a pay-now link (the processor's webhook), not a bank file. */
        int cashLink;
        /** Human touches on each simulated day (approvals, tasks, cash applied by a person). */
        final int[] touchesByDay;
        /** Each account's name as the book has it: what its bank writes on a transfer. */
        final Map<CustomerKey, String> payers = new HashMap<>();

        Side(TenantId tenant, DemoMail mail, Optional<Loopback> lines, Map<CustomerKey, Debtor> debtors, int days) {
            this.tenant = tenant;
            this.mail = mail;
            this.lines = lines;
            this.debtors = debtors;
            this.tally = new Tally(days);
            this.touchesByDay = new int[days];
            debtors.values().forEach(d -> {
                d.personal = lines.isPresent(); // the agent's messages are the account's own; plain dunning's generic
                byAddress.put(d.email.toLowerCase(Locale.ROOT), d);
                d.emails.forEach(e -> byAddress.putIfAbsent(e.toLowerCase(Locale.ROOT), d));
                byAddress.put(d.newEmail.toLowerCase(Locale.ROOT), d);
                d.phones.forEach(p -> byAddress.putIfAbsent(p, d));
            });
        }

        /** An address's status as its debtor stated it: {@code opted_out}, {@code wrong_contact} or {@code valid}. */
        String contactStatus(String address) {
            Debtor d = byAddress.get(address);
            if (d == null) {
                return "valid";
            }
            if (d.optedOut.containsKey(address)) {
                return "opted_out";
            }
            return d.notResponsible.contains(address) ? "wrong_contact" : "valid";
        }

        /** One line per debtor: what they read, paid, still owe (and of it, past due), and what the arm did with them. */
        void trace(int day, LocalDate date) {
            for (Debtor d : debtors.values()) {
                listener.trace(String.format(
                        Locale.ROOT,
                        "%d %s %s %s read=%d open=%d overdue=%d late=%d scheduled=%d replies=%d called=%b",
                        day,
                        tenant.value(),
                        d.customer.value(),
                        d.persona.name(),
                        d.read,
                        d.openMinor(),
                        d.overdueMinor(date),
                        d.oldestLate(date),
                        d.payments.size(),
                        d.replies.size(),
                        d.called));
            }
        }

        long collected() {
            return tally.collected();
        }

        /**
         * The agent's day of payments: the bank's file of the day's receipts taken in as a real installation takes it
         * (the receipts the agent is sure of applied at once), then the AR team's cash clerk works what waits in
         * unapplied cash, each receipt as the debtor meant it. Debtors write their remittances their own way: most name
         * the invoices, some name nothing, some slip a digit; their bank writes their name in capitals.
         */
        void payByBank(LocalDate day, int index) {
            StringBuilder csv = new StringBuilder("date,amount,currency,name,account,text,reference\n");
            int receipts = 0;
            for (Debtor d : debtors.values()) {
                List<Debtor.Payment> today = d.paymentsOn(day);
                if (today.isEmpty()) {
                    continue;
                }
                long minor = 0;
                long kept = 0;
                List<String> invoices = new ArrayList<>();
                for (Debtor.Payment p : today) {
                    minor += p.minor();
                    kept += p.deducted();
                    if (!invoices.contains(p.invoice())) {
                        invoices.add(p.invoice());
                    }
                    tally.counted(d, day, index, p);
                }
                if (lines.isPresent() && paysByCard(d) && lines.get().payByLink(d.customer, minor)) {
                    cashLink++; // through the link a message gave them: Stripe's signed event told the service
                    continue;
                }
                String reference = String.format(Locale.ROOT, "SIM%s%04d%04d", tenant.value(), index, receipts++);
                meant.put(reference, Map.entry(d, invoices));
                csv.append(String.format(
                        Locale.ROOT,
                        "%s,%d.%02d,%s,%s,%s,%s,%s%n",
                        day,
                        minor / 100,
                        minor % 100,
                        app.settings().currency().getCurrencyCode(),
                        quoted(payerName(d)),
                        "SIM" + Math.abs(d.customer.value().hashCode()),
                        quoted(remittance(d, invoices, index)
                                + (kept == 0
                                        ? ""
                                        : String.format(
                                                Locale.ROOT,
                                                " less %d.%02d %s",
                                                kept / 100,
                                                kept % 100,
                                                Debtor.DEDUCTION_REASON))),
                        reference));
            }
            if (receipts > 0) {
                CashDesk.Taken taken = app.takeBankFile(
                        tenant,
                        "bank-" + day + "-" + (paymentFile++) + ".csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        "sim:bank",
                        lines.map(Loopback::payNow));
                cashAuto += taken.applied();
                Set<Long> waiting = app.cashDesk(tenant).waitingReceipts(tenant);
                Map<CustomerKey, List<dev.aragent.agent.ledger.Payment>> payments = new HashMap<>();
                taken.filed().added().stream()
                        .filter(l -> !waiting.contains(l.id()))
                        .forEach(l -> checkApplied(l, payments));
            }
            CashDesk desk = app.cashDesk(tenant);
            for (CashDesk.Waiting w : desk.waiting(tenant, Integer.MAX_VALUE)) {
                var truth = meant.get(w.line().entry().bankReference());
                if (truth == null || budget <= 0) {
                    continue; // the clerk has no time left today (it waits), or cannot tell whose it is
                }
                List<String> stillOpen = app.ledger().accountFile(tenant, truth.getKey().customer).invoices().stream()
                        .filter(i -> i.status() == InvoiceStatus.OPEN
                                && truth.getValue().contains(i.number()))
                        .map(Invoice::number)
                        .toList();
                // the clerk takes the agent's proposal when it is the customer and invoices meant (its deduction
                // noted as the remittance states it), else names them
                int rank = -1;
                List<dev.aragent.agent.cash.Candidate> proposed = w.match().candidates();
                for (int k = 0; k < proposed.size() && rank < 0; k++) {
                    if (proposed.get(k).customer().equals(truth.getKey().customer)
                            && java.util.Set.copyOf(proposed.get(k).invoices())
                                    .equals(java.util.Set.copyOf(stillOpen))) {
                        rank = k;
                    }
                }
                var decided = rank >= 0
                        ? desk.applyCandidate(tenant, w.line().id(), rank, "sim:cash-clerk")
                        : desk.apply(tenant, w.line().id(), truth.getKey().customer, stillOpen, "sim:cash-clerk");
                budget--;
                touches++;
                if (listener.tracing()) {
                    Optional<dev.aragent.agent.cash.Candidate> top =
                            proposed.stream().findFirst();
                    listener.trace(String.format(
                            Locale.ROOT,
                            "%d %s %s %s cash by a person: %s meant %s; proposed %s",
                            index + 1,
                            tenant.value(),
                            truth.getKey().customer.value(),
                            truth.getKey().persona.name(),
                            w.line().entry().amount().toPlainString(),
                            truth.getValue(),
                            top.map(c -> String.format(
                                            Locale.ROOT,
                                            "%s %s %.3f: %s",
                                            c.customer().value(),
                                            c.invoices(),
                                            c.confidence(),
                                            String.join("; ", c.reasons())))
                                    .orElse("nothing")));
                }
                if (decided instanceof CashDesk.Decided.Done) {
                    cashByPerson++;
                    touchKinds.merge("apply_cash", 1, Integer::sum);
                    meant.remove(w.line().entry().bankReference());
                } else {
                    cashUnapplied++;
                }
            }
        }

        /**
         * Whether a receipt the agent applied itself went where its payer meant: to its account, to the invoices it paid
         * (of them, those still open when it came). Counted, and traced, when it did not.
         */
        private void checkApplied(
                dev.aragent.agent.cash.BankLine line,
                Map<CustomerKey, List<dev.aragent.agent.ledger.Payment>> payments) {
            var truth = meant.get(line.entry().bankReference());
            if (truth == null) {
                return; // not a receipt of ours
            }
            String reference = "BANK-" + line.id();
            Optional<dev.aragent.agent.ledger.Payment> applied = payments
                    .computeIfAbsent(
                            truth.getKey().customer,
                            c -> app.ledger().accountFile(tenant, c).payments())
                    .stream()
                    .filter(p -> p.reference().equals(reference))
                    .findFirst();
            boolean right = applied.isPresent()
                    && !applied.get().allocations().isEmpty()
                    && applied.get().allocations().stream()
                            .allMatch(a -> truth.getValue().contains(a.invoiceNumber()));
            if (!right) {
                cashMisapplied++;
                if (listener.tracing()) {
                    listener.trace(String.format(
                            Locale.ROOT,
                            "%s %s %s misapplied: %s meant %s, applied %s",
                            line.filedAt(),
                            tenant.value(),
                            truth.getKey().customer.value(),
                            line.entry().amount().toPlainString(),
                            truth.getValue(),
                            applied.map(p -> p.allocations().toString()).orElse("to another account")));
                }
            }
            meant.remove(line.entry().bankReference());
        }

        /**
         * Whether a debtor pays by card when a message gives it a link for exactly what it pays: four in ten, by their
         * account number (our assumption; card shares of B2B payments vary widely by trade and ticket size).
         */
        private boolean paysByCard(Debtor d) {
            int habit = Math.floorMod(d.customer.value().hashCode(), 10);
            return habit >= 2 && habit < 2 + Math.round(settings.assumptions().paysByLink() * 10);
        }

        /** The account's name as its bank writes it on a transfer: capitals, the legal form left off. */
        private String payerName(Debtor d) {
            String name = payers.computeIfAbsent(
                    d.customer,
                    k -> app.ledger()
                            .customer(tenant, k)
                            .map(dev.aragent.agent.ledger.Customer::name)
                            .orElse(d.name));
            return name.toUpperCase(Locale.ROOT).replaceAll(",? (INC|LLC|CO|LTD|CORP)\\.?$", "");
        }

        /**
         * How a debtor writes what it pays: its habit, from its account number (stable over the quarter) — the invoices,
         * nothing, a slipped digit, or now and then another of its open invoices than the one it pays.
         */
        private String remittance(Debtor d, List<String> invoices, int index) {
            int habit = Math.floorMod(d.customer.value().hashCode(), 10);
            if (habit == 0) {
                return "Payment";
            }
            if (habit == 6 && index % 4 == 0 && invoices.size() == 1) {
                // names another of its invoices still open: the money meant for one, the reference of the other
                Optional<String> other = d.open.keySet().stream()
                        .filter(n -> !n.equals(invoices.getFirst()))
                        .findFirst();
                if (other.isPresent()) {
                    return "Payment " + other.get();
                }
            }
            if (habit == 1 && (index + invoices.size()) % 3 == 0) {
                String first = invoices.getFirst();
                char last = first.charAt(first.length() - 1);
                String slipped = first.substring(0, first.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
                return "Payment " + slipped;
            }
            return "Payment " + String.join(", ", invoices);
        }

        private static String quoted(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }

        /**
         * The day's payments as plain dunning sees them: counted as they arrive (it decides from its own list of what is
         * open, so nothing is imported for it).
         */
        void pay(LocalDate day, int index) {
            for (Debtor d : debtors.values()) {
                for (Debtor.Payment p : d.paymentsOn(day)) {
                    tally.counted(d, day, index, p);
                }
            }
        }

        /**
         * Debtors read what arrived in their mailboxes since the last look. The mail server lists messages mailbox by
         * mailbox, so what is new is told by Message-ID, not by position.
         */
        void debtorsRead(LocalDate day) throws MessagingException {
            for (MimeMessage m : mail.received()) {
                String id = m.getMessageID();
                if (id == null || !seen.add(id)) {
                    continue;
                }
                String to =
                        ((InternetAddress) m.getAllRecipients()[0]).getAddress().toLowerCase(Locale.ROOT);
                Debtor d = byAddress.get(to);
                if (d == null) {
                    continue; // a debtor's answer, in the AR mailbox
                }
                emails++;
                lastTo.put(to, m);
                optOutCounted(d, to);
                afterPaymentCounted(d, DemoMail.textOf(m));
                d.read(day, to, DemoMail.textOf(m).contains("to accept"));
            }
            if (lines.isPresent()) {
                for (Map.Entry<String, String> t : lines.get().newTexts()) {
                    Debtor d = byAddress.get(t.getKey());
                    if (d == null) {
                        continue;
                    }
                    texts++;
                    optOutCounted(d, t.getKey());
                    afterPaymentCounted(d, t.getValue());
                    d.read(day, t.getKey());
                }
            }
        }

        /**
         * A message that names an invoice its debtor has paid in full, other than to say it was received: a reminder,
         * text or follow-up about an invoice already paid.
         */
        private void afterPaymentCounted(Debtor d, String text) {
            if (ACKNOWLEDGED.matcher(text).find()) {
                return;
            }
            for (String invoice : d.due.keySet()) {
                if (!d.open.containsKey(invoice) && text.contains(invoice)) {
                    afterPayment++;
                    if (listener.tracing()) {
                        listener.trace(String.format(
                                Locale.ROOT,
                                "%s %s %s after payment of %s (paid %s): %s",
                                LocalDate.now(clock),
                                tenant.value(),
                                d.customer.value(),
                                invoice,
                                d.payments.stream()
                                        .filter(p -> p.invoice().equals(invoice))
                                        .map(p -> p.on().toString())
                                        .toList(),
                                text.replace('\n', ' ')));
                    }
                    return;
                }
            }
        }

        /** A message to an address (an email address or a phone) that opted out: one confirmation, then counted. */
        private void optOutCounted(Debtor d, String address) {
            Boolean confirmed = d.optedOut.get(address.toLowerCase(Locale.ROOT));
            if (confirmed == null) {
                return;
            }
            if (confirmed) {
                afterOptOut++;
            } else {
                d.optedOut.put(address.toLowerCase(Locale.ROOT), true);
            }
        }

        /**
         * Debtors answer (or not) the calls the agent placed today, and talk as their persona does: {@link #CALL_LINES}
         * calls at a time (each mostly waits on the service), one debtor's calls in order.
         */
        void debtorsTakeCalls(LocalDate day) {
            if (lines.isEmpty()) {
                return;
            }
            List<Map.Entry<Debtor, dev.aragent.loopback.FakeTwilio.PlacedCall>> today = new ArrayList<>();
            for (var call : lines.get().newCalls()) {
                Debtor d = byAddress.get(call.to());
                if (d != null) {
                    today.add(Map.entry(d, call));
                }
            }
            List<Loopback.Call> outcomes =
                    dev.aragent.agent.work.ByAccount.run(today, e -> e.getKey().customer, CALL_LINES, e -> {
                        Debtor d = e.getKey();
                        try {
                            boolean picksUp = d.picksUp(day);
                            Loopback.Call how = lines.get().answer(e.getValue(), picksUp, d.onTheCall(day));
                            if (picksUp && d.persona == Persona.WRONG_CONTACT) {
                                synchronized (d) {
                                    d.notResponsible.add(e.getValue().to()); // "no, wrong person" on this number
                                }
                            }
                            if (how == Loopback.Call.TALKED) {
                                d.calledBy(day); // no promise on the call: some pay anyway after talking to someone
                            }
                            if (how != Loopback.Call.NOT_ANSWERED && d.firstContact.isEmpty()) {
                                d.firstContact = Optional.of(day);
                            }
                            return how;
                        } catch (InterruptedException x) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted during a simulated call", x);
                        }
                    });
            for (Loopback.Call how : outcomes) {
                calls++;
                callsAnswered += how == Loopback.Call.NOT_ANSWERED ? 0 : 1;
                callPromises += how == Loopback.Call.PROMISED ? 1 : 0;
            }
        }

        /** Debtors send the answers they meant to send today, in thread. */
        void debtorsAnswer(LocalDate day) throws MessagingException {
            for (Debtor d : debtors.values()) {
                for (Debtor.Reply r : d.repliesOn(day)) {
                    boolean text = Debtor.isPhone(r.from());
                    if (text && lines.isPresent()) {
                        lines.get().text(r.from(), r.text()); // read and answered as its webhook is handled
                        textAnswers++;
                        read++;
                    } else {
                        MimeMessage last = lastTo.get(r.from().toLowerCase(Locale.ROOT));
                        if (last == null) {
                            continue;
                        }
                        mail.reply(last, d.nameAt(r.from()), r.from(), r.text(), r.automatic());
                    }
                    d.answered = true;
                    if (d.persona == Persona.OPTS_OUT) {
                        d.optedOut.put(r.from().toLowerCase(Locale.ROOT), false);
                    }
                    if (d.persona == Persona.WRONG_CONTACT && !r.automatic()) {
                        d.notResponsible.add(r.from().toLowerCase(Locale.ROOT)); // "not me": they said so from here
                    }
                    answers++;
                }
            }
        }

        Arm arm(String name, long openAtStart, long[] sales, LocalDate end, boolean agent) {
            long open = debtors.values().stream().mapToLong(Debtor::openMinor).sum();
            long[] writeOffs = Tally.writeOffs(debtors.values(), end);
            int promises = count("select count(*) from promises where tenant_id = :t");
            int kept = count("select count(*) from promises where tenant_id = :t and status = 'kept'");
            int broken = count("select count(*) from promises where tenant_id = :t and status = 'broken'");
            int promising = count("select count(distinct c.customer_key) from promises p join conversations c"
                    + " on c.tenant_id = p.tenant_id and c.conversation_id = p.conversation_id where p.tenant_id = :t");
            List<Map<String, Object>> disputes = app.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("""
                            select c.customer_key, d.opened_at::date as opened from disputes d
                            join conversations c on c.tenant_id = d.tenant_id and c.conversation_id = d.conversation_id
                            where d.tenant_id = :t""")
                            .bind("t", tenant.value())
                            .mapToMap()
                            .list());
            double days = disputes.stream()
                    .mapToLong(r -> {
                        Debtor d = debtors.get(CustomerKey.of(String.valueOf(r.get("customer_key"))));
                        LocalDate opened = ((java.sql.Date) r.get("opened")).toLocalDate();
                        return d == null || d.firstContact.isEmpty()
                                ? 0
                                : ChronoUnit.DAYS.between(d.firstContact.get(), opened);
                    })
                    .average()
                    .orElse(0);
            return new Arm(
                    name,
                    tally.byDay.clone(),
                    collected(),
                    tally.afterContact,
                    openAtStart,
                    open,
                    Measures.dso(open, sales, settings.days() - 1),
                    emails,
                    texts,
                    calls,
                    callsAnswered,
                    callPromises,
                    answers,
                    textAnswers,
                    agent ? read : 0,
                    promises,
                    kept,
                    broken,
                    promising,
                    disputes.size(),
                    days,
                    writeOffs[0],
                    (int) writeOffs[1],
                    touches,
                    Map.copyOf(touchKinds),
                    afterOptOut,
                    Map.copyOf(tally.byPersona),
                    afterPayment,
                    cashAuto,
                    cashByPerson,
                    cashUnapplied,
                    cashMisapplied,
                    cashLink,
                    java.util.Arrays.stream(touchesByDay).boxed().toList(),
                    (int) java.util.Arrays.stream(touchesByDay)
                            .filter(t -> t > settings.capacity())
                            .count(),
                    tally.receivables.clone(),
                    tally.current.clone(),
                    Measures.months(openAtStart, tally.receivables, tally.current, sales));
        }

        private int count(String sql) {
            return app.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(sql)
                            .bind("t", tenant.value())
                            .mapTo(Integer.class)
                            .one());
        }
    }
}
