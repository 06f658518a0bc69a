package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What AR staff must be shown and has not been yet: approvals to post, decided approvals whose card still shows them
 * pending, notices. Adapter: store ({@code PostgresApprovalBook}).
 */
public interface StaffFeed {

    /** Where a card was posted (a Slack channel and message timestamp). */
    record Posted(String channel, String ts) {}

    /** A decided approval and the card to update. */
    record Card(Approval approval, Posted where) {}

    record Notice(long id, String kind, String text) {}

    List<Approval> unposted(TenantId tenant);

    void posted(TenantId tenant, UUID approval, Posted where, Instant at);

    List<Card> outdated(TenantId tenant);

    void cardUpdated(TenantId tenant, UUID approval, Instant at);

    List<Notice> unsent(TenantId tenant, int max);

    void sent(TenantId tenant, long notice, Instant at);

    /** Adds a notice unless one of the same kind and key exists. */
    void notice(TenantId tenant, String kind, String key, String text, Instant at);
}
