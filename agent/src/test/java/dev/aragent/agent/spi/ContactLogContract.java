package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountActivity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ContactLog} adapter must do. Each test uses fresh tenants, so adapters may share one database. */
public interface ContactLogContract {
    ContactLog log();

    /**
     * Opens a conversation with {@code customer}, last moved to {@code stage} at {@code updatedAt} (adapters add the
     * customer their store needs).
     */
    ConversationId givenConversation(TenantId tenant, CustomerKey customer, Stage stage, Instant updatedAt);

    /** A message of {@code conversation} on {@code channel} at {@code at}, and what became of it. */
    void givenMessage(TenantId tenant, ConversationId conversation, Channel channel, Fate fate, Instant at);

    void givenPromise(
            TenantId tenant,
            ConversationId conversation,
            LocalDate dueOn,
            PromiseRecord.Status status,
            Instant madeAt,
            Optional<Instant> resolvedAt);

    /** A dispute opened at {@code openedAt}, still {@code open} or since resolved. */
    void givenDispute(TenantId tenant, ConversationId conversation, boolean open, Instant openedAt);

    /** How a turn ended at {@code at}: its payment status, and when to try the debtor again if it said. */
    void givenDisposition(
            TenantId tenant,
            ConversationId conversation,
            String paymentStatus,
            Optional<LocalDate> retryOn,
            Instant at);

    /** What became of a message: the first three reached or came from a person, the others did not. */
    enum Fate {
        /** Ours, sent to the debtor. */
        SENT,
        /** Ours, and the carrier says it was delivered. */
        DELIVERED,
        /** Ours, and the carrier says the debtor read it (a text's read receipt). */
        READ,
        /** The debtor's own words. */
        RECEIVED,
        /** An out-of-office or other automatic answer. */
        AUTO_REPLY,
        /** A bounce report for one of ours. */
        BOUNCE,
        /** Inbound, but quarantined: never read as the debtor's words. */
        QUARANTINED,
        /** Ours, but the send failed. */
        FAILED_SEND
    }

    Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    CustomerKey C1 = CustomerKey.of("c1");
    CustomerKey C2 = CustomerKey.of("c2");
    CustomerKey C3 = CustomerKey.of("c3");

