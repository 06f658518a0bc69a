package dev.aragent.agent.queue;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.audit;
import static dev.aragent.agent.spi.Books.customer;
import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.InMemoryLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionQueueTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldRankPastDueInvoicesByAmountTimesDaysPastDueAndSkipCurrentOnes() {
        InMemoryLedger ledger = new InMemoryLedger();
        TenantId tenant = TenantId.of("acme");
        ledger.apply(
                tenant,
                aging(
                        List.of(customer("c1", "Blue Fern Bistro")),
                        List.of(
                                open("c1", "SMALL-OLD", TODAY.minusDays(100), 10_000, 10_000), // $100 × 100 = 10,000
                                open("c1", "BIG-NEW", TODAY.minusDays(5), 1_000_000, 1_000_000), // $10,000 × 5 = 50,000
                                open("c1", "MID", TODAY.minusDays(40), 100_000, 50_000), // $500 × 40 = 20,000
                                open("c1", "NOT-DUE", TODAY.plusDays(3), 9_000_000, 9_000_000)),
                        List.of()),
                audit(ImportKind.AGING, 4));

        List<QueueEntry> queue = ActionQueue.create(ledger, CLOCK).today(tenant, 20);

        assertThat(queue).extracting(e -> e.invoice().number()).containsExactly("BIG-NEW", "MID", "SMALL-OLD");
        assertThat(queue.getFirst().score()).isEqualTo(50_000);
        assertThat(queue.getFirst().channel()).isEqualTo(QueueEntry.Channel.EMAIL);
        assertThat(queue.getFirst().reason()).contains("$10,000.00 open × 5 days past due");
        assertThat(queue).extracting(QueueEntry::rank).containsExactly(1, 2, 3);
    }
}
