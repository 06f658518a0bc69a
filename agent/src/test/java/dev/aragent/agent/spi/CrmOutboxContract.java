package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link CrmOutbox} adapter must do. Each test uses fresh tenants, so adapters may share one database. */
public interface CrmOutboxContract {
    CrmOutbox outbox();

    /**
     * Records {@code event} as the turn that caused it does, due from {@code event.at()} (adapters write it their own
     * way); an event already recorded under its id is not recorded again.
     */
    void givenRecorded(TenantId tenant, CrmEvent event);

    Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    Duration LEASE = Duration.ofMinutes(2);

    default TenantId freshTenant() {
        return TenantId.of("crm-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A promise event with every field filled, its properties in an order that must survive. */
    static CrmEvent event(String id, Instant at) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("payment_status", "promised");
        properties.put("expected_payment_date", "2026-11-27");
        properties.put("amount", "1200.00");
        return new CrmEvent(
                id,
                CrmEvent.Kind.PROMISE,
                CustomerKey.of("C-1"),
                "Blue Fern Bistro",
                Optional.of("maria@bluefern.example"),
                Optional.of(ConversationId.random()),
                at,
                properties,
                "Promised $1,200.00 by Nov 27 (\"after payroll\").",
                List.of("verify_payment: INV-1041 on 2026-11-27", "call back if unpaid"));
    }

    @Test
    default void aRecordedEventShouldBeClaimedExactlyAsRecordedWithNoEarlierAttempts() {
        TenantId t = freshTenant();
        CrmEvent full = event("promise-1", NOW);
        CrmEvent bare = new CrmEvent(
                "dispute-1",
                CrmEvent.Kind.DISPUTE,
                CustomerKey.of("C-2"),
                "Acme Diner",
                Optional.empty(),
                Optional.of(ConversationId.random()),
                NOW,
                Map.of(),
                "Dispute opened on INV-7.",
                List.of());
        givenRecorded(t, full);
        givenRecorded(t, bare);

        List<CrmOutbox.Claimed> claimed = outbox().claim(t, 10, NOW, LEASE);

        assertThat(claimed).extracting(CrmOutbox.Claimed::event).containsExactly(full, bare);
        assertThat(claimed.getFirst().event().properties().keySet())
                .containsExactly("payment_status", "expected_payment_date", "amount");
        assertThat(claimed).extracting(CrmOutbox.Claimed::attempts).containsExactly(0, 0);
        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(0, 2, 0));
    }

