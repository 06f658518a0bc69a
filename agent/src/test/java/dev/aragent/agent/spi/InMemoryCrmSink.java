package dev.aragent.agent.spi;

import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CrmSink} in memory, for core tests; {@link CrmSinkContract} checks it behaves as the real ones. Like them it
 * keeps one event per {@link CrmEvent#id()}, whichever tenant wrote it, and it can be told to fail as a CRM does.
 */
public final class InMemoryCrmSink implements CrmSink {
    /** One event as the CRM keeps it, with the tenant it was written for. */
    public record Written(TenantId tenant, CrmEvent event) {}

    private final List<Written> written = new ArrayList<>();
    private int failNext;
    private Optional<String> refusal = Optional.empty();

    /** The next {@code n} writes throw {@link TransientFailure}, as a CRM under load answers 503. */
    public synchronized void failNext(int n) {
        failNext = n;
    }

    /** Every later write throws {@link PermanentFailure} with {@code reason}, as when the CRM revokes our credentials. */
    public synchronized void refuse(String reason) {
        refusal = Optional.of(reason);
    }

    /** The events the CRM holds, one per id, in order of first arrival. */
    public synchronized List<Written> written() {
        return List.copyOf(written);
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public synchronized void write(TenantId tenant, CrmEvent event) {
        if (refusal.isPresent()) {
            throw new PermanentFailure("CRM refused: " + refusal.get());
        }
        if (failNext > 0) {
            failNext--;
            throw new TransientFailure("CRM unavailable: HTTP 503");
        }
        boolean known = written.stream().anyMatch(w -> w.event().id().equals(event.id()));
        if (!known) {
            written.add(new Written(tenant, event));
        }
    }
}
