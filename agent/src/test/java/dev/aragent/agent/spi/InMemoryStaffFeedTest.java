package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStaffFeedTest implements StaffFeedContract {
    private final InMemoryApprovalBook book = new InMemoryApprovalBook();
    private final InMemoryStaffFeed feed = new InMemoryStaffFeed(book);

    @Override
    public StaffFeed feed() {
        return feed;
    }

    @Override
    public void givenRequested(TenantId tenant, Approval approval) {
        book.request(tenant, approval);
    }

    @Override
    public void givenDecided(TenantId tenant, Approval.Resolution resolution) {
        if (!book.resolve(tenant, resolution, Optional.empty(), List.of())) {
            throw new IllegalStateException("approval " + resolution.approval() + " is not pending in " + tenant);
        }
    }

    @Test
    void aNoticeOfAKindTheStoreDoesNotTakeShouldBeAPermanentFailure() {
        assertThatThrownBy(() ->
                        feed.notice(freshTenant(), "weekly_digest", "2026-W47", "Digest", ApprovalBookContract.NOW))
                .isInstanceOf(PermanentFailure.class);
    }
}
