package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;
import java.util.UUID;

class InMemoryApprovalBookTest implements ApprovalBookContract {
    private final InMemoryApprovalBook book = new InMemoryApprovalBook();

    @Override
    public ApprovalBook book() {
        return book;
    }

    @Override
    public void givenRequested(TenantId tenant, Approval approval) {
        book.request(tenant, approval);
    }

    @Override
    public List<UUID> queuedMessages(TenantId tenant) {
        return book.queued(tenant).stream().map(Outgoing::id).toList();
    }
}
