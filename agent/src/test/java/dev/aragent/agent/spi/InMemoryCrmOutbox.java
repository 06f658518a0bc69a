package dev.aragent.agent.spi;

import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A {@link CrmOutbox} in memory, for core tests; {@link CrmOutboxContract} checks it behaves as the real one. */
public final class InMemoryCrmOutbox implements CrmOutbox {
    private record Row(
            long seq,
            TenantId tenant,
            CrmEvent event,
            Instant availableAt,
            int attempts,
            Optional<Instant> deliveredAt,
            Optional<Instant> failedAt) {

        boolean waiting() {
            return deliveredAt.isEmpty() && failedAt.isEmpty();
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private long lastSeq;

    /** Records {@code event}, due from its time; an event already recorded under its id is not recorded again. */
    public synchronized void record(TenantId tenant, CrmEvent event) {
        boolean known = rows.stream()
                .anyMatch(r -> r.tenant().equals(tenant) && r.event().id().equals(event.id()));
        if (!known) {
            rows.add(new Row(++lastSeq, tenant, event, event.at(), 0, Optional.empty(), Optional.empty()));
        }
    }

    @Override
    public synchronized List<Claimed> claim(TenantId tenant, int max, Instant now, Duration lease) {
        List<Claimed> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && out.size() < max; i++) {
            Row r = rows.get(i);
            if (r.tenant().equals(tenant) && r.waiting() && !r.availableAt().isAfter(now)) {
                rows.set(
                        i,
                        new Row(
                                r.seq(),
                                tenant,
                                r.event(),
                                now.plus(lease),
                                r.attempts(),
                                r.deliveredAt(),
                                r.failedAt()));
                out.add(new Claimed(r.seq(), r.event(), r.attempts()));
            }
        }
        return out;
    }

    @Override
    public synchronized void delivered(TenantId tenant, long seq, Instant at) {
        settle(
                tenant,
                seq,
                r -> new Row(
                        r.seq(), r.tenant(), r.event(), r.availableAt(), r.attempts(), Optional.of(at), r.failedAt()));
    }

    @Override
    public synchronized void retry(TenantId tenant, long seq, Instant at, String reason) {
        settle(
                tenant,
                seq,
                r -> new Row(r.seq(), r.tenant(), r.event(), at, r.attempts() + 1, r.deliveredAt(), r.failedAt()));
    }

    @Override
    public synchronized void failed(TenantId tenant, long seq, Instant at, String reason) {
        settle(
                tenant,
                seq,
                r -> new Row(
                        r.seq(),
                        r.tenant(),
                        r.event(),
                        r.availableAt(),
                        r.attempts() + 1,
                        r.deliveredAt(),
                        Optional.of(at)));
    }

    private void settle(TenantId tenant, long seq, UnaryOperator<Row> change) {
        rows.replaceAll(r -> r.tenant().equals(tenant) && r.seq() == seq ? change.apply(r) : r);
    }

    @Override
    public synchronized Counts counts(TenantId tenant) {
        List<Row> mine = rows.stream().filter(r -> r.tenant().equals(tenant)).toList();
        return new Counts(
                mine.stream().filter(r -> r.deliveredAt().isPresent()).count(),
                mine.stream().filter(Row::waiting).count(),
                mine.stream().filter(r -> r.failedAt().isPresent()).count());
    }
}
