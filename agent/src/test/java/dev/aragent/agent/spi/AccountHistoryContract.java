package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccountHistory.Event;
import dev.aragent.agent.spi.AccountHistory.Kind;
import dev.aragent.agent.spi.AccountHistory.Line;
import dev.aragent.agent.spi.AccountHistory.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountHistory} must do: give back each kind of event as it was recorded, newest first, at most as
 * many as asked, and never another account's or another tenant's. Events are recorded through {@link #given}, which an
 * adapter writes where the rest of the product writes them (the store: messages, calls, dispositions, …).
 */
public interface AccountHistoryContract {
    AccountHistory history();

    /** The tenant has these customers. */
    void givenCustomers(TenantId tenant, List<CustomerKey> customers);

    /** {@code event} happened on {@code customer}'s account, recorded where its kind is recorded. */
    void given(TenantId tenant, CustomerKey customer, Event event);

    Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    CustomerKey CUSTOMER = CustomerKey.of("C-1");
    CustomerKey NEIGHBOUR = CustomerKey.of("C-2");

    default TenantId freshTenant() {
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenCustomers(t, List.of(CUSTOMER, NEIGHBOUR));
        return t;
    }

    static Instant minutes(int m) {
        return NOW.minus(Duration.ofMinutes(m));
    }

    /** One of each kind, as the store records them, oldest first. */
    static List<Event> story() {
        List<Event> out = new ArrayList<>();
        out.add(new Event(
                minutes(100),
                Kind.EMAIL,
                Party.AGENT,
                "ap@bluefern.example",
                "delivered",
                "Invoice INV-1 is 30 days past due",
                "Hello Maria, invoice INV-1 for $1.00 is past due.",
                Map.of(),
                List.of(),
                List.of("invoice INV-1", "payment 2026-09-30 PAY-7")));
        out.add(new Event(
                minutes(90),
                Kind.EMAIL,
                Party.DEBTOR,
                "ap@bluefern.example",
                "processed",
                "Re: Invoice INV-1 is 30 days past due",
                "We will pay on Friday.",
                Map.of(),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(89),
                Kind.PROMISE,
                Party.DEBTOR,
                "",
                "open",
                "INV-1",
                "",
                Map.of("amount_minor", "100", "currency", "USD", "due_on", "2026-11-27", "installment", "1"),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(88),
                Kind.DISPOSITION,
                Party.AGENT,
                "",
                "promised",
                "confirm_promise",
                "",
                Map.of("expected_payment_date", "2026-11-27", "retry_date", "2026-11-28"),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(80),
                Kind.TEXT,
                Party.AGENT,
                "+15551234567",
                "delivered",
                "",
                "Reminder: INV-1 is due Friday.",
                Map.of(),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(70),
                Kind.TEXT,
                Party.DEBTOR,
                "+15551234567",
                "processed",
                "",
                "ok thanks",
                Map.of(),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(60),
                Kind.CALL,
                Party.AGENT,
                "",
                "promise_confirmed",
                "CA0001",
                "",
                Map.of("ended_at", minutes(55).toString()),
                List.of(
                        new Line("agent", "Hello, this is an AI assistant calling for Acme."),
                        new Line("debtor", "Yes, we pay Friday."),
                        new Line("agent", "So that's $1.00 on Friday. Is that right?")),
                List.of()));
        out.add(new Event(
                minutes(50),
                Kind.DISPUTE,
                Party.DEBTOR,
                "",
                "open",
                "INV-1",
                "the case arrived damaged",
                Map.of(),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(40),
                Kind.APPROVAL,
                Party.PERSON,
                "dana@acme.example",
                "approved",
                "",
                "fine for a regular",
                Map.of(),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(30),
                Kind.TASK,
                Party.AGENT,
                "sam@acme.example",
                "done",
                "call_debtor",
                "personal follow-up: INV-1",
                Map.of("outcome", "no_answer"),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(29),
                Kind.DISPOSITION,
                Party.PERSON,
                "sam@acme.example",
                "no_commitment",
                "",
                "left a voicemail",
                Map.of("retry_date", "2026-11-25"),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(20),
                Kind.NOTE,
                Party.PERSON,
                "Dana Reyes",
                "note",
                "Credit hold",
                "Put on credit hold until INV-1 clears.",
                Map.of("source", "hubspot"),
                List.of(),
                List.of()));
        out.add(new Event(
                minutes(10),
                Kind.CRM,
                Party.SYSTEM,
                "",
                "delivered",
                "disposition",
                "Collections: promised, expected 2026-11-27",
                Map.of(),
                List.of(),
                List.of()));
        return out;
    }

    @Test
    default void everyKindOfEventComesBackAsRecordedNewestFirst() {
        TenantId t = freshTenant();
        List<Event> story = story();
        story.forEach(e -> given(t, CUSTOMER, e));

        List<Event> timeline = history().timeline(t, CUSTOMER, 100);

        assertThat(timeline).containsExactlyElementsOf(story.reversed());
        assertThat(timeline).extracting(Event::kind).contains(Kind.values());
        assertThat(history().count(t, CUSTOMER)).isEqualTo(story.size());
    }

    @Test
    default void theTimelineIsTheNewestEventsUpToTheLimit() {
        TenantId t = freshTenant();
        story().forEach(e -> given(t, CUSTOMER, e));

        assertThat(history().timeline(t, CUSTOMER, 3))
                .extracting(Event::kind)
                .containsExactly(Kind.CRM, Kind.NOTE, Kind.DISPOSITION);
    }

    @Test
    default void anotherAccountsOrTenantsEventsNeverShow() {
        TenantId mine = freshTenant();
        TenantId theirs = freshTenant();
        story().forEach(e -> given(theirs, CUSTOMER, e));
        story().forEach(e -> given(mine, NEIGHBOUR, e));

        assertThat(history().timeline(mine, CUSTOMER, 100)).isEmpty();
        assertThat(history().count(mine, CUSTOMER)).isZero();
        assertThat(history().timeline(theirs, NEIGHBOUR, 100)).isEmpty();
    }
}
