package dev.aragent.agent.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmOutbox;
import dev.aragent.agent.spi.CrmSink;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dispatcher's retry rules over a list standing in for the outbox table (the store's is tested in ChannelsIT). */
class CrmDispatcherTest {
    private static final TenantId T = TenantId.of("t");

    static final class ListOutbox implements CrmOutbox {
        final List<Object[]> rows = new ArrayList<>(); // event, availableAt, attempts, state
        final List<String> log = new ArrayList<>();

        void add(CrmEvent e, Instant at) {
            rows.add(new Object[] {e, at, 0, "waiting"});
        }

        @Override
        public List<Claimed> claim(TenantId tenant, int max, Instant now, Duration lease) {
            List<Claimed> out = new ArrayList<>();
            for (int i = 0; i < rows.size() && out.size() < max; i++) {
                Object[] r = rows.get(i);
                if (r[3].equals("waiting") && !((Instant) r[1]).isAfter(now)) {
                    r[1] = now.plus(lease);
                    out.add(new Claimed(i, (CrmEvent) r[0], (int) r[2]));
                }
            }
            return out;
        }

        @Override
        public void delivered(TenantId tenant, long seq, Instant at) {
            rows.get((int) seq)[3] = "delivered";
        }

        @Override
        public void retry(TenantId tenant, long seq, Instant at, String reason) {
            Object[] r = rows.get((int) seq);
            r[1] = at;
            r[2] = (int) r[2] + 1;
            log.add("retry at " + at);
        }

        @Override
        public void failed(TenantId tenant, long seq, Instant at, String reason) {
            rows.get((int) seq)[3] = "failed: " + reason;
        }

        @Override
        public Counts counts(TenantId tenant) {
            long d = rows.stream().filter(r -> r[3].equals("delivered")).count();
            long w = rows.stream().filter(r -> r[3].equals("waiting")).count();
            return new Counts(d, w, rows.size() - d - w);
        }
    }

    static CrmSink sink(java.util.function.Consumer<CrmEvent> write) {
        return new CrmSink() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public void write(TenantId tenant, CrmEvent e) {
                write.accept(e);
            }
        };
    }

    static CrmEvent event(String id) {
        return new CrmEvent(
                id,
                CrmEvent.Kind.DISPOSITION,
                CustomerKey.of("C-1"),
                "Blue Fern",
                Optional.empty(),
                Optional.of(new ConversationId(UUID.randomUUID())),
                Instant.EPOCH,
                Map.of("payment_status", "promised"),
                "n",
                List.of());
    }

    @Test
    void passingFailuresBackOffAndEveryEventIsDeliveredOnce() {
        ListOutbox outbox = new ListOutbox();
        outbox.add(event("a"), Instant.EPOCH);
        outbox.add(event("b"), Instant.EPOCH);
        List<String> written = new ArrayList<>();
        int[] failures = {3};
        CrmSink sink = sink(e -> {
            if (e.id().equals("a") && failures[0]-- > 0) {
                throw new TransientFailure("503", null);
            }
            written.add(e.id());
        });
        Instant[] now = {Instant.parse("2026-11-02T15:00:00Z")};
        Clock clock = dev.aragent.agent.work.TestClocks.of(() -> now[0]);
        CrmDispatcher d = CrmDispatcher.create(outbox, sink, clock);
        for (int i = 0; i < 10; i++) {
            d.dispatch(T, 10);
            now[0] = now[0].plus(Duration.ofMinutes(5));
        }
        assertThat(written).containsExactly("b", "a");
        assertThat(outbox.counts(T)).isEqualTo(new CrmOutbox.Counts(2, 0, 0));
        assertThat(outbox.log).hasSize(3);
        assertThat(CrmDispatcher.backoff(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(CrmDispatcher.backoff(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(CrmDispatcher.backoff(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aPermanentRefusalIsKeptForAPersonNotDropped() {
        ListOutbox outbox = new ListOutbox();
        outbox.add(event("a"), Instant.EPOCH);
        CrmSink sink = sink(e -> {
            throw new PermanentFailure("HTTP 400 property ar_payment_status does not exist", null);
        });
        CrmDispatcher.Pass p =
                CrmDispatcher.create(outbox, sink, Clock.systemUTC()).dispatch(T, 10);
        assertThat(p).isEqualTo(new CrmDispatcher.Pass(0, 0, 1));
        assertThat(outbox.counts(T).failed()).isEqualTo(1);
        assertThat((String) outbox.rows.getFirst()[3]).contains("ar_payment_status");
    }
}
