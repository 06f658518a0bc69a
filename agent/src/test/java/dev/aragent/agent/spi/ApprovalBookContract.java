package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApprovalBook} adapter must do. An approval enters a book with the turn that asks for it, which is
 * not this port's work, so adapters keep one through {@link #givenRequested}. Each test uses fresh tenants, so adapters
 * may share one database.
 */
public interface ApprovalBookContract {
    ApprovalBook book();

    /**
     * Keeps {@code approval} (pending) as the turn that asked for it would, with what it needs: its tenant, its
     * customer named {@code approval.customerName()} and its conversation with them on {@code approval.channel()}.
     */
    void givenRequested(TenantId tenant, Approval approval);

    /** The ids of the messages queued in {@code tenant}'s conversations, oldest first (adapters read their outbox). */
    List<UUID> queuedMessages(TenantId tenant);

    Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    CustomerKey CUSTOMER = CustomerKey.of("C-7");

    /** Three payments and 10 % off, late fees waived: beyond what the agent may agree alone. */
    Terms ASKED = new Terms(
            Money.of(300_000, "USD"),
            10,
            true,
            List.of(
                    new Installment(LocalDate.of(2026, 12, 1), Money.of(90_000, "USD")),
                    new Installment(LocalDate.of(2026, 12, 15), Money.of(90_000, "USD")),
                    new Installment(LocalDate.of(2027, 1, 1), Money.of(90_000, "USD"))));

    Terms FALLBACK = Terms.single(Money.of(300_000, "USD"), LocalDate.of(2026, 12, 1));

    /** What a person agreed instead of {@link #ASKED}: two payments and 5 % off. */
    Terms EDITED = new Terms(
            Money.of(300_000, "USD"),
            5,
            false,
            List.of(
                    new Installment(LocalDate.of(2026, 12, 1), Money.of(142_500, "USD")),
                    new Installment(LocalDate.of(2026, 12, 31), Money.of(142_500, "USD"))));

    String DANA = "dana@northwind.example (Dana Reyes, AR manager) via slack";

    String LEE = "lee@northwind.example (Lee Park, controller) via session";

