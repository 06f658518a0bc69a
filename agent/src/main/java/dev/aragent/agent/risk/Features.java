package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an account and one of its invoices, on one day, into a row of model inputs. Every input uses only what was
 * known before that day: lateness from invoices settled before it, promises resolved before it, notes written before
 * it. The same code builds training rows for past days and scoring rows for today, so the two never drift apart.
 */
public final class Features {
    /** Names of the standard columns, in schema order. */
    public static final String AMOUNT = "amount",
            DAYS_PAST_DUE = "days_past_due",
            AGING = "aging_bucket",
            TENURE = "tenure_days",
            SHARE_LATE = "share_paid_late",
            MEAN_LATE = "mean_days_late",
            TREND = "lateness_trend",
            PRIOR = "prior_invoices",
            DISPUTES = "disputes",
            BROKEN_60 = "broken_promises_60d",
            SINCE_BROKEN = "days_since_broken_promise",
            KEPT = "promises_kept",
            LAST_OUTCOME = "last_contact_outcome",
            UNANSWERED = "contacts_without_response",
            BALANCE_LIMIT = "balance_to_credit_limit",
            OPEN_COUNT = "open_invoices",
            SEGMENT = "segment",
            METHOD = "payment_method",
            CREDIT_MEMO = "credit_memo_pending",
            TONE = "notes_tone",
            SINCE_PAYMENT = "days_since_payment",
            RECENT_LATE = "recent_days_late",
            AMOUNT_USUAL = "amount_to_usual",
            DUE_MONTH = "due_month";

    /**
     * The direction each input is known to push the chance of being paid in time (−1: more means later), which the
     * learner enforces: a model that says an older invoice or a customer who pays later is a better bet is wrong,
     * whatever a small sample suggests. Inputs absent here may push either way: days past due among them, since an
     * invoice not yet due is less likely to be paid within the horizon than one due today.
     */
    private static final Map<String, Integer> DIRECTIONS = Map.of(
            SHARE_LATE, -1,
            MEAN_LATE, -1,
            RECENT_LATE, -1,
            BROKEN_60, -1,
            UNANSWERED, -1);

    private static final int TREND_WINDOW = 3;
    private static final int TONE_DAYS = 90;

    private final Schema schema;
    private final Tone tone;
    private final Map<String, Double> toneCache = new ConcurrentHashMap<>();
    private final int extrasFrom;

    private Features(Schema schema, Tone tone) {
        this.schema = schema;
        this.tone = tone;
        this.extrasFrom = Math.max(schema.indexOf(SINCE_PAYMENT), schema.indexOf(DUE_MONTH)) + 1;
    }

    /** The schema a model trained on these accounts reads: categorical levels and extra columns from the accounts. */
    public static Features forAccounts(Collection<AccountRecord> accounts, Tone tone) {
        List<String> segments = levels(accounts.stream()
                .map(a -> a.customer().segment().orElse(""))
                .filter(s -> !s.isEmpty())
                .toList());
        List<String> methods = levels(accounts.stream()
                .flatMap(a -> a.payments().stream())
                .map(p -> p.method().orElse(""))
                .filter(s -> !s.isEmpty())
                .toList());
        List<String> outcomes = levels(accounts.stream()
                .flatMap(a -> a.activity().lastOutcome().stream())
                .map(o -> o.paymentStatus())
                .toList());
        List<Column> columns = new ArrayList<>(standard(segments, methods, outcomes));
        columns.addAll(extraColumns(accounts));
        return new Features(new Schema(columns), tone);
    }

    /** Features for a saved model's schema. */
    public static Features forSchema(Schema schema, Tone tone) {
        if (schema.indexOf(SINCE_PAYMENT) < 0) {
            throw new IllegalArgumentException("not a risk schema: " + List.of(schema.names()));
        }
        return new Features(schema, tone);
    }

    private static List<Column> standard(List<String> segments, List<String> methods, List<String> outcomes) {
        return List.of(
                Column.numeric(AMOUNT),
                Column.numeric(DAYS_PAST_DUE),
                Column.numeric(AGING),
                Column.numeric(TENURE),
                Column.numeric(SHARE_LATE),
                Column.numeric(MEAN_LATE),
                Column.numeric(TREND),
                Column.numeric(PRIOR),
                Column.numeric(DISPUTES),
                Column.numeric(BROKEN_60),
                Column.numeric(SINCE_BROKEN),
                Column.numeric(KEPT),
                Column.categorical(LAST_OUTCOME, outcomes),
                Column.numeric(UNANSWERED),
                Column.numeric(BALANCE_LIMIT),
                Column.numeric(OPEN_COUNT),
                Column.categorical(SEGMENT, segments),
                Column.categorical(METHOD, methods),
                Column.numeric(CREDIT_MEMO),
                Column.numeric(TONE),
                Column.numeric(SINCE_PAYMENT),
                Column.numeric(RECENT_LATE),
                Column.numeric(AMOUNT_USUAL),
                Column.numeric(DUE_MONTH));
    }

