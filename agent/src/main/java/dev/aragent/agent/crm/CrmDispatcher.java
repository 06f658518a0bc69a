package dev.aragent.agent.crm;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmOutbox;
import dev.aragent.agent.spi.CrmSink;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the CRM outbox: each event at least once, in order of recording; a passing failure is retried with
 * exponential backoff (1 minute, doubling, at most 6 hours), a permanent one — or {@value #MAX_ATTEMPTS} passing ones —
 * leaves the event failed for a person to see (it is never dropped).
 */
public final class CrmDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CrmDispatcher.class);
    static final int MAX_ATTEMPTS = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofHours(6);

    private final CrmOutbox outbox;
    private final CrmSink sink;
    private final Clock clock;

    private CrmDispatcher(CrmOutbox outbox, CrmSink sink, Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
    }

    public static CrmDispatcher create(CrmOutbox outbox, CrmSink sink, Clock clock) {
        return new CrmDispatcher(outbox, sink, clock);
    }

    /** What one pass did. */
    public record Pass(int delivered, int retrying, int failed) {}

    public Pass dispatch(TenantId tenant, int max) {
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (CrmOutbox.Claimed c : outbox.claim(tenant, max, clock.instant(), LEASE)) {
            try {
                sink.write(tenant, c.event());
                outbox.delivered(tenant, c.seq(), clock.instant());
                delivered++;
            } catch (TransientFailure e) {
                if (c.attempts() + 1 >= MAX_ATTEMPTS) {
                    outbox.failed(
                            tenant,
                            c.seq(),
                            clock.instant(),
                            "gave up after " + MAX_ATTEMPTS + " attempts: " + e.getMessage());
                    failed++;
                } else {
                    outbox.retry(tenant, c.seq(), clock.instant().plus(backoff(c.attempts())), e.getMessage());
                    retrying++;
                }
            } catch (PermanentFailure e) {
                outbox.failed(tenant, c.seq(), clock.instant(), e.getMessage());
                failed++;
                LOG.atWarn()
                        .addKeyValue("sink", sink.name())
                        .addKeyValue("event", c.event().id())
                        .addKeyValue("error", e.getMessage())
                        .log("CRM refused an event");
            }
        }
        return new Pass(delivered, retrying, failed);
    }

    /** 1, 2, 4, … minutes after the {@code attempts}-th failure, at most 6 hours. */
    static Duration backoff(int attempts) {
        Duration d = FIRST.multipliedBy(1L << Math.min(attempts, 16));
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }

    public Instant now() {
        return clock.instant();
    }
}
