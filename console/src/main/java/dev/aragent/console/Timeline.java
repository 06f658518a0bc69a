package dev.aragent.console;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.spi.AccountHistory.Event;
import dev.aragent.agent.spi.AccountHistory.Kind;
import dev.aragent.agent.spi.AccountHistory.Party;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An account's timeline as its page shows it: each event in words (what happened, whose doing, its status), a
 * message's text and the passages an agent message rested on, a call's transcript.
 *
 * @param shown how many events are listed
 * @param total how many the account has
 */
public record Timeline(List<Entry> entries, int shown, int total) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    public Timeline {
        entries = List.copyOf(entries);
    }

    /**
     * One event.
     *
     * @param kind a short class for the page ({@code email}, {@code call}, …)
     * @param by whose doing: debtor, agent, person or system
     * @param title what happened, in a line
     * @param text the message's or note's own text (kept as text)
     * @param lines a call's transcript, "Agent: …" and "Debtor: …"
     * @param citations what an agent message rested on
     */
    public record Entry(
            String when,
            String kind,
            String by,
            String title,
            String text,
            List<String> lines,
            List<String> citations) {}

    /** The {@code events} (newest first) of {@code total}, times in {@code zone}. */
    public static Timeline of(List<Event> events, int total, ZoneId zone) {
        return new Timeline(events.stream().map(e -> entry(e, zone)).toList(), events.size(), total);
    }

    private static Entry entry(Event e, ZoneId zone) {
        return new Entry(
                e.at().atZone(zone).format(WHEN),
                e.kind().name().toLowerCase(Locale.ROOT),
                e.by().name().toLowerCase(Locale.ROOT),
                title(e),
                e.kind() == Kind.TASK || e.kind() == Kind.CRM ? "" : e.text(),
                e.lines().stream()
                        .map(l -> (l.speaker().equals("agent") ? "Agent: " : "Debtor: ") + l.text())
                        .toList(),
                Citations.words(e.citations()));
    }

    static String title(Event e) {
        Map<String, String> d = e.details();
        String status = words(e.status());
        return switch (e.kind()) {
            case EMAIL, TEXT -> {
                String what = e.kind() == Kind.EMAIL ? "Email" : "Text";
                String title = e.by() == Party.DEBTOR
                        ? what + " from " + e.actor()
                        : what + " to " + e.actor() + " (" + status + ")";
                yield e.subject().isEmpty() ? title : title + ": " + e.subject();
            }
            case CALL -> "Call" + (e.status().isEmpty() ? ", in progress" : ": " + status);
            case DISPOSITION ->
                "Disposition: " + status
                        + (d.containsKey("expected_payment_date") ? ", expected " + d.get("expected_payment_date") : "")
                        + (d.containsKey("retry_date") ? "; next look " + d.get("retry_date") : "")
                        + (e.by() == Party.PERSON
                                ? " — by " + e.actor()
                                : e.subject().isEmpty()
                                        ? " — by the agent"
                                        : " — by the agent (" + words(e.subject()) + ")");
            case APPROVAL ->
                "Approval " + status + (e.actor().isEmpty() ? "" : " by " + e.actor())
                        + (e.text().isEmpty() ? "" : ": " + e.text());
            case PROMISE ->
                "Promise to pay " + amount(d) + " by " + d.getOrDefault("due_on", "?")
                        + (e.subject().isEmpty() ? "" : " on " + e.subject())
                        + (d.getOrDefault("installment", "1").equals("1")
                                ? ""
                                : " (installment " + d.get("installment") + ")")
                        + " — " + status;
            case DISPUTE -> "Dispute" + (e.subject().isEmpty() ? "" : " on " + e.subject()) + " — " + status;
            case TASK ->
                "Task for a person (" + words(e.subject()) + "): " + e.text() + " — " + status
                        + (e.actor().isEmpty() ? "" : " by " + e.actor())
                        + (d.containsKey("outcome") ? " (" + words(d.get("outcome")) + ")" : "");
            case NOTE ->
                (e.status().equals("note") ? "Note" : "Ticket (" + status + ")")
                        + (e.actor().isEmpty() ? "" : " by " + e.actor())
                        + (d.containsKey("source") ? " in " + d.get("source") : "")
                        + (e.subject().isEmpty() ? "" : ": " + e.subject());
            case CRM -> "To the CRM (" + status + "): " + e.text();
        };
    }

    private static String amount(Map<String, String> d) {
        try {
            return Money.of(
                            Long.parseLong(d.get("amount_minor")),
                            d.get("currency").strip())
                    .format();
        } catch (RuntimeException e) {
            return "an amount";
        }
    }

    private static String words(String code) {
        return code.replace('_', ' ');
    }
}
