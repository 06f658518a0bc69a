package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Disposition;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.InboundSms;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.SmsThread;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.conversation.Turn;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Terms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SmsJournal} adapter must do. Each test uses fresh tenants; the adapter's clock stands still at
 * {@link #NOW} (texts are queued, and conversations opened, at that instant).
 */
public interface SmsJournalContract {
    SmsJournal journal();

    /**
     * Makes {@code phone} the phone of a contact of {@code customer}, a customer in {@link #ZONE} who owes
     * {@code invoices} (adapters seed their ledger: conversations may only be about invoices it has).
     */
    void givenCustomer(TenantId tenant, CustomerKey customer, String phone, List<String> invoices);

    Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    ZoneId ZONE = ZoneId.of("America/Chicago");
    CustomerKey CUSTOMER = CustomerKey.of("C-1");
    String PHONE = "+15555550123";
    String OURS = "+15555550000";
    Duration LEASE = Duration.ofMinutes(5);
    Duration QUIET = Duration.ofHours(48);
    LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

    default TenantId freshTenant() {
        return TenantId.of("t-" + UUID.randomUUID());
    }

    /** A conversation with {@link #CUSTOMER} at {@link #PHONE} about INV-1041, its first text queued. */
    default ConversationId opened(TenantId tenant, String firstText) {
        givenCustomer(tenant, CUSTOMER, PHONE, List.of("INV-1041", "INV-1042"));
        return journal().open(tenant, CUSTOMER, PHONE, OURS, List.of("INV-1041"), Optional.of(firstText));
    }

    static InboundSms inbound(String messageSid, String body) {
        return new InboundSms(messageSid, "CH-debtor", PHONE, OURS, body, NOW.plusSeconds(60));
    }

    static OutboundSms text(ConversationId conversation, String body) {
        return new OutboundSms(UUID.randomUUID(), conversation, PHONE, OURS, body);
    }

    static Disposition disposition(Disposition.PaymentStatus status, Optional<LocalDate> retry) {
        return new Disposition(status, Optional.empty(), Optional.empty(), Optional.empty(), false, retry);
    }

    static TurnRecord turn(Stage stage, Disposition disposition, List<Effect> effects) {
        Understanding reading = Understanding.only(Intent.OTHER, 0.9, "rules");
        return new TurnRecord(
                new Turn(stage, reading, Optional.empty(), Optional.empty(), effects, disposition, "policy-1"),
                Optional.empty(),
                "template",
                List.of(),
                List.of(),
                List.of());
    }

    static TurnRecord promisedOnFriday() {
        return turn(
                Stage.PROMISED,
                disposition(Disposition.PaymentStatus.PROMISED, Optional.empty()),
                List.of(new Effect.RecordPromises(Terms.single(Money.of(425_000, "USD"), FRIDAY))));
    }

    /** The debtor's text {@code body} (SM-in-1) in {@code c}, completed as {@code turn} with {@code replies}. */
    private void completed(TenantId t, ConversationId c, String body, TurnRecord turn, List<OutboundSms> replies) {
        Recorded stored = journal().recordInbound(t, inbound("SM-in-1", body));
        journal().complete(t, stored.id(), Optional.of(c), Optional.of(turn), replies);
    }

    @Test
    default void anOpenedConversationShouldHaveAThreadWithThePhoneAndOurNumberAndItsFirstTextQueued() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");

        assertThat(journal().thread(t, c))
                .isEqualTo(new SmsThread(c, CUSTOMER, PHONE, OURS, Optional.empty(), Optional.of(ZONE)));
        ConversationState state = journal().state(t, c);
        assertThat(state.channel()).isEqualTo(Channel.SMS);
        assertThat(state.customer()).isEqualTo(CUSTOMER);
        assertThat(state.stage()).isEqualTo(Stage.OPEN);
        assertThat(state.invoiceNumbers()).containsExactly("INV-1041");
        assertThat(state.unanswered()).isEqualTo(1);
        assertThat(state.lastOutboundAt()).contains(NOW);
        assertThat(state.promises()).isEmpty();
        assertThat(journal().claim(t, 10, NOW, LEASE)).singleElement().satisfies(sms -> {
            assertThat(sms.conversation()).isEqualTo(c);
            assertThat(sms.to()).isEqualTo(PHONE);
            assertThat(sms.from()).isEqualTo(OURS);
            assertThat(sms.text()).isEqualTo("Invoice INV-1041 is past due.");
        });
    }

    @Test
    default void aSecondReminderToThePhoneFromOurNumberShouldContinueItsLiveConversation() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");

        ConversationId again =
                journal().open(t, CUSTOMER, PHONE, OURS, List.of("INV-1042"), Optional.of("INV-1042 is past due too."));

        assertThat(again).as("the debtor sees one thread").isEqualTo(c);
        assertThat(journal().state(t, c).invoiceNumbers()).containsExactly("INV-1041", "INV-1042");
        assertThat(journal().state(t, c).unanswered()).isEqualTo(2);
        assertThat(journal().claim(t, 10, NOW, LEASE))
                .extracting(OutboundSms::text)
                .containsExactly("Invoice INV-1041 is past due.", "INV-1042 is past due too.");
    }

    @Test
    default void anotherOfOurNumbersShouldTextThePhoneInAThreadOfItsOwn() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");
        String other = "+15555550001";

        ConversationId second = journal().open(t, CUSTOMER, PHONE, other, List.of("INV-1041"), Optional.empty());

        assertThat(second).isNotEqualTo(c);
        assertThat(journal().thread(t, second).ourNumber()).isEqualTo(other);
        assertThat(journal().thread(t, c).ourNumber()).isEqualTo(OURS);
        assertThat(journal().state(t, second).unanswered())
                .as("opened without a text")
                .isZero();
        assertThat(journal().state(t, second).lastOutboundAt()).isEmpty();
        assertThat(journal().claim(t, 10, NOW, LEASE))
                .extracting(OutboundSms::conversation)
                .containsExactly(c);
    }

    @Test
    default void anEndedConversationShouldKeepItsThreadAndANewOneShouldContinueTheProvidersConversation() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");
        OutboundSms first = journal().claim(t, 10, NOW, LEASE).getFirst();
        journal().sent(t, first.id(), "SM-out-1", "CH-1", NOW.plusSeconds(5));

        assertThat(journal().thread(t, c).providerSid()).contains("CH-1");
        assertThat(journal().threadFor(t, "CH-1", "+15555550999"))
                .map(SmsThread::conversation)
                .as("found by the provider's conversation")
                .contains(c);
        assertThat(journal().threadFor(t, "CH-other", PHONE))
                .map(SmsThread::conversation)
                .as("else by the phone's live conversation")
                .contains(c);

        journal()
                .followUp(
                        t,
                        c,
                        turn(
                                Stage.PAID,
                                disposition(Disposition.PaymentStatus.PAID_VERIFIED, Optional.empty()),
                                List.of()),
                        List.of());
        assertThat(journal().threadFor(t, "CH-other", PHONE))
                .as("a paid conversation is not the phone's live thread")
                .isEmpty();
        assertThat(journal().threadFor(t, "CH-1", PHONE))
                .map(SmsThread::conversation)
                .contains(c);

        ConversationId next = journal()
                .open(t, CUSTOMER, PHONE, OURS, List.of("INV-1042"), Optional.of("Invoice INV-1042 is past due."));
        assertThat(next).isNotEqualTo(c);
        assertThat(journal().thread(t, next).providerSid())
                .as("the provider keeps one conversation per phone and number")
                .contains("CH-1");
        assertThat(journal().threadFor(t, "CH-1", PHONE))
                .map(SmsThread::conversation)
                .as("the live conversation first")
                .contains(next);
    }

    @Test
    default void anInboundTextShouldBeStoredOnceByItsMessageSidAndKnownAsProcessedOnceHandled() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");

        Recorded first = journal().recordInbound(t, inbound("SM-in-1", "We will pay Friday."));
        Recorded retried = journal().recordInbound(t, inbound("SM-in-1", "We will pay Friday."));

        assertThat(first.processed()).isFalse();
        assertThat(retried)
                .as("stored but not processed: the next delivery processes it")
                .isEqualTo(first);
        journal().complete(t, first.id(), Optional.of(c), Optional.empty(), List.of());
        assertThat(journal().recordInbound(t, inbound("SM-in-1", "We will pay Friday.")))
                .isEqualTo(new Recorded(first.id(), true));
        assertThat(journal().recordInbound(t, inbound("SM-in-2", "Friday.")).id())
                .isNotEqualTo(first.id());
    }

    @Test
    default void aTextFromANumberNoCustomerHasShouldWaitInTriageAndCountAsHandled() {
        TenantId t = freshTenant();
        givenCustomer(t, CUSTOMER, PHONE, List.of("INV-1041"));
        String stranger = "+15555550199";
        InboundSms sms = new InboundSms("SM-in-9", "CH-9", stranger, OURS, "Who is this?", NOW);

        assertThat(journal().customerByPhone(t, stranger)).isEmpty();
        assertThat(journal().customerByPhone(t, PHONE)).contains(CUSTOMER);
        assertThat(journal().threadFor(t, "CH-9", stranger)).isEmpty();
        Recorded stored = journal().recordInbound(t, sms);
        journal().complete(t, stored.id(), Optional.empty(), Optional.empty(), List.of());

        assertThat(journal().recordInbound(t, sms)).isEqualTo(new Recorded(stored.id(), true));
        assertThat(journal().claim(t, 10, NOW, LEASE)).isEmpty();
    }

    @Test
    default void completingATextShouldWriteItsTurnAndQueueItsRepliesAfterWhatWasQueuedBefore() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");

        completed(
                t,
                c,
                "We will pay it all on Friday.",
                promisedOnFriday(),
                List.of(text(c, "Noted: $4,250.00 on Friday."), text(c, "Thank you.")));

        ConversationState state = journal().state(t, c);
        assertThat(state.stage()).isEqualTo(Stage.PROMISED);
        assertThat(state.unanswered())
                .as("the debtor answered; two texts since")
                .isEqualTo(2);
        assertThat(state.promises()).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(Money.of(425_000, "USD"));
            assertThat(p.due()).isEqualTo(FRIDAY);
            assertThat(p.installment()).isEqualTo(1);
            assertThat(p.status()).isEqualTo(PromiseRecord.Status.OPEN);
        });
        assertThat(journal().claim(t, 10, NOW, LEASE))
                .extracting(OutboundSms::text)
                .containsExactly("Invoice INV-1041 is past due.", "Noted: $4,250.00 on Friday.", "Thank you.");
        assertThat(journal()
                        .recordInbound(t, inbound("SM-in-1", "We will pay it all on Friday."))
                        .processed())
                .isTrue();
    }

    @Test
    default void theOutboxShouldLeaseClaimsRetryLaterAndNeverHandOutASentOrFailedTextAgain() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "first");
        OutboundSms second = text(c, "second");
        OutboundSms third = text(c, "third");
        Recorded stored = journal().recordInbound(t, inbound("SM-in-1", "ok"));
        journal().complete(t, stored.id(), Optional.of(c), Optional.empty(), List.of(second, third));

        List<OutboundSms> claimed = journal().claim(t, 2, NOW, LEASE);
        assertThat(claimed).extracting(OutboundSms::text).containsExactly("first", "second");
        assertThat(journal().claim(t, 10, NOW.plusSeconds(60), LEASE))
                .as("leased texts wait out their lease")
                .containsExactly(third);
        assertThat(journal().claim(t, 10, NOW.plusSeconds(120), LEASE)).isEmpty();

        journal().sent(t, claimed.getFirst().id(), "SM-out-1", "CH-1", NOW.plusSeconds(10));
        journal().retry(t, second.id(), NOW.plusSeconds(3600), "429 too many requests");
        journal().failed(t, third.id(), "21610 unsubscribed recipient", NOW.plusSeconds(70));
        assertThat(journal().claim(t, 10, NOW.plusSeconds(1800), LEASE)).isEmpty();
        assertThat(journal().claim(t, 10, NOW.plusSeconds(3600), LEASE)).containsExactly(second);

        journal().sent(t, second.id(), "SM-out-2", "CH-1", NOW.plusSeconds(3601));
        assertThat(journal().claim(t, 10, NOW.plusSeconds(99_999), LEASE)).isEmpty();
    }

    @Test
    default void aDeliveryReceiptShouldBeRecordedForOurSentTextAndUnknownForAnyOtherMessage() {
        TenantId t = freshTenant();
        opened(t, "Invoice INV-1041 is past due.");
        OutboundSms first = journal().claim(t, 10, NOW, LEASE).getFirst();

        assertThat(journal().delivery(t, "SM-out-1", "delivered", Optional.empty(), NOW))
                .as("not sent yet")
                .isFalse();
        journal().sent(t, first.id(), "SM-out-1", "CH-1", NOW.plusSeconds(5));
        assertThat(journal().delivery(t, "SM-out-1", "delivered", Optional.empty(), NOW.plusSeconds(30)))
                .isTrue();
        assertThat(journal().delivery(t, "SM-out-1", "read", Optional.empty(), NOW.plusSeconds(90)))
                .isTrue();
        assertThat(journal().delivery(t, "SM-unknown", "undelivered", Optional.of("30003"), NOW.plusSeconds(90)))
                .isFalse();
        journal().recordInbound(t, inbound("SM-in-1", "Thanks."));
        assertThat(journal().delivery(t, "SM-in-1", "delivered", Optional.empty(), NOW.plusSeconds(90)))
                .as("a debtor's text is not one of ours")
                .isFalse();
    }

    @Test
    default void stopShouldOptOnlyThatPhoneOutAndStartShouldOptItBackIn() {
        TenantId t = freshTenant();
        opened(t, "Invoice INV-1041 is past due.");
        String neighbour = "+15555550124";
        givenCustomer(t, CustomerKey.of("C-2"), neighbour, List.of("INV-2001"));
        assertThat(journal().optedOut(t, PHONE)).isFalse();

        journal().optOut(t, PHONE, "STOP", NOW.plusSeconds(60));
        assertThat(journal().optedOut(t, PHONE)).isTrue();
        assertThat(journal().optedOut(t, neighbour)).isFalse();

        journal().optIn(t, PHONE, "START", NOW.plusSeconds(120));
        assertThat(journal().optedOut(t, PHONE)).isFalse();
    }

    @Test
    default void aStopFromAPhoneNoContactHasShouldStillStopTextsToIt() {
        TenantId t = freshTenant();
        opened(t, "Invoice INV-1041 is past due.");
        String given = "+15555550199"; // a number the debtor gave in a reply, on no contact

        journal().optOut(t, given, "STOP", NOW.plusSeconds(60));
        assertThat(journal().optedOut(t, given)).isTrue();
        assertThat(journal().optedOut(t, PHONE)).isFalse();

        journal().optIn(t, given, "START", NOW.plusSeconds(120));
        assertThat(journal().optedOut(t, given)).isFalse();
    }

    @Test
    default void aTextSayingTheAccountIsNotTheirsShouldOptTheWritersPhoneOut() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");

        completed(
                t,
                c,
                "Wrong number, not our account.",
                turn(
                        Stage.ENGAGED,
                        disposition(Disposition.PaymentStatus.WRONG_CONTACT, Optional.empty()),
                        List.of(new Effect.NotResponsible())),
                List.of());

        assertThat(journal().optedOut(t, PHONE)).isTrue();
    }

    @Test
    default void aConversationTheDebtorAnsweredByPayingShouldNotBeFollowedUp() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");
        assertThat(journal().dueForFollowUp(t, NOW.plus(QUIET), QUIET)).containsExactly(c);

        journal().answered(t, c);

        assertThat(journal().state(t, c).unanswered()).isZero();
        assertThat(journal().dueForFollowUp(t, NOW.plus(Duration.ofDays(30)), QUIET))
                .isEmpty();
        journal().answered(freshTenant(), c); // another tenant's: nothing happens
        assertThat(journal().state(t, c).stage()).isEqualTo(Stage.OPEN);
    }

    @Test
    default void aConversationShouldBeDueForFollowUpOnceOurLastTextWentUnansweredForTheQuietPeriod() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");

        assertThat(journal().dueForFollowUp(t, NOW.plus(QUIET).minusSeconds(1), QUIET))
                .isEmpty();
        assertThat(journal().dueForFollowUp(t, NOW.plus(QUIET), QUIET)).containsExactly(c);

        Recorded stored = journal().recordInbound(t, inbound("SM-in-1", "Looking into it."));
        journal().complete(t, stored.id(), Optional.of(c), Optional.empty(), List.of());
        assertThat(journal().state(t, c).stage()).isEqualTo(Stage.ENGAGED);
        assertThat(journal().state(t, c).unanswered()).isZero();
        assertThat(journal().dueForFollowUp(t, NOW.plus(Duration.ofDays(30)), QUIET))
                .as("the debtor answered")
                .isEmpty();
    }

    @Test
    default void aPromiseShouldBeDueTheDayAfterItsDateAndNoLongerOnceAFollowUpSettledIt() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");
        completed(t, c, "We will pay it all on Friday.", promisedOnFriday(), List.of(text(c, "Noted.")));

        assertThat(journal().dueForFollowUp(t, Instant.parse("2026-11-27T23:00:00Z"), QUIET))
                .as("a promised conversation waits for its date, however long our text went unanswered")
                .isEmpty();
        assertThat(journal().dueForFollowUp(t, Instant.parse("2026-11-28T00:00:00Z"), QUIET))
                .containsExactly(c);

        UUID promise = journal().state(t, c).promises().getFirst().id();
        journal()
                .followUp(
                        t,
                        c,
                        turn(
                                Stage.ENGAGED,
                                disposition(Disposition.PaymentStatus.NO_COMMITMENT, Optional.empty()),
                                List.of(new Effect.SettlePromise(promise, PromiseRecord.Status.BROKEN))),
                        List.of(text(c, "The payment promised for Friday has not arrived.")));

        ConversationState state = journal().state(t, c);
        assertThat(state.stage()).isEqualTo(Stage.ENGAGED);
        assertThat(state.promises()).extracting(PromiseRecord::status).containsExactly(PromiseRecord.Status.BROKEN);
        assertThat(state.unanswered()).isEqualTo(2);
        assertThat(journal().dueForFollowUp(t, Instant.parse("2026-11-28T00:00:00Z"), Duration.ofDays(30)))
                .isEmpty();
        assertThat(journal().claim(t, 10, NOW, LEASE))
                .extracting(OutboundSms::text)
                .containsExactly(
                        "Invoice INV-1041 is past due.", "Noted.", "The payment promised for Friday has not arrived.");
    }

    @Test
    default void aConversationShouldWaitForTheDayItsLatestOutcomeSaidToTryAgain() {
        TenantId t = freshTenant();
        ConversationId c = opened(t, "Invoice INV-1041 is past due.");
        LocalDate back = LocalDate.of(2026, 12, 7);

        completed(
                t,
                c,
                "Our AP person is away.",
                turn(Stage.ENGAGED, disposition(Disposition.PaymentStatus.AWAY, Optional.of(back)), List.of()),
                List.of(text(c, "Thanks, we will write again then.")));

        assertThat(journal().state(t, c).retryOn()).contains(back);
        assertThat(journal().dueForFollowUp(t, Instant.parse("2026-12-06T23:59:00Z"), QUIET))
                .isEmpty();
        assertThat(journal().dueForFollowUp(t, Instant.parse("2026-12-07T00:00:00Z"), QUIET))
                .containsExactly(c);
    }

    @Test
    default void oneTenantShouldNeverSeeAnothersThreadsTextsReceiptsOrOptOuts() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        ConversationId c = opened(a, "Invoice INV-1041 is past due.");
        givenCustomer(b, CUSTOMER, PHONE, List.of("INV-1041"));

        assertThat(journal().claim(b, 10, NOW, LEASE)).isEmpty();
        OutboundSms first = journal().claim(a, 10, NOW, LEASE).getFirst();
        journal().sent(a, first.id(), "SM-out-1", "CH-1", NOW.plusSeconds(5));
        assertThat(journal().threadFor(b, "CH-1", PHONE)).isEmpty();
        assertThatThrownBy(() -> journal().thread(b, c)).isInstanceOf(RuntimeException.class);
        assertThat(journal().dueForFollowUp(b, NOW.plus(Duration.ofDays(30)), QUIET))
                .isEmpty();
        assertThat(journal().dueForFollowUp(a, NOW.plus(Duration.ofDays(30)), QUIET))
                .containsExactly(c);
        assertThat(journal().delivery(b, "SM-out-1", "delivered", Optional.empty(), NOW.plusSeconds(30)))
                .isFalse();
        assertThat(journal().delivery(a, "SM-out-1", "delivered", Optional.empty(), NOW.plusSeconds(30)))
                .isTrue();

        Recorded inA = journal().recordInbound(a, inbound("SM-in-1", "Friday."));
        journal().complete(a, inA.id(), Optional.of(c), Optional.empty(), List.of());
        Recorded inB = journal().recordInbound(b, inbound("SM-in-1", "Friday."));
        assertThat(inB.id()).isNotEqualTo(inA.id());
        assertThat(inB.processed()).isFalse();

        journal().optOut(a, PHONE, "STOP", NOW.plusSeconds(60));
        assertThat(journal().optedOut(a, PHONE)).isTrue();
        assertThat(journal().optedOut(b, PHONE)).isFalse();
        assertThat(journal().customerByPhone(freshTenant(), PHONE)).isEmpty();

        ConversationId theirs = journal().open(b, CUSTOMER, PHONE, OURS, List.of("INV-1041"), Optional.empty());
        assertThat(theirs).isNotEqualTo(c);
        assertThat(journal().thread(b, theirs).providerSid())
                .as("another tenant's provider conversation is not theirs")
                .isEmpty();
    }
}
