package dev.aragent.agent.spi;

import static dev.aragent.agent.spi.ApprovalBookContract.DANA;
import static dev.aragent.agent.spi.ApprovalBookContract.LEE;
import static dev.aragent.agent.spi.ApprovalBookContract.NOW;
import static dev.aragent.agent.spi.ApprovalBookContract.approved;
import static dev.aragent.agent.spi.ApprovalBookContract.decided;
import static dev.aragent.agent.spi.ApprovalBookContract.edited;
import static dev.aragent.agent.spi.ApprovalBookContract.rejected;
import static dev.aragent.agent.spi.ApprovalBookContract.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StaffFeed} adapter must do: a pending approval waits to be posted until its card is, a decided one
 * waits for its card to be updated where it was posted, a notice waits to be sent, each until it is marked done. The
 * approvals are the approval book's, which is not this port's work, so adapters keep them through
 * {@link #givenRequested} and decide them through {@link #givenDecided}. Notices use kinds the store takes
 * ({@code dispute_opened}, {@code promise_broken_twice}, {@code call_transfer}); the port does not say which kinds
 * exist. Each test uses fresh tenants, so adapters may share one database.
 */
public interface StaffFeedContract {
    StaffFeed feed();

    /** Keeps {@code approval} (pending) as the turn that asked for it would, as in {@link ApprovalBookContract}. */
    void givenRequested(TenantId tenant, Approval approval);

    /** Decides a pending approval through the adapter's {@link ApprovalBook}, with no turn and no message. */
    void givenDecided(TenantId tenant, Approval.Resolution resolution);

    String CHANNEL = "C0ARAPPROVE";

    default TenantId freshTenant() {
        return TenantId.of("sf-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static StaffFeed.Posted at(String ts) {
        return new StaffFeed.Posted(CHANNEL, ts);
    }

    @Test
    default void aRequestedApprovalShouldWaitToBePostedUntilItsCardIs() {
        TenantId t = freshTenant();
        Approval late = requested(Channel.EMAIL, NOW.plus(Duration.ofHours(1)));
        Approval early = requested(Channel.SMS, NOW);
        givenRequested(t, late);
        givenRequested(t, early);

        assertThat(feed().unposted(t)).as("whole, oldest first").containsExactly(early, late);

        feed().posted(t, early.id(), at("1790000000.000101"), NOW.plus(Duration.ofHours(2)));

        assertThat(feed().unposted(t)).containsExactly(late);
        assertThat(feed().outdated(t)).as("a pending card shows what is so").isEmpty();
    }

    @Test
    default void aDecidedApprovalShouldWaitForItsCardToBeUpdatedWhereItWasPosted() {
        TenantId t = freshTenant();
        Approval a = requested(Channel.SMS, NOW);
        givenRequested(t, a);
        StaffFeed.Posted where = at("1790000000.000101");
        feed().posted(t, a.id(), where, NOW.plusSeconds(30));
        Approval.Resolution yes = approved(a, DANA, NOW.plus(Duration.ofHours(2)));
        givenDecided(t, yes);

        assertThat(feed().unposted(t)).isEmpty();
        assertThat(feed().outdated(t)).containsExactly(new StaffFeed.Card(decided(a, yes), where));

        feed().cardUpdated(t, a.id(), NOW.plus(Duration.ofHours(2)).plusSeconds(5));

        assertThat(feed().outdated(t)).isEmpty();
        assertThat(feed().unposted(t)).isEmpty();
    }

    @Test
    default void anApprovalDecidedBeforeItsCardWasPostedShouldBeNeitherPostedNorUpdated() {
        TenantId t = freshTenant();
        Approval a = requested(Channel.EMAIL, NOW);
        givenRequested(t, a);

        givenDecided(t, rejected(a, LEE, NOW.plus(Duration.ofHours(1)), "credit hold"));

        assertThat(feed().unposted(t)).isEmpty();
        assertThat(feed().outdated(t)).as("there is no card to update").isEmpty();
    }

    @Test
    default void outdatedCardsShouldComeInTheOrderTheirApprovalsWereDecided() {
        TenantId t = freshTenant();
        Approval first = requested(Channel.SMS, NOW);
        Approval second = requested(Channel.EMAIL, NOW.plusSeconds(60));
        Approval third = requested(Channel.SMS, NOW.plusSeconds(120));
        givenRequested(t, first);
        givenRequested(t, second);
        givenRequested(t, third);
        StaffFeed.Posted firstCard = at("1790000000.000101");
        StaffFeed.Posted secondCard = at("1790000000.000102");
        StaffFeed.Posted thirdCard = at("1790000000.000103");
        feed().posted(t, first.id(), firstCard, NOW.plusSeconds(180));
        feed().posted(t, second.id(), secondCard, NOW.plusSeconds(180));
        feed().posted(t, third.id(), thirdCard, NOW.plusSeconds(180));
        Approval.Resolution yes = approved(third, DANA, NOW.plus(Duration.ofHours(1)));
        Approval.Resolution no = rejected(first, LEE, NOW.plus(Duration.ofHours(2)), "the account is on credit hold");
        Approval.Resolution edit = edited(second, LEE, NOW.plus(Duration.ofHours(3)));
        givenDecided(t, no);
        givenDecided(t, edit);
        givenDecided(t, yes);

        assertThat(feed().outdated(t))
                .containsExactly(
                        new StaffFeed.Card(decided(third, yes), thirdCard),
                        new StaffFeed.Card(decided(first, no), firstCard),
                        new StaffFeed.Card(decided(second, edit), secondCard));

        feed().cardUpdated(t, first.id(), NOW.plus(Duration.ofHours(4)));

        assertThat(feed().outdated(t)).extracting(c -> c.approval().id()).containsExactly(third.id(), second.id());
    }

    @Test
    default void noticesShouldWaitToBeSentOldestFirstAndNoMoreThanAsked() {
        TenantId t = freshTenant();
        feed().notice(
                        t,
                        "dispute_opened",
                        "C-7:INV-1042",
                        "Dispute opened by C-7 on INV-1042 ($1,250.00): we were quoted a lower rate",
                        NOW);
        feed().notice(
                        t,
                        "promise_broken_twice",
                        "C-7:2026-11-20",
                        "Second broken promise by C-7: second broken promise. A call is needed.",
                        NOW.plusSeconds(60));
        feed().notice(
                        t,
                        "call_transfer",
                        "CA0001",
                        "Blue Fern Bistro asked for a person on a call.",
                        NOW.plusSeconds(120));

        List<StaffFeed.Notice> unsent = feed().unsent(t, 10);

        assertThat(unsent)
                .extracting(StaffFeed.Notice::kind, StaffFeed.Notice::text)
                .containsExactly(
                        tuple(
                                "dispute_opened",
                                "Dispute opened by C-7 on INV-1042 ($1,250.00): we were quoted a lower rate"),
                        tuple(
                                "promise_broken_twice",
                                "Second broken promise by C-7: second broken promise. A call is needed."),
                        tuple("call_transfer", "Blue Fern Bistro asked for a person on a call."));
        assertThat(unsent).extracting(StaffFeed.Notice::id).doesNotHaveDuplicates();
        assertThat(feed().unsent(t, 2)).containsExactlyElementsOf(unsent.subList(0, 2));

        feed().sent(t, unsent.get(1).id(), NOW.plusSeconds(180));

        assertThat(feed().unsent(t, 10)).containsExactly(unsent.get(0), unsent.get(2));
    }

    @Test
    default void aNoticeShouldBeAddedOncePerKindAndKeyEvenOnceSent() {
        TenantId t = freshTenant();
        feed().notice(t, "dispute_opened", "C-7:INV-1042", "Dispute opened by C-7 on INV-1042: wrong rate", NOW);
        feed().notice(
                        t,
                        "dispute_opened",
                        "C-7:INV-1042",
                        "Dispute opened by C-7 on INV-1042: wrong rate, again",
                        NOW.plusSeconds(60));

        List<StaffFeed.Notice> unsent = feed().unsent(t, 10);
        assertThat(unsent)
                .as("the first one stays as it was")
                .extracting(StaffFeed.Notice::text)
                .containsExactly("Dispute opened by C-7 on INV-1042: wrong rate");

        feed().sent(t, unsent.getFirst().id(), NOW.plusSeconds(120));
        feed().notice(t, "dispute_opened", "C-7:INV-1042", "Dispute opened by C-7 on INV-1042", NOW.plusSeconds(180));

        assertThat(feed().unsent(t, 10)).as("told once").isEmpty();

        feed().notice(t, "promise_broken_twice", "C-7:INV-1042", "Second broken promise by C-7", NOW.plusSeconds(240));

        assertThat(feed().unsent(t, 10))
                .as("the same key of another kind is another notice")
                .extracting(StaffFeed.Notice::kind)
                .containsExactly("promise_broken_twice");
    }

    @Test
    default void oneTenantShouldNeverSeeNorMarkAnotherTenantsCardsAndNotices() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        Approval waiting = requested(Channel.SMS, NOW);
        Approval done = requested(Channel.EMAIL, NOW.plusSeconds(60));
        givenRequested(a, waiting);
        givenRequested(a, done);
        StaffFeed.Posted where = at("1790000000.000101");
        feed().posted(a, done.id(), where, NOW.plusSeconds(90));
        Approval.Resolution yes = approved(done, DANA, NOW.plus(Duration.ofHours(1)));
        givenDecided(a, yes);
        feed().notice(a, "dispute_opened", "C-7:INV-1042", "Dispute opened by C-7 on INV-1042", NOW);
        long notice = feed().unsent(a, 10).getFirst().id();

        assertThat(feed().unposted(b)).isEmpty();
        assertThat(feed().outdated(b)).isEmpty();
        assertThat(feed().unsent(b, 10)).isEmpty();

        feed().posted(b, waiting.id(), at("1790000000.000199"), NOW.plus(Duration.ofHours(2)));
        feed().cardUpdated(b, done.id(), NOW.plus(Duration.ofHours(2)));
        feed().sent(b, notice, NOW.plus(Duration.ofHours(2)));

        assertThat(feed().unposted(a)).containsExactly(waiting);
        assertThat(feed().outdated(a)).containsExactly(new StaffFeed.Card(decided(done, yes), where));
        assertThat(feed().unsent(a, 10)).extracting(StaffFeed.Notice::id).containsExactly(notice);

        feed().notice(b, "dispute_opened", "C-7:INV-1042", "Dispute opened by C-7 on INV-1042 (theirs)", NOW);

        assertThat(feed().unsent(b, 10))
                .as("a kind and key another tenant used is still free")
                .extracting(StaffFeed.Notice::text)
                .containsExactly("Dispute opened by C-7 on INV-1042 (theirs)");
        assertThat(feed().unsent(a, 10)).extracting(StaffFeed.Notice::id).containsExactly(notice);
    }
}
