package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.StaffFeed;
import dev.aragent.agent.spi.StaffFeedContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff feed contract on PostgreSQL: the approval book's approvals, and its notices. */
class PostgresStaffFeedIT implements StaffFeedContract {
    private static Database db;
    private static PostgresApprovalBook book;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        book = PostgresApprovalBook.create(db);
    }

    @Override
    public StaffFeed feed() {
        return book;
    }

    /** The rows a turn's approval request finds or writes, as {@link ApprovalRows} writes them. */
    @Override
    public void givenRequested(TenantId tenant, Approval a) {
        ApprovalRows.requested(db, tenant, a);
    }

    /** Through the same book's {@code resolve}, as the approval desk decides. */
    @Override
    public void givenDecided(TenantId tenant, Approval.Resolution resolution) {
        assertThat(book.resolve(tenant, resolution, Optional.empty(), List.of()))
                .as("approval %s is pending in %s", resolution.approval(), tenant)
                .isTrue();
    }

    @Test
    void aNoticeOfAKindTheNoticesTableDoesNotTakeShouldBeAPermanentFailure() {
        assertThatThrownBy(() -> book.notice(
                        freshTenant(), "weekly_digest", "2026-W47", "Digest", Instant.parse("2026-11-20T15:00:00Z")))
                .isInstanceOf(PermanentFailure.class);
    }
}