    default TenantId freshTenant() {
        return TenantId.of("cl-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static Instant hoursAgo(long hours) {
        return NOW.minusSeconds(hours * 3_600);
    }

    @Test
    default void anAccountTheAgentNeverTalkedToShouldHaveNoActivity() {
        TenantId t = freshTenant();
        assertThat(log().activity(t)).isEmpty();
        assertThat(log().activity(t, C1)).isEqualTo(AccountActivity.none());

        givenConversation(t, C1, Stage.OPEN, hoursAgo(5));

        assertThat(log().activity(t)).doesNotContainKey(C2);
        assertThat(log().activity(t, C2)).isEqualTo(AccountActivity.none());
    }

    @Test
    default void touchesShouldBeInTimeOrderAcrossAnAccountsConversationsAndChannels() {
        TenantId t = freshTenant();
        ConversationId email = givenConversation(t, C1, Stage.ENGAGED, hoursAgo(50));
        ConversationId sms = givenConversation(t, C1, Stage.ENGAGED, hoursAgo(10));
        ConversationId call = givenConversation(t, C1, Stage.OPEN, hoursAgo(5));
        givenMessage(t, call, Channel.VOICE, Fate.SENT, hoursAgo(5));
        givenMessage(t, sms, Channel.SMS, Fate.SENT, hoursAgo(30));
        givenMessage(t, email, Channel.EMAIL, Fate.SENT, hoursAgo(90));
        givenMessage(t, sms, Channel.SMS, Fate.RECEIVED, hoursAgo(20));
        givenMessage(t, email, Channel.EMAIL, Fate.RECEIVED, hoursAgo(60));

        assertThat(log().activity(t, C1).touches())
                .containsExactly(
                        new AccountActivity.Touch(Channel.EMAIL, false, hoursAgo(90)),
                        new AccountActivity.Touch(Channel.EMAIL, true, hoursAgo(60)),
                        new AccountActivity.Touch(Channel.SMS, false, hoursAgo(30)),
                        new AccountActivity.Touch(Channel.SMS, true, hoursAgo(20)),
                        new AccountActivity.Touch(Channel.VOICE, false, hoursAgo(5)));
    }

    @Test
    default void onlyMessagesThatReachedOrCameFromAPersonShouldBeTouches() {
        TenantId t = freshTenant();
        ConversationId c = givenConversation(t, C1, Stage.ENGAGED, hoursAgo(1));
        givenMessage(t, c, Channel.EMAIL, Fate.SENT, hoursAgo(90));
        givenMessage(t, c, Channel.EMAIL, Fate.AUTO_REPLY, hoursAgo(89));
        givenMessage(t, c, Channel.EMAIL, Fate.BOUNCE, hoursAgo(88));
        givenMessage(t, c, Channel.EMAIL, Fate.FAILED_SEND, hoursAgo(80));
        givenMessage(t, c, Channel.EMAIL, Fate.QUARANTINED, hoursAgo(70));
        givenMessage(t, c, Channel.SMS, Fate.DELIVERED, hoursAgo(60));
        givenMessage(t, c, Channel.SMS, Fate.READ, hoursAgo(58));
        givenMessage(t, c, Channel.EMAIL, Fate.RECEIVED, hoursAgo(50));

        AccountActivity a = log().activity(t, C1);

        assertThat(a.touches())
                .containsExactly(
                        new AccountActivity.Touch(Channel.EMAIL, false, hoursAgo(90)),
                        new AccountActivity.Touch(Channel.SMS, false, hoursAgo(60)),
                        new AccountActivity.Touch(Channel.SMS, false, hoursAgo(58)),
                        new AccountActivity.Touch(Channel.EMAIL, true, hoursAgo(50)));
        assertThat(a.unansweredBy(hoursAgo(55)))
                .as("an auto-reply is not the debtor answering")
                .isEqualTo(3);
        assertThat(a.unansweredBy(NOW)).isZero();
    }

    @Test
    default void promisesShouldBeReadInTheOrderMadeWithHowEachEnded() {
        TenantId t = freshTenant();
        ConversationId c = givenConversation(t, C1, Stage.PROMISED, hoursAgo(1));
        givenPromise(t, c, LocalDate.of(2026, 11, 27), PromiseRecord.Status.OPEN, hoursAgo(10), Optional.empty());
        givenPromise(
                t,
                c,
                LocalDate.of(2026, 11, 10),
                PromiseRecord.Status.BROKEN,
                hoursAgo(300),
                Optional.of(hoursAgo(200)));
        givenPromise(
                t, c, LocalDate.of(2026, 11, 15), PromiseRecord.Status.KEPT, hoursAgo(150), Optional.of(hoursAgo(120)));

        AccountActivity a = log().activity(t, C1);

        assertThat(a.promises())
                .containsExactly(
                        new AccountActivity.PromiseFact(
                                LocalDate.of(2026, 11, 10), "broken", hoursAgo(300), Optional.of(hoursAgo(200))),
                        new AccountActivity.PromiseFact(
                                LocalDate.of(2026, 11, 15), "kept", hoursAgo(150), Optional.of(hoursAgo(120))),
                        new AccountActivity.PromiseFact(
                                LocalDate.of(2026, 11, 27), "open", hoursAgo(10), Optional.empty()));
        assertThat(a.promises().getFirst().brokenBy(NOW)).isTrue();
        assertThat(a.promises().getFirst().brokenBy(hoursAgo(250)))
                .as("not yet broken then")
                .isFalse();
    }

    @Test
    default void disputesShouldBeListedInTheOrderOpenedAndOnlyOpenOnesCounted() {
        TenantId t = freshTenant();
        ConversationId first = givenConversation(t, C1, Stage.DISPUTED, hoursAgo(30));
        ConversationId second = givenConversation(t, C1, Stage.DISPUTED, hoursAgo(20));
        givenDispute(t, second, true, hoursAgo(40));
        givenDispute(t, first, false, hoursAgo(200));
        givenDispute(t, first, true, hoursAgo(100));

        AccountActivity a = log().activity(t, C1);

        assertThat(a.disputesOpened()).containsExactly(hoursAgo(200), hoursAgo(100), hoursAgo(40));
        assertThat(a.openDisputes()).isEqualTo(2);
    }

    @Test
    default void theLastOutcomeShouldBeTheLatestDispositionWithItsConversationsStage() {
        TenantId t = freshTenant();
        ConversationId older = givenConversation(t, C1, Stage.ENGAGED, hoursAgo(60));
        ConversationId newer = givenConversation(t, C1, Stage.PROMISED, hoursAgo(59));
        givenDisposition(t, older, "negotiating", Optional.empty(), hoursAgo(60));
        givenDisposition(t, newer, "promised", Optional.of(LocalDate.of(2026, 11, 27)), hoursAgo(59));
        givenDisposition(t, older, "no_answer", Optional.of(LocalDate.of(2026, 11, 18)), hoursAgo(80)); // written late

        AccountActivity a = log().activity(t, C1);

        assertThat(a.lastOutcome()).contains(new AccountActivity.Outcome("promised", "promised", hoursAgo(59)));
        assertThat(a.retryOn()).contains(LocalDate.of(2026, 11, 27));
    }

    @Test
    default void aRetryDateShouldBeTheLatestDispositionsAndNotLingerFromAnOlderOne() {
        TenantId t = freshTenant();
        ConversationId c = givenConversation(t, C1, Stage.ENGAGED, hoursAgo(2));
        givenDisposition(t, c, "callback_requested", Optional.of(LocalDate.of(2026, 11, 25)), hoursAgo(20));
        givenDisposition(t, c, "refused", Optional.empty(), hoursAgo(2));

        AccountActivity a = log().activity(t, C1);

        assertThat(a.lastOutcome()).contains(new AccountActivity.Outcome("refused", "engaged", hoursAgo(2)));
        assertThat(a.retryOn()).isEmpty();
    }

    @Test
    default void theCadenceShouldWaitWhileTheDebtorIsTalkingPromisedAgreedOrEscalatedButNotForADispute() {
        TenantId t = freshTenant();
        for (Stage s : Stage.values()) {
            givenConversation(t, CustomerKey.of("c-" + s.code()), s, hoursAgo(1));
        }

        Map<CustomerKey, AccountActivity> book = log().activity(t);

        assertThat(Arrays.stream(Stage.values())
                        .filter(s -> book.getOrDefault(CustomerKey.of("c-" + s.code()), AccountActivity.none())
                                .cadencePaused()))
                .containsExactly(Stage.ENGAGED, Stage.PROMISED, Stage.PLAN_AGREED, Stage.ESCALATED);
    }

    @Test
    default void oneAccountReadAloneShouldBeItsEntryInTheWholeBook() {
        TenantId t = freshTenant();
        ConversationId c1 = givenConversation(t, C1, Stage.PROMISED, hoursAgo(3));
        ConversationId c2 = givenConversation(t, C2, Stage.DISPUTED, hoursAgo(4));
        givenMessage(t, c1, Channel.EMAIL, Fate.SENT, hoursAgo(30));
        givenMessage(t, c1, Channel.EMAIL, Fate.RECEIVED, hoursAgo(20));
        givenPromise(t, c1, LocalDate.of(2026, 11, 27), PromiseRecord.Status.OPEN, hoursAgo(20), Optional.empty());
        givenDisposition(t, c1, "promised", Optional.of(LocalDate.of(2026, 11, 27)), hoursAgo(20));
        givenMessage(t, c2, Channel.SMS, Fate.SENT, hoursAgo(40));
        givenDispute(t, c2, true, hoursAgo(4));
        givenDisposition(t, c2, "disputed", Optional.empty(), hoursAgo(4));

        Map<CustomerKey, AccountActivity> book = log().activity(t);

        assertThat(book.get(C1).touches()).hasSize(2);
        assertThat(book.get(C2).openDisputes()).isEqualTo(1);
        assertThat(log().activity(t, C1)).isEqualTo(book.get(C1));
        assertThat(log().activity(t, C2)).isEqualTo(book.get(C2));
        assertThat(log().activity(t, C3)).isEqualTo(AccountActivity.none());
    }

    @Test
    default void oneTenantShouldNeverSeeAnotherTenantsActivity() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        TenantId nobody = freshTenant();
        ConversationId c = givenConversation(a, C1, Stage.DISPUTED, hoursAgo(2));
        givenMessage(a, c, Channel.EMAIL, Fate.SENT, hoursAgo(10));
        givenMessage(a, c, Channel.EMAIL, Fate.RECEIVED, hoursAgo(5));
        givenPromise(a, c, LocalDate.of(2026, 11, 27), PromiseRecord.Status.OPEN, hoursAgo(5), Optional.empty());
        givenDispute(a, c, true, hoursAgo(2));
        givenDisposition(a, c, "disputed", Optional.of(LocalDate.of(2026, 11, 30)), hoursAgo(2));
        givenConversation(b, C1, Stage.OPEN, hoursAgo(1)); // the same customer key, in another book

        assertThat(log().activity(a, C1).touches()).hasSize(2);
        assertThat(log().activity(a, C1).openDisputes()).isEqualTo(1);
        assertThat(log().activity(b, C1)).isEqualTo(AccountActivity.none());
        assertThat(log().activity(b).getOrDefault(C1, AccountActivity.none())).isEqualTo(AccountActivity.none());
        assertThat(log().activity(nobody)).isEmpty();
    }
}