    /** The known direction of each column of {@code schema} (−1, 0 or +1), for a learner's monotone constraints. */
    public static int[] directions(Schema schema) {
        int[] d = new int[schema.width()];
        for (int i = 0; i < d.length; i++) {
            d[i] = DIRECTIONS.getOrDefault(schema.column(i).name(), 0);
        }
        return d;
    }

    public Schema schema() {
        return schema;
    }

    /** Whether column {@code i} came from a history file's extra columns. */
    public boolean isExtra(int i) {
        return i >= extrasFrom;
    }

    /**
     * Writes the row for {@code invoice} of {@code account} as of the start of {@code day} (UTC) into {@code out} at
     * {@code offset}.
     */
    public void row(AccountRecord account, Invoice invoice, LocalDate day, double[] out, int offset) {
        row(account, invoice, day, day.atStartOfDay(ZoneOffset.UTC).toInstant(), summary(account, day), out, offset);
    }

    /** What an account looked like on a day; shared by the rows of all its invoices on that day. */
    public Summary summary(AccountRecord account, LocalDate day) {
        return summary(account, day, day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** As {@link #summary(AccountRecord, LocalDate)}, with the facts of the agent's log taken up to {@code at}. */
    public Summary summary(AccountRecord account, LocalDate day, Instant at) {
        List<Long> lateness = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        int disputes = 0;
        int openCount = 0;
        long openMinor = 0;
        for (Invoice i : account.invoices()) {
            Optional<LocalDate> settled = i.settledDate();
            if (i.issueDate().isBefore(day)) {
                amounts.add(i.amount().minor());
            }
            if (settled.isPresent() && settled.get().isBefore(day)) {
                lateness.add(ChronoUnit.DAYS.between(i.dueDate(), settled.get()));
                if (i.disputed()) {
                    disputes++;
                }
            } else if (!i.issueDate().isAfter(day)
                    && (settled.isEmpty() || !settled.get().isBefore(day))) {
                openCount++;
                openMinor +=
                        settled.isEmpty() ? i.openBalance().minor() : i.amount().minor();
            }
        }
        double shareLate = Double.NaN;
        double meanLate = Double.NaN;
        double trend = Double.NaN;
        double recentLate = Double.NaN;
        if (!lateness.isEmpty()) {
            recentLate = lateness.subList(Math.max(0, lateness.size() - TREND_WINDOW), lateness.size()).stream()
                    .mapToLong(Long::longValue)
                    .average()
                    .orElse(0);
            shareLate = lateness.stream().filter(d -> d > 0).count() / (double) lateness.size();
            meanLate =
                    lateness.stream().mapToLong(d -> Math.max(0, d)).average().orElse(0);
            if (lateness.size() > TREND_WINDOW) {
                int cut = lateness.size() - TREND_WINDOW;
                double recent = lateness.subList(cut, lateness.size()).stream()
                        .mapToLong(Long::longValue)
                        .average()
                        .orElse(0);
                double before = lateness.subList(0, cut).stream()
                        .mapToLong(Long::longValue)
                        .average()
                        .orElse(0);
                trend = recent - before;
            }
        }
        LocalDate since = account.customer()
                .customerSince()
                .orElse(
                        account.invoices().isEmpty()
                                ? day
                                : account.invoices().get(0).issueDate());
        AccountActivity activity = account.activity();
        int broken60 = 0;
        double sinceBroken = Double.NaN;
        int kept = 0;
        Instant sixtyAgo = at.minus(60, ChronoUnit.DAYS);
        for (AccountActivity.PromiseFact p : activity.promises()) {
            if (p.brokenBy(at)) {
                Instant when = p.resolvedAt().orElseThrow();
                if (when.isAfter(sixtyAgo)) {
                    broken60++;
                }
                double d = ChronoUnit.DAYS.between(when, at);
                sinceBroken = Double.isNaN(sinceBroken) ? d : Math.min(sinceBroken, d);
            } else if (p.keptBy(at)) {
                kept++;
            }
        }
        disputes += (int)
                activity.disputesOpened().stream().filter(t -> t.isBefore(at)).count();
        Optional<String> outcome =
                activity.lastOutcome().filter(o -> o.at().isBefore(at)).map(AccountActivity.Outcome::paymentStatus);
        double limit =
                account.customer().creditLimit().map(m -> (double) m.minor()).orElse(Double.NaN);
        String method = mostUsedMethod(account.payments(), day);
        double sincePayment = Double.NaN;
        Optional<LocalDate> lastPaid = Optional.empty();
        for (Payment p : account.payments()) {
            if (p.receivedOn().isBefore(day)
                    && lastPaid.map(l -> p.receivedOn().isAfter(l)).orElse(true)) {
                lastPaid = Optional.of(p.receivedOn());
                sincePayment = ChronoUnit.DAYS.between(p.receivedOn(), day);
            }
        }
        boolean memo =
                account.creditMemos().stream().anyMatch(m -> !m.issueDate().isAfter(day));
        return new Summary(
                day,
                ChronoUnit.DAYS.between(since, day),
                shareLate,
                meanLate,
                trend,
                lateness.size(),
                disputes,
                broken60,
                sinceBroken,
                kept,
                outcome.orElse(""),
                activity.unansweredBy(at, lastPaid),
                limit > 0 ? openMinor / limit : Double.NaN,
                openCount,
                account.customer().segment().orElse(""),
                method,
                memo,
                tone(account.notes(), at),
                sincePayment,
                recentLate,
                median(amounts));
    }

    private static double median(List<Long> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    /** The account-level inputs for one day. */
    public record Summary(
            LocalDate day,
            long tenureDays,
            double shareLate,
            double meanLate,
            double trend,
            int prior,
            int disputes,
            int broken60,
            double sinceBroken,
            int kept,
            String outcome,
            int unanswered,
            double balanceToLimit,
            int openCount,
            String segment,
            String method,
            boolean creditMemo,
            double tone,
            double sincePayment,
            double recentLate,
            double usualAmountMinor) {}

    /** Writes one invoice's row using a precomputed {@link Summary} of its account. */
    public void row(
            AccountRecord account, Invoice invoice, LocalDate day, Instant at, Summary s, double[] out, int offset) {
        double[] r = out;
        int o = offset;
        long dpd = ChronoUnit.DAYS.between(invoice.dueDate(), day);
        r[o] = invoice.amount().toMajor().doubleValue();
        r[o + 1] = dpd;
        r[o + 2] = AgingBucket.of(dpd).ordinal();
        r[o + 3] = s.tenureDays();
        r[o + 4] = s.shareLate();
        r[o + 5] = s.meanLate();
        r[o + 6] = s.trend();
        r[o + 7] = s.prior();
        r[o + 8] = s.disputes();
        r[o + 9] = s.broken60();
        r[o + 10] = s.sinceBroken();
        r[o + 11] = s.kept();
        r[o + 12] = schema.column(12).code(s.outcome());
        r[o + 13] = s.unanswered();
        r[o + 14] = s.balanceToLimit();
        r[o + 15] = s.openCount();
        r[o + 16] = schema.column(16).code(s.segment());
        r[o + 17] = schema.column(17).code(s.method());
        r[o + 18] = s.creditMemo() ? 1 : 0;
        r[o + 19] = s.tone();
        r[o + 20] = s.sincePayment();
        set(r, o, RECENT_LATE, s.recentLate());
        set(
                r,
                o,
                AMOUNT_USUAL,
                s.usualAmountMinor() > 0 ? invoice.amount().minor() / s.usualAmountMinor() : Double.NaN);
        set(r, o, DUE_MONTH, invoice.dueDate().getMonthValue());
        Map<String, String> extra = account.extras().getOrDefault(invoice.number(), Map.of());
        for (int c = extrasFrom; c < schema.width(); c++) {
            Column col = schema.column(c);
            String v = extra.containsKey(col.name())
                    ? extra.get(col.name())
                    : extra.get(col.name().replaceFirst("^extra_", ""));
            r[o + c] = v == null || v.isBlank() ? Double.NaN : col.categorical() ? col.code(v.trim()) : parse(v);
        }
    }

    /** Writes a column a model saved before it existed may lack. */
    private void set(double[] r, int offset, String column, double value) {
        int i = schema.indexOf(column);
        if (i >= 0) {
            r[offset + i] = value;
        }
    }

    private double tone(List<Note> notes, Instant at) {
        Instant from = at.minus(TONE_DAYS, ChronoUnit.DAYS);
        double sum = 0;
        int n = 0;
        for (Note note : notes) {
            if (note.createdAt().isBefore(at) && note.createdAt().isAfter(from)) {
                sum += toneCache.computeIfAbsent(note.reference(), k -> tone.of(note.body()));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String mostUsedMethod(List<Payment> payments, LocalDate day) {
        Map<String, Integer> counts = new HashMap<>();
        for (Payment p : payments) {
            if (p.receivedOn().isBefore(day) && p.method().isPresent()) {
                counts.merge(p.method().get(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse("");
    }

    /** Distinct values, most frequent first, at most 50 (the rest read as unknown). */
    static List<String> levels(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(50)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Column> extraColumns(Collection<AccountRecord> accounts) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (AccountRecord a : accounts) {
            a.extras()
                    .values()
                    .forEach(m -> m.forEach((k, v) -> {
                        if (!v.isBlank()) {
                            values.computeIfAbsent(k, x -> new ArrayList<>()).add(v.trim());
                        }
                    }));
        }
        List<String> taken = standard(List.of(), List.of(), List.of()).stream()
                .map(Column::name)
                .toList();
        List<Column> out = new ArrayList<>();
        values.keySet().stream().sorted(Comparator.naturalOrder()).forEach(name -> {
            List<String> vs = values.get(name);
            boolean numeric = vs.stream().allMatch(Features::isNumber);
            String column = taken.contains(name) ? "extra_" + name : name;
            out.add(numeric ? Column.numeric(column) : Column.categorical(column, levels(vs)));
        });
        return out;
    }

    private static boolean isNumber(String s) {
        return !Double.isNaN(parse(s));
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