    @Test
    default void anEventRecordedTwiceUnderOneIdShouldWaitOnce() {
        TenantId t = freshTenant();
        CrmEvent e = event("disposition-1", NOW);
        givenRecorded(t, e);
        givenRecorded(t, e);

        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(0, 1, 0));
        assertThat(outbox().claim(t, 10, NOW, LEASE)).hasSize(1);
    }

    @Test
    default void claimsShouldHandOutEventsInTheOrderRecordedAndNoMoreThanAsked() {
        TenantId t = freshTenant();
        givenRecorded(t, event("e-1", NOW));
        givenRecorded(t, event("e-2", NOW.plusSeconds(1)));
        givenRecorded(t, event("e-3", NOW.plusSeconds(2)));

        List<CrmOutbox.Claimed> first = outbox().claim(t, 2, NOW.plusSeconds(10), LEASE);
        List<CrmOutbox.Claimed> rest = outbox().claim(t, 2, NOW.plusSeconds(10), LEASE);

        assertThat(first).extracting(c -> c.event().id()).containsExactly("e-1", "e-2");
        assertThat(first.get(0).seq()).isLessThan(first.get(1).seq());
        assertThat(rest).extracting(c -> c.event().id()).containsExactly("e-3");
        assertThat(rest.getFirst().seq()).isGreaterThan(first.get(1).seq());
    }

    @Test
    default void anEventShouldNotBeClaimedBeforeItIsDue() {
        TenantId t = freshTenant();
        givenRecorded(t, event("e-1", NOW));

        assertThat(outbox().claim(t, 10, NOW.minusSeconds(1), LEASE)).isEmpty();
        assertThat(outbox().claim(t, 10, NOW.plusSeconds(1), LEASE)).hasSize(1);
    }

    @Test
    default void aClaimedEventShouldBeLeasedAndClaimedAgainOnlyWhenTheLeaseRunsOut() {
        TenantId t = freshTenant();
        givenRecorded(t, event("e-1", NOW));

        assertThat(outbox().claim(t, 10, NOW, LEASE)).hasSize(1);
        assertThat(outbox().claim(t, 10, NOW.plusSeconds(60), LEASE))
                .as("leased to the first claimer")
                .isEmpty();
        List<CrmOutbox.Claimed> again = outbox().claim(t, 10, NOW.plus(LEASE).plusSeconds(1), LEASE);

        assertThat(again)
                .singleElement()
                .satisfies(c -> assertThat(c.attempts())
                        .as("a dispatcher that stopped is not a failed delivery")
                        .isZero());
        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(0, 1, 0));
    }

    @Test
    default void aRetriedEventShouldWaitUntilItsTimeAndCountEachFailedAttempt() {
        TenantId t = freshTenant();
        givenRecorded(t, event("e-1", NOW));
        long seq = outbox().claim(t, 10, NOW, LEASE).getFirst().seq();

        outbox().retry(t, seq, NOW.plus(Duration.ofHours(1)), "HTTP 503");

        assertThat(outbox().claim(t, 10, NOW.plus(Duration.ofMinutes(30)), LEASE))
                .isEmpty();
        assertThat(outbox().claim(t, 10, NOW.plus(Duration.ofHours(1)).plusSeconds(1), LEASE))
                .singleElement()
                .satisfies(c -> assertThat(c.attempts()).isEqualTo(1));
        outbox().retry(t, seq, NOW.plus(Duration.ofHours(3)), "HTTP 429");
        assertThat(outbox().claim(t, 10, NOW.plus(Duration.ofHours(2)), LEASE)).isEmpty();
        assertThat(outbox().claim(t, 10, NOW.plus(Duration.ofHours(3)).plusSeconds(1), LEASE))
                .singleElement()
                .satisfies(c -> assertThat(c.attempts()).isEqualTo(2));
        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(0, 1, 0));
    }

    @Test
    default void aDeliveredEventShouldNeverBeClaimedAgain() {
        TenantId t = freshTenant();
        givenRecorded(t, event("e-1", NOW));
        long seq = outbox().claim(t, 10, NOW, LEASE).getFirst().seq();

        outbox().delivered(t, seq, NOW.plusSeconds(5));
        outbox().delivered(t, seq, NOW.plusSeconds(6)); // the same delivery reported twice

        assertThat(outbox().claim(t, 10, NOW.plus(Duration.ofDays(30)), LEASE)).isEmpty();
        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(1, 0, 0));
    }

    @Test
    default void aFailedEventShouldBeKeptForAPersonAndNeverClaimedAgain() {
        TenantId t = freshTenant();
        givenRecorded(t, event("e-1", NOW));
        long seq = outbox().claim(t, 10, NOW, LEASE).getFirst().seq();

        outbox().failed(t, seq, NOW.plusSeconds(5), "HTTP 400 property ar_payment_status does not exist");

        assertThat(outbox().claim(t, 10, NOW.plus(Duration.ofDays(30)), LEASE)).isEmpty();
        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(0, 0, 1));
    }

    @Test
    default void countsShouldTellDeliveredWaitingAndFailedEventsApart() {
        TenantId t = freshTenant();
        for (String id : List.of("delivered", "failed", "retrying", "leased", "unclaimed")) {
            givenRecorded(t, event(id, NOW));
        }
        List<CrmOutbox.Claimed> claimed = outbox().claim(t, 4, NOW, LEASE);

        outbox().delivered(t, claimed.get(0).seq(), NOW.plusSeconds(1));
        outbox().failed(t, claimed.get(1).seq(), NOW.plusSeconds(1), "HTTP 400");
        outbox().retry(t, claimed.get(2).seq(), NOW.plus(Duration.ofMinutes(1)), "HTTP 503");

        assertThat(outbox().counts(t)).isEqualTo(new CrmOutbox.Counts(1, 3, 1));
    }

    @Test
    default void oneTenantShouldNeverClaimSettleOrCountAnotherTenantsEvents() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        givenRecorded(a, event("e-1", NOW));

        assertThat(outbox().claim(b, 10, NOW, LEASE)).isEmpty();
        assertThat(outbox().counts(b)).isEqualTo(new CrmOutbox.Counts(0, 0, 0));
        long seq = outbox().claim(a, 10, NOW, LEASE).getFirst().seq();
        outbox().delivered(b, seq, NOW.plusSeconds(1));
        outbox().failed(b, seq, NOW.plusSeconds(1), "not b's event");
        outbox().retry(b, seq, NOW.plus(Duration.ofDays(1)), "not b's event");

        assertThat(outbox().counts(a)).isEqualTo(new CrmOutbox.Counts(0, 1, 0));
        assertThat(outbox().claim(a, 10, NOW.plus(LEASE).plusSeconds(1), LEASE))
                .singleElement()
                .satisfies(c -> assertThat(c.attempts()).isZero());

        givenRecorded(b, event("e-1", NOW)); // the same id in another tenant is another event
        assertThat(outbox().claim(b, 10, NOW, LEASE)).hasSize(1);
        assertThat(outbox().counts(a)).isEqualTo(new CrmOutbox.Counts(0, 1, 0));
    }
}
