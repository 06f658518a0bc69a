package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.policy.Decision;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.HashingEmbedder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The playbook, message by message, with no infrastructure. */
class NegotiatorTest {
    private static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final RuleIntentReader READER = RuleIntentReader.create(new HashingEmbedder());
    private static final Negotiator NEGOTIATOR = Negotiator.create(
            PolicyBook.of(Policy.standard()),
            new Negotiator.Settings("Northwind", "Dana", List.of(), List.of(), "Pay by ACH.", 5));

    private static ConversationState state(Optional<Strategy> last, List<PromiseRecord> promises, int unanswered) {
        return new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                Channel.EMAIL,
                Stage.ENGAGED,
                List.of("INV-1041"),
                promises,
                unanswered,
                last,
                Optional.empty(),
                Optional.of(NOW.minusSeconds(3 * 86_400)),
                Optional.empty());
    }

    private static Negotiator.Situation situation(String text, ConversationState state, List<Payment> payments) {
        return new Negotiator.Situation(
                Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example"),
                state,
                List.of(Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 600_000, 600_000)),
                payments,
                READER.read(new IncomingText(text, NOW, ZoneId.of("America/New_York"))),
                text,
                Channel.EMAIL,
                "Maria",
                TODAY,
                List.of());
    }

    /** The scheduled step's situation (no new message) for {@code customer} in {@code state} on {@code today}. */
    private static Negotiator.Situation scheduled(
            dev.aragent.agent.ledger.Customer customer, ConversationState state, LocalDate today) {
        Negotiator.Situation base = situation("", state, List.of());
        return new Negotiator.Situation(
                customer,
                state,
                base.invoices(),
                List.of(),
                base.reading(),
                "",
                Channel.EMAIL,
                "Maria",
                today,
                List.of());
    }

    private static Turn handle(String text) {
        return NEGOTIATOR.handle(situation(text, state(Optional.empty(), List.of(), 1), List.of()));
    }

    @Test
    void hardshipGetsThePlanOptionsThenARefusalGoesToTheManager() {
        Turn first = handle("Cash flow is really tight, we can't pay this month.");
        DraftRequest r = first.reply().orElseThrow();
        assertThat(r.strategy()).isEqualTo(Strategy.OFFER_OPTIONS);
        assertThat(r.options()).hasSize(2);
        assertThat(first.disposition().paymentStatus()).isEqualTo(Disposition.PaymentStatus.UNABLE_TO_PAY);

        Turn second = NEGOTIATOR.handle(situation(
                "We still can't, it's too much.", state(Optional.of(Strategy.OFFER_OPTIONS), List.of(), 1), List.of()));
        assertThat(second.decision()).containsInstanceOf(Decision.NeedsApproval.class);
        assertThat(second.effects()).anySatisfy(e -> assertThat(e).isInstanceOf(Effect.RequestApproval.class));
    }

    @Test
    void anOutOfOfficeWaitsUntilTheyAreBack() {
        Turn t = handle("I am out of the office until November 9 with limited access to email.");
        assertThat(t.reply()).isEmpty();
        assertThat(t.disposition().retryDate()).contains(LocalDate.of(2026, 11, 10));
    }

    @Test
    void aRequestForACallEscalates() {
        Turn t = handle("Please have someone call me at 617-555-0182.");
        assertThat(t.stage()).isEqualTo(Stage.ESCALATED);
        assertThat(t.disposition().escalationNeeded()).isTrue();
        assertThat(t.effects())
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                Effect.Task.class, k -> assertThat(k.detail()).contains("+16175550182")));
    }

    @Test
    void aComplaintGetsAnApologyAndAPersonNotTheAgentsVoice() {
        Turn t = handle("This is ridiculous, your reminders are useless and so is your service.");

        assertThat(t.stage()).isEqualTo(Stage.ESCALATED);
        assertThat(t.reply()).map(DraftRequest::strategy).contains(Strategy.COMPLAINT_HEARD);
        assertThat(t.effects())
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                Effect.Task.class, k -> assertThat(k.detail()).contains("complained")))
                .noneSatisfy(e -> assertThat(e).isInstanceOf(Effect.VoiceConsent.class));
        // asking for a call in the same breath is a call request, as before
        assertThat(handle("Your service is terrible. Call me at 617-555-0182.").reply())
                .map(DraftRequest::strategy)
                .contains(Strategy.ESCALATE_CALL);
    }

    @Test
    void aDueDateReminderSentLateSpeaksOfTheDaysPastDue() {
        Invoice late = Invoice.unpaid(
                CustomerKey.of("C-1"),
                "INV-1",
                TODAY.minusDays(36),
                TODAY.minusDays(6),
                Money.of(39_033, "USD"),
                false);

        assertThat(Negotiator.registerOf(CadenceStep.DUE, List.of(late), TODAY)).isEqualTo(CadenceStep.PLUS_7);
        assertThat(Negotiator.registerOf(CadenceStep.BEFORE_DUE, List.of(late), TODAY))
                .isEqualTo(CadenceStep.PLUS_7);
        Invoice later = Invoice.unpaid(
                CustomerKey.of("C-1"),
                "INV-2",
                TODAY.minusDays(40),
                TODAY.minusDays(9),
                Money.of(10_000, "USD"),
                false);
        assertThat(Negotiator.registerOf(CadenceStep.DUE, List.of(late, later), TODAY))
                .isEqualTo(CadenceStep.PLUS_7);
        assertThat(Negotiator.registerOf(CadenceStep.PLUS_30, List.of(late), TODAY))
                .isEqualTo(CadenceStep.PLUS_30);
    }

    @Test
    void aWrongContactIsCapturedForTheCrm() {
        Turn t = handle("I no longer handle payables. Please contact Jane Porter at jane.porter@bluefern.example.");
        assertThat(t.disposition().newContactInfo()).hasValueSatisfying(c -> {
            assertThat(c.email()).contains("jane.porter@bluefern.example");
            assertThat(c.name()).contains("Jane Porter");
        });
        assertThat(t.effects()).anySatisfy(e -> assertThat(e).isInstanceOf(Effect.CaptureContact.class));
    }

    @Test
    void anOptOutClosesTheConversationAndAsksAPerson() {
        Turn t = handle("Unsubscribe me from these emails.");
        assertThat(t.reply()).isEmpty();
        assertThat(t.stage()).isEqualTo(Stage.CLOSED);
        assertThat(t.disposition().paymentStatus()).isEqualTo(Disposition.PaymentStatus.OPTED_OUT);
        assertThat(t.disposition().escalationNeeded()).isTrue();
    }

    @Test
    void aFoundPaymentIsReportedNotAssumed() {
        Payment paid = new Payment(
                CustomerKey.of("C-1"),
                "ACH-7781",
                LocalDate.of(2026, 10, 28),
                Money.of(600_000, "USD"),
                Optional.of("ach"),
                List.of(new Payment.Allocation("INV-1041", Money.of(600_000, "USD"))));
        Turn t = NEGOTIATOR.handle(
                situation("We already paid this.", state(Optional.empty(), List.of(), 1), List.of(paid)));
        assertThat(t.reply().orElseThrow().strategy()).isEqualTo(Strategy.PAYMENT_FOUND);
        assertThat(t.reply().orElseThrow().payment())
                .hasValueSatisfying(p -> assertThat(p.reference()).isEqualTo("ACH-7781"));
        assertThat(t.disposition().paymentStatus()).isEqualTo(Disposition.PaymentStatus.PAID_VERIFIED);
    }

    @Test
    void aSecondBrokenPromiseGoesToAPersonForACall() {
        PromiseRecord broken = new PromiseRecord(
                UUID.randomUUID(),
                Money.of(600_000, "USD"),
                LocalDate.of(2026, 10, 10),
                1,
                PromiseRecord.Status.BROKEN,
                Instant.parse("2026-10-05T12:00:00Z"));
        PromiseRecord open = new PromiseRecord(
                UUID.randomUUID(),
                Money.of(600_000, "USD"),
                LocalDate.of(2026, 10, 30),
                1,
                PromiseRecord.Status.OPEN,
                Instant.parse("2026-10-20T12:00:00Z"));
        Optional<Turn> t =
                NEGOTIATOR.followUp(situation("", state(Optional.empty(), List.of(broken, open), 0), List.of()), NOW);
        assertThat(t).hasValueSatisfying(turn -> {
            assertThat(turn.stage()).isEqualTo(Stage.ESCALATED);
            assertThat(turn.reply()).isEmpty();
            assertThat(turn.effects())
                    .anySatisfy(e ->
                            assertThat(e).isEqualTo(new Effect.SettlePromise(open.id(), PromiseRecord.Status.BROKEN)))
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    Effect.Task.class,
                                    k -> assertThat(k.kind()).isEqualTo(Effect.TaskKind.CALL_DEBTOR)));
        });
    }

    /** An ACH receipt of {@code minor} received {@code daysAgo} days before today, applied to {@code invoice}. */
    private static Payment paid(String ref, int daysAgo, String invoice, long minor) {
        return new Payment(
                CustomerKey.of("C-1"),
                ref,
                TODAY.minusDays(daysAgo),
                Money.of(minor, "USD"),
                Optional.of("ach"),
                List.of(new Payment.Allocation(invoice, Money.of(minor, "USD"))));
    }

    @Test
    void aDebtorWhoAnsweredWithMoneyIsNeitherNudgedNorCalled() {
        // our last message left three days ago; a payment came in the day after: it was the answer
        Payment since = paid("ACH-7790", 2, "INV-1041", 100_000);
        assertThat(NEGOTIATOR.followUp(situation("", state(Optional.empty(), List.of(), 3), List.of(since)), NOW))
                .isEmpty();
        // one that came before our last message answers nothing: three unanswered change the channel
        Payment before = paid("ACH-7700", 5, "INV-1041", 100_000);
        assertThat(NEGOTIATOR.followUp(situation("", state(Optional.empty(), List.of(), 3), List.of(before)), NOW))
                .isPresent();
        // nor one toward another invoice: what the conversation is about is still unanswered
        Payment another = paid("ACH-7791", 1, "INV-1077", 50_000);
        assertThat(NEGOTIATOR.followUp(situation("", state(Optional.empty(), List.of(), 3), List.of(another)), NOW))
                .isPresent();
        // the invoice the conversation was about is paid (the account's next one is open): nothing to follow up
        ConversationState aboutAnother = new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                Channel.EMAIL,
                Stage.OPEN,
                List.of("INV-1030"),
                List.of(),
                3,
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.minusSeconds(3 * 86_400)),
                Optional.empty());
        assertThat(NEGOTIATOR.followUp(situation("", aboutAnother, List.of()), NOW))
                .isEmpty();
    }

    @Test
    void aReminderBeforeTheDueDateIsNotChasedUntilTheInvoiceIsLate() {
        // the pre-due reminder went out three days ago about INV-2001, due in four days: no "when should we expect
        // payment?" yet; the day after it falls due, the nudge goes
        ConversationState preDue = new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                Channel.EMAIL,
                Stage.OPEN,
                List.of("INV-2001"),
                List.of(),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.minusSeconds(3 * 86_400)),
                Optional.empty());
        Negotiator.Situation base = situation("", preDue, List.of());
        java.util.function.Function<LocalDate, Negotiator.Situation> on = day -> new Negotiator.Situation(
                base.customer(),
                preDue,
                List.of(Books.open("C-1", "INV-2001", TODAY.plusDays(4), 120_000, 120_000)),
                List.of(),
                base.reading(),
                "",
                Channel.EMAIL,
                "Maria",
                day,
                List.of());

        assertThat(Negotiator.notYetDue(on.apply(TODAY))).isTrue();
        assertThat(NEGOTIATOR.followUp(on.apply(TODAY), NOW)).isEmpty();
        assertThat(NEGOTIATOR.followUp(on.apply(TODAY.plusDays(5)), NOW.plusSeconds(5 * 86_400)))
                .flatMap(Turn::reply)
                .map(DraftRequest::strategy)
                .contains(Strategy.FOLLOW_UP);
    }

    @Test
    void threeUnansweredMessagesChangeTheChannelAndFewerGetANudge() {
        Optional<Turn> nudge =
                NEGOTIATOR.followUp(situation("", state(Optional.empty(), List.of(), 1), List.of()), NOW);
        assertThat(nudge.flatMap(Turn::reply).map(DraftRequest::strategy)).contains(Strategy.FOLLOW_UP);
        Optional<Turn> change =
                NEGOTIATOR.followUp(situation("", state(Optional.empty(), List.of(), 3), List.of()), NOW);
        assertThat(change).hasValueSatisfying(t -> {
            assertThat(t.reply()).isEmpty();
            assertThat(t.effects())
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    Effect.Task.class,
                                    k -> assertThat(k.kind()).isEqualTo(Effect.TaskKind.CHANGE_CHANNEL)));
        });
        Optional<Turn> tooSoon = NEGOTIATOR.followUp(
                situation("", state(Optional.empty(), List.of(), 1), List.of()), NOW.minusSeconds(2 * 86_400));
        assertThat(tooSoon).isEmpty();
    }

    @Test
    void aClaimOfPaymentIsCheckedByTheAgentWhichAsksAgainWhenTheMoneyDoesNotCome() {
        Turn claim = handle("We already paid this last week, please check.");
        assertThat(claim.reply().map(DraftRequest::strategy)).contains(Strategy.ASK_REMITTANCE);
        assertThat(claim.effects())
                .as("nothing for a person yet: the agent checks again itself on the day it named")
                .noneSatisfy(e -> assertThat(e).isInstanceOf(Effect.Task.class));
        LocalDate check = claim.disposition().retryDate().orElseThrow();

        ConversationState after = new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                Channel.EMAIL,
                Stage.ENGAGED,
                List.of("INV-1041"),
                List.of(),
                1,
                Optional.of(Strategy.ASK_REMITTANCE),
                Optional.empty(),
                Optional.of(NOW.minusSeconds(86_400)),
                Optional.of(check));
        Optional<Turn> early = NEGOTIATOR.followUp(
                scheduled(situation("", after, List.of()).customer(), after, check.minusDays(1)), NOW);
        assertThat(early).as("before the day it said it would check: nothing").isEmpty();
        Optional<Turn> due =
                NEGOTIATOR.followUp(scheduled(situation("", after, List.of()).customer(), after, check), NOW);
        assertThat(due).hasValueSatisfying(t -> {
            assertThat(t.stage()).as("the cadence goes on").isEqualTo(Stage.ENGAGED);
            assertThat(t.reply().map(DraftRequest::strategy))
                    .as("not taken on trust: the agent asks again for payment")
                    .contains(Strategy.FOLLOW_UP);
            assertThat(t.effects())
                    .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Effect.Task.class, k -> {
                        assertThat(k.kind()).isEqualTo(Effect.TaskKind.VERIFY_PAYMENT);
                        assertThat(k.detail()).contains("nothing has arrived by " + check);
                    }));
        });
    }

    @Test
    void unansweredMessagesBringTheAgentsOwnCallWhereVoiceConsentIsOnRecord() {
        ConversationState quiet = state(Optional.empty(), List.of(), 3);
        var consenting = mariaWithPhone(false, true);
        Optional<Turn> t = NEGOTIATOR.followUp(scheduled(consenting, quiet, TODAY), NOW);
        assertThat(t)
                .hasValueSatisfying(turn -> assertThat(turn.effects())
                        .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Effect.Task.class, k -> {
                            assertThat(k.kind()).isEqualTo(Effect.TaskKind.CALL_DEBTOR);
                            assertThat(k.detail()).contains("the agent calls");
                        })));
    }

    @Test
    void unansweredEmailsGoOnByTextWhereAContactMayBeTextedAndToAPersonWhereNone() {
        ConversationState quiet = state(Optional.empty(), List.of(), 3);
        var textable = mariaWithPhone(false, false);
        Optional<Turn> byText = NEGOTIATOR.followUp(scheduled(textable, quiet, TODAY), NOW);
        assertThat(byText).hasValueSatisfying(turn -> {
            assertThat(turn.stage())
                    .as("the thread ends, not held for a person: the cadence goes on by text")
                    .isEqualTo(Stage.CLOSED);
            assertThat(turn.reply()).isEmpty();
            assertThat(turn.effects()).noneSatisfy(e -> assertThat(e).isInstanceOf(Effect.Task.class));
        });
        var optedOut = mariaWithPhone(true, false);
        Optional<Turn> toAPerson = NEGOTIATOR.followUp(scheduled(optedOut, quiet, TODAY), NOW);
        assertThat(toAPerson).hasValueSatisfying(turn -> {
            assertThat(turn.stage()).isEqualTo(Stage.ESCALATED);
            assertThat(turn.effects())
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    Effect.Task.class,
                                    k -> assertThat(k.kind()).isEqualTo(Effect.TaskKind.CHANGE_CHANNEL)));
        });
    }

    /** Blue Fern Bistro with Maria, who has an email and a phone: opted out of texts, consenting to an AI voice, or not. */
    private static dev.aragent.agent.ledger.Customer mariaWithPhone(boolean smsOptOut, boolean voiceConsent) {
        return Books.customerWith(
                "C-1",
                "Blue Fern Bistro",
                new dev.aragent.agent.ledger.Contact(
                        "Maria Garcia",
                        Optional.of("maria@bluefern.example"),
                        Optional.of("+15550104477"),
                        "ap",
                        false,
                        smsOptOut,
                        voiceConsent));
    }
}
