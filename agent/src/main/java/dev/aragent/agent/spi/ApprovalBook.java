package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where approvals are kept and decided. Adapter: store ({@code PostgresApprovalBook}). */
public interface ApprovalBook {

    /** Pending approvals, oldest first. */
    List<Approval> pending(TenantId tenant);

    /** The most recent approvals of any status, newest first. */
    List<Approval> recent(TenantId tenant, int max);

    Optional<Approval> find(TenantId tenant, UUID id);

    /**
     * Writes a decision, the turn it causes and the messages that turn sends, in one transaction, only if the approval
     * is still pending; false when someone decided it first (then nothing is written).
     */
    boolean resolve(
            TenantId tenant, Approval.Resolution resolution, Optional<TurnRecord> turn, List<Outgoing> messages);
}
