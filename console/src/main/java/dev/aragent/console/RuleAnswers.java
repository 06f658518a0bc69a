package dev.aragent.console;

import dev.aragent.agent.app.RulesDesk;
import dev.aragent.agent.rules.QuarterProjection;
import dev.aragent.agent.rules.RuleSheet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the rules page answers: a draft's preview or save, the quarter projected, and the history of versions. */
public final class RuleAnswers {
    private RuleAnswers() {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** A setting changed, in words: {@code caps.email.max: 3 → 2}. */
    public record Change(String key, String before, String after) {
        static Change of(RuleSheet.Change c) {
            return new Change(c.key(), c.before().orElse("—"), c.after().orElse("—"));
        }
    }

    /** An account whose place in today's queue moves. */
    public record Move(String key, String name, String before, String after) {
        static Move of(RulesDesk.Move m) {
            return new Move(
                    m.customer().value(),
                    m.name(),
                    m.rankBefore() == 0 ? "—" : "#" + m.rankBefore() + " by " + m.channelBefore(),
                    m.rankAfter() == 0 ? "—" : "#" + m.rankAfter() + " by " + m.channelAfter());
        }
    }

    /** How many moves of each kind a preview lists at most (the counts say how many there are). */
    static final int SHOWN = 15;

    /** A list of moves under its heading, and how many there are in all. */
    public record Moves(String title, int count, List<Move> shown) {
        static Moves of(String title, List<RulesDesk.Move> all) {
            return new Moves(
                    title, all.size(), all.stream().limit(SHOWN).map(Move::of).toList());
        }
    }

    /**
     * A draft's preview, or what saving it did: its problems, its changes, today's queue before and after;
     * {@code saved} the version it became (0: not saved), {@code said} a sentence about it.
     */
    public record Answer(
            List<String> problems,
            List<Change> changes,
            boolean planned,
            int before,
            int after,
            List<Moves> moves,
            int saved,
            String said,
            boolean refused) {
        static Answer preview(RulesDesk.Preview p) {
            List<Moves> moves = new ArrayList<>();
            int before = 0;
            int after = 0;
            if (p.queue().isPresent()) {
                RulesDesk.Shift s = p.queue().get();
                before = s.before();
                after = s.after();
                moves.add(Moves.of("Added to today's queue", s.added()));
                moves.add(Moves.of("Dropped from today's queue", s.dropped()));
                moves.add(Moves.of("Channel changed", s.rechanneled()));
                moves.add(Moves.of("Reordered (largest moves first)", s.reordered()));
            }
            String said = !p.problems().isEmpty()
                    ? "This draft cannot be saved as it is."
                    : p.changes().isEmpty()
                            ? "This draft changes nothing."
                            : p.queue().map(RulesDesk.Shift::none).orElse(false)
                                    ? "Today's queue would stay as it is."
                                    : "Today's queue under this draft, beside the rules in force:";
            return new Answer(
                    problems(p.problems()),
                    p.changes().stream().map(Change::of).toList(),
                    p.queue().isPresent(),
                    before,
                    after,
                    moves,
                    0,
                    said,
                    !p.problems().isEmpty());
        }

        static Answer saved(RulesDesk.Saved s) {
            return switch (s) {
                case RulesDesk.Saved.Done d ->
                    new Answer(
                            List.of(),
                            d.changes().stream().map(Change::of).toList(),
                            false,
                            0,
                            0,
                            List.of(),
                            d.version().number(),
                            "Saved as version " + d.version().number() + ". The queue plans with it from now on.",
                            false);
                case RulesDesk.Saved.Invalid i ->
                    new Answer(
                            problems(i.problems()),
                            List.of(),
                            false,
                            0,
                            0,
                            List.of(),
                            0,
                            "Not saved: this draft has problems.",
                            true);
                case RulesDesk.Saved.Stale st ->
                    new Answer(
                            List.of(),
                            List.of(),
                            false,
                            0,
                            0,
                            List.of(),
                            0,
                            "Not saved: version " + st.latest()
                                    + (st.by().isEmpty() ? "" : " was saved by " + st.by())
                                    + " since you began. Reload the page to start from it.",
                            true);
                case RulesDesk.Saved.Unchanged u ->
                    new Answer(
                            List.of(),
                            List.of(),
                            false,
                            0,
                            0,
                            List.of(),
                            0,
                            "Nothing to save: this draft changes nothing.",
                            true);
                case RulesDesk.Saved.Refused r ->
                    new Answer(List.of(), List.of(), false, 0, 0, List.of(), 0, r.reason(), true);
            };
        }

        private static List<String> problems(List<RuleSheet.Problem> problems) {
            return problems.stream()
                    .map(p -> p.key().isEmpty() ? p.message() : p.key() + ": " + p.message())
                    .toList();
        }
    }

    /** One line of the projected quarter: the figure under the rules in force and under the draft. */
    public record Row(String label, String inForce, String draft, String difference) {}

    /** The quarter projected, under way ({@code percent}) or done ({@code rows}), or why it failed. */
    public record Projection(String id, int percent, boolean done, List<Row> rows, String failed) {
        static Projection of(RulesDesk.Projection p) {
            List<Row> rows = new ArrayList<>();
            if (p.inForce().isPresent() && p.draft().isPresent()) {
                QuarterProjection.Outcome a = p.inForce().get();
                QuarterProjection.Outcome b = p.draft().get();
                rows.add(new Row(
                        "Collected",
                        new dev.aragent.agent.ledger.Money(a.collectedMinor(), a.currency()).format(),
                        new dev.aragent.agent.ledger.Money(b.collectedMinor(), b.currency()).format(),
                        signed(
                                new dev.aragent.agent.ledger.Money(
                                                b.collectedMinor() - a.collectedMinor(), a.currency())
                                        .format(),
                                b.collectedMinor() - a.collectedMinor())));
                rows.add(new Row(
                        "Open at the end",
                        new dev.aragent.agent.ledger.Money(a.openAtEndMinor(), a.currency()).format(),
                        new dev.aragent.agent.ledger.Money(b.openAtEndMinor(), b.currency()).format(),
                        signed(
                                new dev.aragent.agent.ledger.Money(
                                                b.openAtEndMinor() - a.openAtEndMinor(), a.currency())
                                        .format(),
                                b.openAtEndMinor() - a.openAtEndMinor())));
                rows.add(new Row(
                        "DSO at the end (days)",
                        days(a.dsoAtEnd()),
                        days(b.dsoAtEnd()),
                        Double.isNaN(a.dsoAtEnd()) || Double.isNaN(b.dsoAtEnd())
                                ? "—"
                                : String.format(Locale.ROOT, "%+.1f", b.dsoAtEnd() - a.dsoAtEnd())));
                rows.add(count("Invoices paid", a.invoicesPaid(), b.invoicesPaid()));
                rows.add(count("Promises to pay", a.promises(), b.promises()));
                rows.add(count("Promises kept", a.promisesKept(), b.promisesKept()));
                rows.add(count("Messages and calls", a.allTouches(), b.allTouches()));
                rows.add(count("Human touches", a.humanTouches(), b.humanTouches()));
            }
            return new Projection(
                    p.id().toString(), p.percent(), p.done(), rows, p.failed().orElse(""));
        }

        private static Row count(String label, int a, int b) {
            return new Row(label, String.valueOf(a), String.valueOf(b), String.format(Locale.ROOT, "%+d", b - a));
        }

        private static String signed(String money, long delta) {
            return delta > 0 ? "+" + money : money;
        }

        private static String days(double d) {
            return Double.isNaN(d) ? "—" : String.format(Locale.ROOT, "%.1f", d);
        }
    }

    /** One version in the history. */
    public record Version(int number, String by, String at, String comment, List<Change> changes) {}

    /** The history page. */
    public record History(Who who, List<Version> versions) {
        static History of(Who who, List<RulesDesk.Entry> entries, ZoneId zone) {
            return new History(
                    who,
                    entries.stream()
                            .map(e -> new Version(
                                    e.version().number(),
                                    e.version().number() == 0 ? "" : e.version().by(),
                                    e.version().number() == 0
                                            ? ""
                                            : WHEN.format(e.version().at().atZone(zone)),
                                    e.version().comment(),
                                    e.changes().stream().map(Change::of).toList()))
                            .toList());
        }
    }
}
