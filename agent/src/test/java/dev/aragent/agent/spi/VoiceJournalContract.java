package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Disposition;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.conversation.Turn;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VoiceJournal} adapter must do. The port only writes calls; each adapter's test reads back what was
 * written through {@link #transcript} and {@link #call}. Each test uses fresh tenants, so adapters may share one
 * database.
 */
public interface VoiceJournalContract {
    VoiceJournal journal();

    /** Makes {@code customer} a customer of {@code tenant} with {@code invoices} open (adapters seed their ledger). */
    void givenCustomer(TenantId tenant, CustomerKey customer, List<String> invoices);

    /** The call's transcript as stored, in the order its lines were written; empty when the tenant has no such call. */
    List<Line> transcript(TenantId tenant, String callSid);

    /** The call as stored; empty when the tenant has no call by that SID. */
    Optional<Call> call(TenantId tenant, String callSid);

    /** One line of a transcript: who said it, what, when, and for an answer to the debtor how long it took. */
    record Line(String speaker, String text, Instant at, Optional<Duration> took) {
        public static Line said(String speaker, String text, Instant at) {
            return new Line(speaker, text, at, Optional.empty());
        }
    }

    /** A call: the conversation it is about, when it started, and how and when it ended (empty while it runs). */
    record Call(ConversationId conversation, Instant startedAt, Optional<String> outcome, Optional<Instant> endedAt) {
        public static Call running(ConversationId conversation, Instant startedAt) {
            return new Call(conversation, startedAt, Optional.empty(), Optional.empty());
        }
    }

    Instant NOW = Instant.parse("2026-11-02T15:00:00Z");
    CustomerKey CUSTOMER = CustomerKey.of("C-1");
    List<String> INVOICES = List.of("INV-1041", "INV-1042");
    LocalDate FRIDAY = LocalDate.of(2026, 11, 6);

    default TenantId freshTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A call's conversation about the customer's invoices, opened at {@link #NOW} in a tenant that has that customer. */
    default ConversationId opened(TenantId tenant) {
        givenCustomer(tenant, CUSTOMER, INVOICES);
        return journal().open(tenant, CUSTOMER, INVOICES, NOW);
    }

    /** A turn the call decided after the debtor confirmed the read-back: {@code terms} promised. */
    static TurnRecord promising(Terms terms) {
        Understanding reading = Understanding.only(Intent.PROMISE_TO_PAY, 0.9, "test");
        Turn turn = new Turn(
                Stage.PROMISED,
                reading,
                Optional.empty(),
                Optional.empty(),
                List.of(new Effect.RecordPromises(terms)),
                new Disposition(
                        Disposition.PaymentStatus.PROMISED,
                        Optional.of(terms.firstDue()),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.of(terms.lastDue().plusDays(1))),
                "policy-test");
        return new TurnRecord(turn, Optional.empty(), "template", List.of(), List.of(), List.of());
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    @Test
    default void aCallOpensANewVoiceConversationAboutItsInvoicesWithNothingPromised() {
        TenantId t = freshTenant();
        givenCustomer(t, CUSTOMER, INVOICES);

        ConversationId first = journal().open(t, CUSTOMER, INVOICES, NOW);
        ConversationId second = journal().open(t, CUSTOMER, List.of("INV-1042"), NOW.plusSeconds(60));

        assertThat(second).isNotEqualTo(first);
        assertThat(journal().state(t, first))
                .isEqualTo(new ConversationState(
                        first,
                        CUSTOMER,
                        Channel.VOICE,
                        Stage.OPEN,
                        INVOICES,
                        List.of(),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(journal().state(t, second).invoiceNumbers()).containsExactly("INV-1042");
    }

    @Test
    default void aCallsTranscriptIsReadBackLineByLineWithHowLongEachAnswerTook() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);

        journal().line(t, "CA-1", "agent", "Am I speaking with Pat Doe?", NOW.plusSeconds(1));
        journal().line(t, "CA-1", "debtor", "Yes, speaking.", NOW.plusSeconds(4));
        journal()
                .answered(
                        t,
                        "CA-1",
                        "Thank you. When could you make a payment?",
                        NOW.plusSeconds(5),
                        Duration.ofNanos(850_400_000));

        assertThat(transcript(t, "CA-1"))
                .containsExactly(
                        Line.said("agent", "Am I speaking with Pat Doe?", NOW.plusSeconds(1)),
                        Line.said("debtor", "Yes, speaking.", NOW.plusSeconds(4)),
                        new Line(
                                "agent",
                                "Thank you. When could you make a payment?",
                                NOW.plusSeconds(5),
                                Optional.of(Duration.ofMillis(850))));
    }

    @Test
    default void linesWrittenInTheSameInstantAreReadBackInTheOrderTheyWereWritten() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);
        Instant end = NOW.plusSeconds(30);

        journal().line(t, "CA-1", "debtor", "We can pay on Friday.", NOW.plusSeconds(10));
        journal().line(t, "CA-1", "debtor", "[pressed 1]", end);
        journal().answered(t, "CA-1", "Thank you, that's confirmed.", end, Duration.ofMillis(400));
        journal().line(t, "CA-1", "agent", "[call ended: stop]", end);
        journal().line(t, "CA-1", "debtor", "Bye.", end);

        assertThat(transcript(t, "CA-1"))
                .extracting(Line::speaker, Line::text)
                .containsExactly(
                        tuple("debtor", "We can pay on Friday."),
                        tuple("debtor", "[pressed 1]"),
                        tuple("agent", "Thank you, that's confirmed."),
                        tuple("agent", "[call ended: stop]"),
                        tuple("debtor", "Bye."));
    }

    @Test
    default void aLineFromAnyoneButTheAgentOrTheDebtorIsRefused() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);

        assertThatThrownBy(() -> journal().line(t, "CA-1", "operator", "Hello?", NOW.plusSeconds(1)))
                .isInstanceOf(PermanentFailure.class);
        assertThat(transcript(t, "CA-1")).isEmpty();
    }

    @Test
    default void aCallStartedAgainStaysTheCallFirstRecordedWithItsTranscriptAndOutcome() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);
        journal().line(t, "CA-1", "agent", "Hello.", NOW.plusSeconds(1));

        journal().started(t, "CA-1", c, NOW.plusSeconds(2)); // a replayed start: the same call
        journal().line(t, "CA-1", "debtor", "Yes.", NOW.plusSeconds(3));
        assertThat(call(t, "CA-1")).contains(Call.running(c, NOW));
        assertThat(transcript(t, "CA-1")).extracting(Line::text).containsExactly("Hello.", "Yes.");

        journal().ended(t, "CA-1", "hung_up", NOW.plusSeconds(4));
        journal().started(t, "CA-1", c, NOW.plusSeconds(5));
        assertThat(call(t, "CA-1"))
                .as("an ended call is not started again")
                .contains(new Call(c, NOW, Optional.of("hung_up"), Optional.of(NOW.plusSeconds(4))));
    }

    @Test
    default void aStreamOpensOnceAndOnlyForACallWePlacedAboutItsOwnConversation() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        ConversationId other = journal().open(t, CUSTOMER, INVOICES, NOW);
        journal().started(t, "CA-heard", c, NOW); // recorded by a session, never dialled by us
        journal().started(t, "CA-placed", c, "+15555550100", NOW);

        assertThat(journal().openStream(t, "CA-unknown", c, NOW))
                .as("a call we did not place")
                .isFalse();
        assertThat(journal().openStream(t, "CA-heard", c, NOW))
                .as("no number dialled")
                .isFalse();
        assertThat(journal().openStream(t, "CA-placed", other, NOW))
                .as("another conversation")
                .isFalse();
        assertThat(journal().openStream(freshTenant(), "CA-placed", c, NOW))
                .as("another tenant")
                .isFalse();
        assertThat(journal().openStream(t, "CA-placed", c, NOW.plusSeconds(3))).isTrue();
        assertThat(journal().openStream(t, "CA-placed", c, NOW.plusSeconds(9)))
                .as("a replayed upgrade")
                .isFalse();
    }

    @Test
    default void aCallsOutcomeIsEmptyWhileItRunsThenTheFirstOneTold() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, "+15555550100", NOW);

        assertThat(journal().outcome(t, "CA-1")).isEmpty();
        journal().ended(t, "CA-1", "transferred", NOW.plusSeconds(60));
        journal().ended(t, "CA-1", "completed", NOW.plusSeconds(70));

        assertThat(journal().outcome(t, "CA-1")).contains("transferred");
        assertThat(journal().outcome(freshTenant(), "CA-1")).isEmpty();
        assertThat(journal().outcome(t, "CA-unknown")).isEmpty();
    }

    @Test
    default void theFirstOutcomeOfACallStandsAndSoDoesTheTimeItEnded() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);
        assertThat(call(t, "CA-1")).contains(Call.running(c, NOW));

        journal().ended(t, "CA-1", "promise_confirmed", NOW.plusSeconds(90)); // the session's
        journal().ended(t, "CA-1", "completed", NOW.plusSeconds(95)); // the provider's final status, later

        assertThat(call(t, "CA-1"))
                .contains(new Call(c, NOW, Optional.of("promise_confirmed"), Optional.of(NOW.plusSeconds(90))));
    }

    @Test
    default void aPlanConfirmedOnACallIsWrittenToItsConversationLikeAnyOtherTurn() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);
        LocalDate later = FRIDAY.plusMonths(1);
        Terms plan = new Terms(
                usd(240_000),
                0,
                false,
                List.of(new Installment(FRIDAY, usd(120_000)), new Installment(later, usd(120_000))));

        journal().commit(t, "CA-1", c, promising(plan), NOW.plusSeconds(60));

        ConversationState s = journal().state(t, c);
        assertThat(s.stage()).isEqualTo(Stage.PROMISED);
        assertThat(s.channel()).isEqualTo(Channel.VOICE);
        assertThat(s.promises())
                .extracting(
                        PromiseRecord::amount,
                        PromiseRecord::due,
                        PromiseRecord::installment,
                        PromiseRecord::status,
                        PromiseRecord::createdAt)
                .containsExactly(
                        tuple(usd(120_000), FRIDAY, 1, PromiseRecord.Status.OPEN, NOW.plusSeconds(60)),
                        tuple(usd(120_000), later, 2, PromiseRecord.Status.OPEN, NOW.plusSeconds(60)));
        assertThat(s.retryOn()).as("the disposition's day to try again").contains(later.plusDays(1));
        assertThat(s.unanswered()).isZero();
    }

    @Test
    default void aPromiseMadeOnALaterCallReplacesTheOneStillOpen() {
        TenantId t = freshTenant();
        ConversationId c = opened(t);
        journal().started(t, "CA-1", c, NOW);
        journal().commit(t, "CA-1", c, promising(Terms.single(usd(240_000), FRIDAY)), NOW.plusSeconds(60));
        journal().ended(t, "CA-1", "promise_confirmed", NOW.plusSeconds(70));

        Instant nextDay = NOW.plus(Duration.ofDays(1));
        journal().started(t, "CA-2", c, nextDay);
        journal().commit(t, "CA-2", c, promising(Terms.single(usd(240_000), FRIDAY.plusDays(7))), nextDay);

        assertThat(journal().state(t, c).promises())
                .extracting(PromiseRecord::due, PromiseRecord::status)
                .containsExactly(
                        tuple(FRIDAY, PromiseRecord.Status.CANCELLED),
                        tuple(FRIDAY.plusDays(7), PromiseRecord.Status.OPEN));
    }

    @Test
    default void theSameCallSidInTwoTenantsIsTwoSeparateCalls() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        ConversationId ca = opened(a);
        ConversationId cb = opened(b);

        journal().started(a, "CA-1", ca, NOW);
        journal().started(b, "CA-1", cb, NOW.plusSeconds(1));
        journal().line(a, "CA-1", "debtor", "This is Pat.", NOW.plusSeconds(2));
        journal().line(b, "CA-1", "debtor", "Wrong number.", NOW.plusSeconds(3));
        journal().ended(b, "CA-1", "hung_up", NOW.plusSeconds(4));

        assertThat(call(a, "CA-1")).contains(Call.running(ca, NOW));
        assertThat(call(b, "CA-1"))
                .contains(new Call(cb, NOW.plusSeconds(1), Optional.of("hung_up"), Optional.of(NOW.plusSeconds(4))));
        assertThat(transcript(a, "CA-1")).extracting(Line::text).containsExactly("This is Pat.");
        assertThat(transcript(b, "CA-1")).extracting(Line::text).containsExactly("Wrong number.");
    }

    @Test
    default void aTenantNeitherSeesNorChangesAnotherTenantsCall() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        ConversationId ca = opened(a);
        opened(b); // b has a book and a conversation of its own
        journal().started(a, "CA-1", ca, NOW);
        journal().line(a, "CA-1", "debtor", "Yes, speaking.", NOW.plusSeconds(1));

        assertThat(call(b, "CA-1")).isEmpty();
        assertThat(transcript(b, "CA-1")).isEmpty();
        assertThatThrownBy(() -> journal().state(b, ca))
                .as("another tenant's conversation is not found")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> journal().line(b, "CA-1", "debtor", "Hello?", NOW.plusSeconds(2)))
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> journal().started(b, "CA-2", ca, NOW.plusSeconds(2)))
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> journal()
                        .commit(b, "CA-1", ca, promising(Terms.single(usd(240_000), FRIDAY)), NOW.plusSeconds(2)))
                .isInstanceOf(RuntimeException.class);
        journal().ended(b, "CA-1", "hung_up", NOW.plusSeconds(3)); // a status for a call b never had: nothing to end

        assertThat(call(a, "CA-1")).contains(Call.running(ca, NOW));
        assertThat(call(b, "CA-2")).isEmpty();
        assertThat(transcript(a, "CA-1")).extracting(Line::text).containsExactly("Yes, speaking.");
        assertThat(journal().state(a, ca).promises()).isEmpty();
        assertThat(journal().state(a, ca).stage()).isEqualTo(Stage.OPEN);
    }
}
