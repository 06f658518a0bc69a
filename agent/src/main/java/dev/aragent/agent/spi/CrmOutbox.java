package dev.aragent.agent.spi;

import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The CRM events waiting to be delivered, written with the turns that caused them. Adapter: store. */
public interface CrmOutbox {

    /** A claimed event: {@code attempts} counts earlier deliveries that failed. */
    record Claimed(long seq, CrmEvent event, int attempts) {}

    /** How many events were delivered, are waiting, or gave up (and need a person). */
    record Counts(long delivered, long waiting, long failed) {}

    /** Claims up to {@code max} events due by {@code now}, leasing them for {@code lease}. */
    List<Claimed> claim(TenantId tenant, int max, Instant now, Duration lease);

    void delivered(TenantId tenant, long seq, Instant at);

    void retry(TenantId tenant, long seq, Instant at, String reason);

    void failed(TenantId tenant, long seq, Instant at, String reason);

    Counts counts(TenantId tenant);
}
