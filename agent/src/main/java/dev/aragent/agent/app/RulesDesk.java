package dev.aragent.agent.app;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRecords;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Scoring;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.rules.QuarterProjection;
import dev.aragent.agent.rules.RuleSheet;
import dev.aragent.agent.rules.RuleVersion;
import dev.aragent.agent.spi.AccountHolds;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.OutreachLog;
import dev.aragent.agent.spi.RuleVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AR manager's rules as she works on them (a use case): the rules in force (the newest saved version, else the
 * tenant's file or the defaults — version 0), a draft checked setting by setting, what the draft would do to today's
 * queue, the quarter projected under the draft beside the rules in force (in the background, with progress), saving
 * as the next version with who and why, and the history of versions with what each changed.
 */
public final class RulesDesk {
    private static final Logger LOG = LoggerFactory.getLogger(RulesDesk.class);

    /** How long the rules in force are kept before they are read again (a save here reads them again at once). */
    static final Duration FRESH = Duration.ofSeconds(10);

    private final Parts parts;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rules-projection");
        t.setDaemon(true);
        return t;
    });

    /**
     * The parts: the saved versions; version 0 of a tenant (its file, or the defaults, with the site's policy); the
     * tenant's currency; the zone of rules that name none; the book, its logs and holds, the risk model; the clock.
     */
    public record Parts(
            RuleVersions versions,
            Function<TenantId, RuleSheet> seed,
            Function<TenantId, Currency> currency,
            ZoneId zone,
            Ledger ledger,
            ContactLog contacts,
            OutreachLog outreach,
            AccountHolds holds,
            Function<TenantId, Optional<RiskModel>> models,
            Clock clock) {}

    private RulesDesk(Parts parts) {
        this.parts = parts;
    }

    public static RulesDesk create(Parts parts) {
        return new RulesDesk(parts);
    }

    /** The rules in force: their version (0: never saved here), the sheet, and what it says. */
    public record Rules(
            int version, RuleSheet sheet, QueueRules queue, PolicyBook policies, Optional<RuleVersion> saved) {}

    private record Cached(Rules rules, long readNanos) {}

    /** The tenant's rules in force. */
    public Rules current(TenantId tenant) {
        Cached c = cache.get(tenant);
        if (c == null || System.nanoTime() - c.readNanos() > FRESH.toNanos()) {
            c = new Cached(read(tenant), System.nanoTime());
            cache.put(tenant, c);
        }
        return c.rules();
    }

    private Rules read(TenantId tenant) {
        Optional<RuleVersion> saved = parts.versions().latest(tenant);
        RuleSheet sheet =
                saved.map(RuleVersion::sheet).orElseGet(() -> parts.seed().apply(tenant));
        return new Rules(
                saved.map(RuleVersion::number).orElse(0),
                sheet,
                sheet.queueRules(parts.zone()),
                sheet.policies(Policy.standard(), parts.currency().apply(tenant)),
                saved);
    }

    /** The tenant's queue rules in force (what the queue and the scheduler read). */
    public QueueRules queueRules(TenantId tenant) {
        return current(tenant).queue();
    }

    /** The tenant's negotiation policy in force (what the negotiator and the approval cards read). */
    public PolicyBook policies(TenantId tenant) {
        return current(tenant).policies();
    }

    /** What is wrong with a draft ({@link RuleSheet#problems}); empty when it can be saved. */
    public List<RuleSheet.Problem> problems(TenantId tenant, RuleSheet draft) {
        return draft.problems(parts.zone(), Policy.standard(), parts.currency().apply(tenant));
    }

    // ---- today's queue under a draft ----

    /** One account whose place in today's queue a draft changes: rank and channel before and after (0, "": absent). */
    public record Move(
            CustomerKey customer,
            String name,
            int rankBefore,
            int rankAfter,
            String channelBefore,
            String channelAfter) {}

    /** How today's queue would change under a draft. */
    public record Shift(
            int before, int after, List<Move> added, List<Move> dropped, List<Move> reordered, List<Move> rechanneled) {
        /** Whether the draft changes nothing in today's queue. */
        public boolean none() {
            return added.isEmpty() && dropped.isEmpty() && reordered.isEmpty() && rechanneled.isEmpty();
        }
    }

    /** A draft beside the rules in force: what is wrong with it, what it changes, and today's queue under it. */
    public record Preview(List<RuleSheet.Problem> problems, List<RuleSheet.Change> changes, Optional<Shift> queue) {}

    /** What {@code draft} would change: its settings and, when it is valid, today's queue, planned both ways now. */
    public Preview preview(TenantId tenant, RuleSheet draft) {
        Rules now = current(tenant);
        List<RuleSheet.Problem> problems = problems(tenant, draft);
        List<RuleSheet.Change> changes = now.sheet().changes(draft);
        if (!problems.isEmpty()) {
            return new Preview(problems, changes, Optional.empty());
        }
        QuarterProjection.Book book = book(tenant);
        List<QueueEntry> before = plan(book, now.queue());
        List<QueueEntry> after = plan(book, draft.queueRules(parts.zone()));
        return new Preview(problems, changes, Optional.of(shift(before, after)));
    }

    private static List<QueueEntry> plan(QuarterProjection.Book book, QueueRules rules) {
        return ActionQueue.plan(
                        book.accounts(),
                        book.paused(),
                        book.holds(),
                        book.executed(),
                        book.model(),
                        book.features(),
                        rules,
                        book.start(),
                        Integer.MAX_VALUE,
                        false)
                .entries();
    }

    static Shift shift(List<QueueEntry> before, List<QueueEntry> after) {
        Map<CustomerKey, QueueEntry> was = new LinkedHashMap<>();
        before.forEach(e -> was.put(e.customer(), e));
        Map<CustomerKey, QueueEntry> is = new LinkedHashMap<>();
        after.forEach(e -> is.put(e.customer(), e));
        List<Move> added = new ArrayList<>();
        List<Move> dropped = new ArrayList<>();
        List<Move> reordered = new ArrayList<>();
        List<Move> rechanneled = new ArrayList<>();
        for (QueueEntry e : after) {
            QueueEntry b = was.get(e.customer());
            if (b == null) {
                added.add(move(null, e));
            } else {
                if (b.action().channel() != e.action().channel()) {
                    rechanneled.add(move(b, e));
                }
                if (b.rank() != e.rank()) {
                    reordered.add(move(b, e));
                }
            }
        }
        for (QueueEntry b : before) {
            if (!is.containsKey(b.customer())) {
                dropped.add(move(b, null));
            }
        }
        // the moves that matter most first: the largest jumps
        reordered.sort((x, y) ->
                Integer.compare(Math.abs(y.rankBefore() - y.rankAfter()), Math.abs(x.rankBefore() - x.rankAfter())));
        return new Shift(before.size(), after.size(), added, dropped, reordered, rechanneled);
    }

    private static Move move(QueueEntry before, QueueEntry after) {
        QueueEntry any = after != null ? after : before;
        return new Move(
                any.customer(),
                any.customerName(),
                before == null ? 0 : before.rank(),
                after == null ? 0 : after.rank(),
                before == null ? "" : before.action().channel().code(),
                after == null ? "" : after.action().channel().code());
    }

    private QuarterProjection.Book book(TenantId tenant) {
        Instant now = parts.clock().instant();
        List<AccountRecord> accounts = AccountRecords.load(parts.ledger(), parts.contacts(), tenant);
        Scoring scoring = Scoring.of(parts.models().apply(tenant), accounts, Tone.lexicon(), now);
        return new QuarterProjection.Book(
                accounts,
                parts.ledger().pausedInvoices(tenant),
                parts.holds().holds(tenant),
                parts.outreach().executed(tenant),
                scoring.model(),
                scoring.features(),
                now,
                tenant.value().hashCode());
    }

    // ---- saving ----

    /** What a save came to. */
    public sealed interface Saved {
        /** Saved as {@code version}, changing {@code changes}. */
        record Done(RuleVersion version, List<RuleSheet.Change> changes) implements Saved {}

        /** Not saved: the draft has problems. */
        record Invalid(List<RuleSheet.Problem> problems) implements Saved {}

        /** Not saved: someone saved {@code latest} since the draft was begun. */
        record Stale(int latest, String by) implements Saved {}

        /** Not saved: the draft changes nothing. */
        record Unchanged() implements Saved {}

        /** Not saved: this person may not change rules. */
        record Refused(String reason) implements Saved {}
    }

    /**
     * Saves {@code draft}, begun on version {@code basedOn}, as the next version by {@code who}, with their
     * {@code comment}. The policy's version names the rules' version, so every audit record of a decision says which
     * rules it was taken under.
     */
    public Saved save(Principal who, int basedOn, RuleSheet draft, String comment) {
        if (!who.may(Permission.RULES)) {
            return new Saved.Refused("Your role (" + who.role().title() + ") cannot change rules.");
        }
        TenantId tenant = who.tenant();
        Rules now = read(tenant);
        if (now.version() != basedOn) {
            return new Saved.Stale(
                    now.version(), now.saved().map(RuleVersion::by).orElse(""));
        }
        List<RuleSheet.Problem> problems = problems(tenant, draft);
        if (!problems.isEmpty()) {
            return new Saved.Invalid(problems);
        }
        List<RuleSheet.Change> changes = now.sheet().changes(draft);
        if (changes.isEmpty()) {
            return new Saved.Unchanged();
        }
        RuleSheet versioned = versioned(draft, basedOn + 1);
        Optional<RuleVersion> saved = parts.versions()
                .save(
                        tenant,
                        basedOn,
                        versioned,
                        who.actor(),
                        comment.strip(),
                        parts.clock().instant());
        cache.remove(tenant);
        return saved.<Saved>map(v -> new Saved.Done(v, changes))
                .orElseGet(() -> new Saved.Stale(read(tenant).version(), ""));
    }

    /** {@code draft} with each of its policies named after rules version {@code n}. */
    private static RuleSheet versioned(RuleSheet draft, int n) {
        RuleSheet out = draft.with("policy.version", "rules-v" + n);
        for (String key : draft.settings().keySet()) {
            if (key.endsWith(".version") && !key.equals("policy.version")) {
                String scope = key.substring("policy.".length(), key.length() - ".version".length());
                out = out.with(key, "rules-v" + n + "+" + scope);
            }
        }
        return out;
    }

    // ---- history ----

    /** One version in the history: who saved it, when, why, and what it changed from the one before. */
    public record Entry(RuleVersion version, List<RuleSheet.Change> changes) {}

    /** The tenant's versions, newest first (at most {@code limit}), each with what it changed; version 0 last. */
    public List<Entry> history(TenantId tenant, int limit) {
        List<RuleVersion> saved = parts.versions().history(tenant, limit + 1);
        RuleVersion zero = new RuleVersion(0, parts.seed().apply(tenant), "", Instant.EPOCH, "");
        List<Entry> out = new ArrayList<>();
        for (int k = 0; k < Math.min(limit, saved.size()); k++) {
            RuleVersion v = saved.get(k);
            RuleVersion before = k + 1 < saved.size()
                    ? saved.get(k + 1)
                    : v.number() == 1
                            ? zero
                            : parts.versions().version(tenant, v.number() - 1).orElse(zero);
            out.add(new Entry(v, before.sheet().changes(v.sheet())));
        }
        if (saved.size() <= limit) {
            out.add(new Entry(zero, List.of()));
        }
        return out;
    }

    // ---- the quarter, projected in the background ----

    /** A projection under way or done: how far, and the two outcomes when done (or why it failed). */
    public record Projection(
            UUID id,
            int percent,
            Optional<QuarterProjection.Outcome> inForce,
            Optional<QuarterProjection.Outcome> draft,
            Optional<String> failed) {
        public boolean done() {
            return draft.isPresent() || failed.isPresent();
        }
    }

    private static final class Job {
        final TenantId tenant;
        final AtomicInteger days = new AtomicInteger();
        volatile QuarterProjection.Outcome inForce;
        volatile QuarterProjection.Outcome draft;
        volatile String failed;

        Job(TenantId tenant) {
            this.tenant = tenant;
        }
    }

    /**
     * Starts projecting the quarter on the tenant's book under the rules in force and under {@code draft}; the
     * projection's id, or the draft's problems when it cannot be read.
     */
    public Map.Entry<Optional<UUID>, List<RuleSheet.Problem>> project(TenantId tenant, RuleSheet draft) {
        List<RuleSheet.Problem> problems = problems(tenant, draft);
        if (!problems.isEmpty()) {
            return Map.entry(Optional.empty(), problems);
        }
        QueueRules inForce = current(tenant).queue();
        QueueRules drafted = draft.queueRules(parts.zone());
        UUID id = UUID.randomUUID();
        Job job = new Job(tenant);
        if (jobs.size() > 50) { // keep the last few answers, not every one ever asked for
            jobs.values().removeIf(j -> j.draft != null || j.failed != null);
        }
        jobs.put(id, job);
        background.submit(() -> {
            try {
                QuarterProjection.Book book = book(tenant);
                job.inForce = QuarterProjection.project(book, inForce, d -> job.days.set(d));
                job.draft = QuarterProjection.project(book, drafted, d -> job.days.set(QuarterProjection.days() + d));
            } catch (RuntimeException e) {
                LOG.warn("projecting the quarter for {} failed", tenant, e);
                job.failed = "The projection failed: " + e.getMessage();
            }
        });
        return Map.entry(Optional.of(id), List.of());
    }

    /** A projection of the tenant's, if it has one by that id. */
    public Optional<Projection> projection(TenantId tenant, String id) {
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Job job = jobs.get(key);
        if (job == null || !job.tenant.equals(tenant)) {
            return Optional.empty();
        }
        int percent = Math.min(100, job.days.get() * 100 / (2 * QuarterProjection.days()));
        return Optional.of(new Projection(
                key,
                job.draft != null ? 100 : percent,
                Optional.ofNullable(job.inForce),
                Optional.ofNullable(job.draft),
                Optional.ofNullable(job.failed)));
    }

    /** Forgets what was read: the next question reads the rules again (after a change made elsewhere). */
    public void changed(TenantId tenant) {
        cache.remove(tenant);
    }
}
