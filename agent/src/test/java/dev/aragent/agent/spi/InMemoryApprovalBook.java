package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An {@link ApprovalBook} in memory for core tests; {@link ApprovalBookContract} checks it behaves as the real one. */
public final class InMemoryApprovalBook implements ApprovalBook {
    private record Kept(TenantId tenant, Approval approval) {}

    private record Queued(TenantId tenant, Outgoing message) {}

    private final List<Kept> approvals = new ArrayList<>();
    private final List<Queued> queued = new ArrayList<>();
    private final List<TurnRecord> turns = new ArrayList<>();

    /** Keeps a pending approval, as the turn that asked for it would. */
    public synchronized void request(TenantId tenant, Approval approval) {
        if (approval.status() != Approval.Status.PENDING) {
            throw new IllegalArgumentException("an approval is requested pending: " + approval.status());
        }
        if (find(tenant, approval.id()).isPresent()) {
            throw new IllegalStateException("approval " + approval.id() + " exists in " + tenant);
        }
        approvals.add(new Kept(tenant, approval));
    }

    /** The messages decisions queued in {@code tenant}, oldest first. */
    public synchronized List<Outgoing> queued(TenantId tenant) {
        return queued.stream()
                .filter(q -> q.tenant().equals(tenant))
                .map(Queued::message)
                .toList();
    }

    /** Every turn a decision caused, oldest first. */
    public synchronized List<TurnRecord> turns() {
        return List.copyOf(turns);
    }

    @Override
    public synchronized List<Approval> pending(TenantId tenant) {
        return approvals.stream()
                .filter(k -> k.tenant().equals(tenant) && k.approval().status() == Approval.Status.PENDING)
                .map(Kept::approval)
                .sorted(Comparator.comparing(Approval::requestedAt))
                .toList();
    }

    @Override
    public synchronized List<Approval> recent(TenantId tenant, int max) {
        return approvals.stream()
                .filter(k -> k.tenant().equals(tenant))
                .map(Kept::approval)
                .sorted(Comparator.comparing(Approval::requestedAt).reversed())
                .limit(Math.max(1, max)) // as PostgresApprovalBook: never fewer than one
                .toList();
    }

    @Override
    public synchronized Optional<Approval> find(TenantId tenant, UUID id) {
        return approvals.stream()
                .filter(k -> k.tenant().equals(tenant) && k.approval().id().equals(id))
                .map(Kept::approval)
                .findFirst();
    }

    @Override
    public synchronized boolean resolve(
            TenantId tenant, Approval.Resolution resolution, Optional<TurnRecord> turn, List<Outgoing> messages) {
        for (int i = 0; i < approvals.size(); i++) {
            Kept k = approvals.get(i);
            if (k.tenant().equals(tenant)
                    && k.approval().id().equals(resolution.approval())
                    && k.approval().status() == Approval.Status.PENDING) {
                Approval decided =
                        Approvals.with(k.approval()).decided(resolution).build();
                approvals.set(i, new Kept(tenant, decided));
                turn.ifPresent(turns::add);
                messages.forEach(m -> queued.add(new Queued(tenant, m)));
                return true;
            }
        }
        return false;
    }
}
