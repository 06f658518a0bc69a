package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link StaffFeed} in memory for core tests, over the approvals of an {@link InMemoryApprovalBook} (as the store
 * keeps both ports in one table); {@link StaffFeedContract} checks it behaves as the real one. Like the store, it takes
 * only the notice kinds in {@link #KINDS} and refuses any other as a {@link PermanentFailure}. Unlike the store, a
 * decision that lets an approval expire or withdraws it adds no notice here ({@code PostgresApprovalBook.resolve} adds
 * one; no port says so).
 */
public final class InMemoryStaffFeed implements StaffFeed {
    /** The kinds the store's {@code notices} table takes (its {@code notices_kind_check}). */
    public static final Set<String> KINDS = Set.of(
            "dispute_opened",
            "promise_broken_twice",
            "likely_write_offs",
            "approval_expired",
            "approval_stale",
            "call_transfer",
            "call_unanswered");

    private record Mark(TenantId tenant, UUID approval) {}

    private record Kept(TenantId tenant, Notice notice, String key, boolean sent) {}

    private final InMemoryApprovalBook approvals;
    private final Map<Mark, Posted> posted = new HashMap<>();
    private final Set<Mark> updated = new HashSet<>();
    private final List<Kept> notices = new ArrayList<>();
    private long lastNotice;

    /** A feed of {@code approvals}: what they request and decide is what it shows. */
    public InMemoryStaffFeed(InMemoryApprovalBook approvals) {
        this.approvals = approvals;
    }

    @Override
    public synchronized List<Approval> unposted(TenantId tenant) {
        return approvals.pending(tenant).stream()
                .filter(a -> !posted.containsKey(new Mark(tenant, a.id())))
                .toList();
    }

    @Override
    public synchronized void posted(TenantId tenant, UUID approval, Posted where, Instant at) {
        if (approvals.find(tenant, approval).isPresent()) {
            posted.put(new Mark(tenant, approval), where);
        }
    }

    @Override
    public synchronized List<Card> outdated(TenantId tenant) {
        return approvals.recent(tenant, Integer.MAX_VALUE).stream()
                .filter(a -> a.status() != Approval.Status.PENDING)
                .filter(a -> !updated.contains(new Mark(tenant, a.id())))
                .flatMap(a ->
                        Optional.ofNullable(posted.get(new Mark(tenant, a.id())))
                                .map(where -> new Card(a, where))
                                .stream())
                .sorted(Comparator.comparing(
                        (Card c) -> c.approval().decidedAt().orElseThrow()))
                .toList();
    }

    @Override
    public synchronized void cardUpdated(TenantId tenant, UUID approval, Instant at) {
        if (approvals.find(tenant, approval).isPresent()) {
            updated.add(new Mark(tenant, approval));
        }
    }

    @Override
    public synchronized List<Notice> unsent(TenantId tenant, int max) {
        return notices.stream()
                .filter(k -> k.tenant().equals(tenant) && !k.sent())
                .limit(max)
                .map(Kept::notice)
                .toList();
    }

    @Override
    public synchronized void sent(TenantId tenant, long notice, Instant at) {
        notices.replaceAll(k -> k.tenant().equals(tenant) && k.notice().id() == notice
                ? new Kept(k.tenant(), k.notice(), k.key(), true)
                : k);
    }

    @Override
    public synchronized void notice(TenantId tenant, String kind, String key, String text, Instant at) {
        if (!KINDS.contains(kind)) {
            throw new PermanentFailure("cannot add a notice: no such kind " + kind);
        }
        boolean exists = notices.stream()
                .anyMatch(k -> k.tenant().equals(tenant)
                        && k.notice().kind().equals(kind)
                        && k.key().equals(key));
        if (!exists) {
            notices.add(new Kept(tenant, new Notice(++lastNotice, kind, text), key, false));
        }
    }
}