    default TenantId freshTenant() {
        return TenantId.of("ap-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A pending approval of {@link #ASKED}, requested at {@code at} in a new conversation on {@code channel}. */
    static Approval requested(Channel channel, Instant at) {
        return new Approval(
                UUID.randomUUID(),
                ConversationId.random(),
                CUSTOMER,
                "Blue Fern Bistro",
                channel,
                ASKED,
                Optional.of(FALLBACK),
                "ar_manager",
                List.of("discount 10% above the 5% limit", "3 installments above the limit of 2"),
                Optional.of("Could we pay in three parts and take 10% off?"),
                List.of("collections-policy.md#discounts", "collections-policy.md#plans"),
                Approval.Status.PENDING,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                List.of("2026-11-19 (" + channel.code() + "): Could we pay in three parts and take 10% off?"));
    }

    /** {@code a} as {@code r} leaves it: decided, and nothing else changed. */
    static Approval decided(Approval a, Approval.Resolution r) {
        return Approvals.with(a).decided(r).build();
    }

    static Approval.Resolution approved(Approval a, String by, Instant at) {
        return new Approval.Resolution(
                a.id(), Approval.Status.APPROVED, by, at, Optional.empty(), Optional.of(a.proposed()));
    }

    static Approval.Resolution rejected(Approval a, String by, Instant at, String why) {
        return new Approval.Resolution(a.id(), Approval.Status.REJECTED, by, at, Optional.of(why), Optional.empty());
    }

    /** {@code a} decided with {@link #EDITED} agreed instead of what was asked. */
    static Approval.Resolution edited(Approval a, String by, Instant at) {
        return new Approval.Resolution(a.id(), Approval.Status.EDITED, by, at, Optional.empty(), Optional.of(EDITED));
    }

    static OutboundSms sms(Approval a, String text) {
        return new OutboundSms(UUID.randomUUID(), a.conversation(), "+14155550123", "+14155550100", text);
    }

    @Test
    default void anApprovalShouldBeReadBackWholeAsItWasRequested() {
        TenantId t = freshTenant();
        Approval asked = requested(Channel.SMS, NOW);
        Approval bare = new Approval(
                UUID.randomUUID(),
                ConversationId.random(),
                CustomerKey.of("C-8"),
                "Harbor Deli",
                Channel.EMAIL,
                FALLBACK,
                Optional.empty(),
                "controller",
                List.of(),
                Optional.empty(),
                List.of(),
                Approval.Status.PENDING,
                NOW.plusSeconds(60),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                List.of());
        givenRequested(t, asked);
        givenRequested(t, bare);

        assertThat(book().find(t, asked.id())).contains(asked);
        assertThat(book().find(t, bare.id()))
                .as("nothing absent is made up: no fallback, words or citations; not the debtor's own proposal")
                .contains(bare);
        assertThat(book().pending(t)).containsExactly(asked, bare);
    }

    @Test
    default void pendingShouldListOnlyUndecidedApprovalsOldestFirst() {
        TenantId t = freshTenant();
        Approval late = requested(Channel.EMAIL, NOW.plus(Duration.ofHours(2)));
        Approval early = requested(Channel.EMAIL, NOW);
        Approval middle = requested(Channel.SMS, NOW.plus(Duration.ofHours(1)));
        givenRequested(t, late);
        givenRequested(t, early);
        givenRequested(t, middle);

        assertThat(book().pending(t)).extracting(Approval::id).containsExactly(early.id(), middle.id(), late.id());

        assertThat(book().resolve(
                                t,
                                rejected(middle, DANA, NOW.plus(Duration.ofHours(3)), "credit hold"),
                                Optional.empty(),
                                List.of()))
                .isTrue();
        assertThat(book().pending(t)).extracting(Approval::id).containsExactly(early.id(), late.id());
    }

    @Test
    default void recentShouldListApprovalsOfEveryStatusNewestFirstUpToTheMostAsked() {
        TenantId t = freshTenant();
        Approval oldest = requested(Channel.EMAIL, NOW);
        Approval middle = requested(Channel.SMS, NOW.plus(Duration.ofHours(1)));
        Approval newest = requested(Channel.EMAIL, NOW.plus(Duration.ofHours(2)));
        givenRequested(t, oldest);
        givenRequested(t, newest);
        givenRequested(t, middle);
        Approval.Resolution yes = approved(oldest, DANA, NOW.plus(Duration.ofHours(3)));
        assertThat(book().resolve(t, yes, Optional.empty(), List.of())).isTrue();

        assertThat(book().recent(t, 10))
                .extracting(Approval::id, Approval::status)
                .containsExactly(
                        tuple(newest.id(), Approval.Status.PENDING),
                        tuple(middle.id(), Approval.Status.PENDING),
                        tuple(oldest.id(), Approval.Status.APPROVED));
        assertThat(book().recent(t, 2)).extracting(Approval::id).containsExactly(newest.id(), middle.id());
    }

    @Test
    default void aDecisionShouldBeKeptWithWhoDecidedWhenWhyAndTheTermsAgreed() {
        TenantId t = freshTenant();
        Approval asIs = requested(Channel.SMS, NOW);
        Approval changed = requested(Channel.EMAIL, NOW.plusSeconds(60));
        Approval refused = requested(Channel.EMAIL, NOW.plusSeconds(120));
        givenRequested(t, asIs);
        givenRequested(t, changed);
        givenRequested(t, refused);
        Approval.Resolution yes = approved(asIs, DANA, NOW.plus(Duration.ofHours(2)));
        Approval.Resolution edit = edited(changed, LEE, NOW.plus(Duration.ofHours(3)));
        Approval.Resolution no = rejected(refused, LEE, NOW.plus(Duration.ofHours(4)), "the account is on credit hold");
        OutboundSms reply = sms(asIs, "Agreed: three payments of $900.00, on Dec 1, Dec 15 and Jan 1.");

        assertThat(book().resolve(t, yes, Optional.empty(), List.of(reply))).isTrue();
        assertThat(book().resolve(t, edit, Optional.empty(), List.of())).isTrue();
        assertThat(book().resolve(t, no, Optional.empty(), List.of())).isTrue();

        assertThat(book().find(t, asIs.id())).contains(decided(asIs, yes));
        assertThat(book().find(t, changed.id())).contains(decided(changed, edit));
        assertThat(book().find(t, refused.id())).contains(decided(refused, no));
        assertThat(book().pending(t)).isEmpty();
        assertThat(queuedMessages(t)).as("the reply the decision sends").containsExactly(reply.id());
    }

    @Test
    default void aSecondDecisionShouldBeRefusedAndWriteNothing() {
        TenantId t = freshTenant();
        Approval a = requested(Channel.SMS, NOW);
        givenRequested(t, a);
        Approval.Resolution first = approved(a, DANA, NOW.plus(Duration.ofHours(1)));
        OutboundSms confirmation = sms(a, "Agreed: three payments of $900.00.");
        assertThat(book().resolve(t, first, Optional.empty(), List.of(confirmation)))
                .isTrue();

        assertThat(book().resolve(
                                t,
                                rejected(a, LEE, NOW.plus(Duration.ofHours(2)), "too generous"),
                                Optional.empty(),
                                List.of(sms(a, "We cannot agree to that plan."))))
                .as("someone decided it first")
                .isFalse();
        assertThat(book().resolve(t, first, Optional.empty(), List.of(sms(a, "Agreed: three payments of $900.00."))))
                .as("the same decision again (a retried click)")
                .isFalse();

        assertThat(book().find(t, a.id())).contains(decided(a, first));
        assertThat(queuedMessages(t)).containsExactly(confirmation.id());
    }

    @Test
    default void anApprovalThatLapsedOrWentStaleShouldRefuseALateDecision() {
        TenantId t = freshTenant();
        Approval lapsing = requested(Channel.EMAIL, NOW);
        Approval overtaken = requested(Channel.SMS, NOW.plusSeconds(60));
        givenRequested(t, lapsing);
        givenRequested(t, overtaken);
        Approval.Resolution expiry = new Approval.Resolution(
                lapsing.id(),
                Approval.Status.EXPIRED,
                "system:expiry",
                NOW.plus(Duration.ofHours(48)),
                Optional.of("approval by ar_manager not given within 48 hours; escalated"),
                Optional.empty());
        Approval.Resolution withdrawal = new Approval.Resolution(
                overtaken.id(),
                Approval.Status.WITHDRAWN,
                DANA,
                NOW.plus(Duration.ofHours(5)),
                Optional.of("A payment of $500.00 arrived since; the balance is now $2,500.00."),
                Optional.empty());

        assertThat(book().resolve(t, expiry, Optional.empty(), List.of())).isTrue();
        assertThat(book().resolve(t, withdrawal, Optional.empty(), List.of())).isTrue();
        assertThat(book().pending(t)).isEmpty();

        assertThat(book().resolve(
                                t,
                                approved(lapsing, DANA, NOW.plus(Duration.ofHours(49))),
                                Optional.empty(),
                                List.of(sms(lapsing, "Agreed."))))
                .isFalse();
        assertThat(book().resolve(
                                t,
                                approved(overtaken, LEE, NOW.plus(Duration.ofHours(6))),
                                Optional.empty(),
                                List.of(sms(overtaken, "Agreed."))))
                .isFalse();
        assertThat(book().find(t, lapsing.id())).contains(decided(lapsing, expiry));
        assertThat(book().find(t, overtaken.id())).contains(decided(overtaken, withdrawal));
        assertThat(book().recent(t, 10))
                .extracting(Approval::status)
                .containsExactly(Approval.Status.WITHDRAWN, Approval.Status.EXPIRED);
        assertThat(queuedMessages(t)).isEmpty();
    }

    @Test
    default void peopleDecidingTheSameApprovalAtOnceShouldWriteOneDecision() throws Exception {
        TenantId t = freshTenant();
        Approval a = requested(Channel.SMS, NOW);
        givenRequested(t, a);
        List<String> people = List.of(DANA, LEE, "slack:U0RETRY1", "slack:U0RETRY2");
        List<OutboundSms> replies = new ArrayList<>();
        List<Future<Boolean>> decisions = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);

        try (ExecutorService pool = Executors.newFixedThreadPool(people.size())) {
            for (String person : people) {
                Approval.Resolution decision = approved(a, person, NOW.plus(Duration.ofHours(1)));
                OutboundSms reply = sms(a, "Agreed, as decided by " + person + ".");
                replies.add(reply);
                decisions.add(pool.submit(() -> {
                    go.await();
                    return book().resolve(t, decision, Optional.empty(), List.of(reply));
                }));
            }
            go.countDown();
        }

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).get()) {
                winners.add(i);
            }
        }
        assertThat(winners).hasSize(1);
        int winner = winners.getFirst();
        assertThat(book().find(t, a.id()))
                .contains(decided(a, approved(a, people.get(winner), NOW.plus(Duration.ofHours(1)))));
        assertThat(queuedMessages(t)).containsExactly(replies.get(winner).id());
    }

    @Test
    default void anApprovalNobodyRequestedShouldBeNeitherFoundNorDecided() {
        TenantId t = freshTenant();
        Approval a = requested(Channel.EMAIL, NOW);
        givenRequested(t, a);
        UUID nobodys = UUID.randomUUID();

        assertThat(book().find(t, nobodys)).isEmpty();
        assertThat(book().resolve(
                                t,
                                new Approval.Resolution(
                                        nobodys,
                                        Approval.Status.APPROVED,
                                        DANA,
                                        NOW.plus(Duration.ofHours(1)),
                                        Optional.empty(),
                                        Optional.of(ASKED)),
                                Optional.empty(),
                                List.of()))
                .isFalse();
        assertThat(book().pending(t)).containsExactly(a);
    }

    @Test
    default void oneTenantShouldNeverSeeNorDecideAnotherTenantsApprovals() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        Approval mine = requested(Channel.SMS, NOW);
        Approval theirs = requested(Channel.SMS, NOW.plusSeconds(60));
        givenRequested(a, mine);
        givenRequested(b, theirs);

        assertThat(book().pending(b)).containsExactly(theirs);
        assertThat(book().recent(b, 10)).containsExactly(theirs);
        assertThat(book().find(b, mine.id())).isEmpty();
        assertThat(book().resolve(
                                b,
                                approved(mine, DANA, NOW.plus(Duration.ofHours(1))),
                                Optional.empty(),
                                List.of(sms(mine, "Agreed."))))
                .isFalse();

        assertThat(book().find(a, mine.id())).contains(mine);
        assertThat(queuedMessages(a)).isEmpty();
        assertThat(queuedMessages(b)).isEmpty();
        assertThat(book().pending(freshTenant())).isEmpty();
        assertThat(book().recent(freshTenant(), 10)).isEmpty();
    }
}
