package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.policy.Decision;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.HashingEmbedder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the agent tells a debtor is true: agreement only after their yes, offers they can meet, consequences that
 * hold for their account, the AI disclosure on every message, no negotiation with someone who is not responsible, a
 * person for a legal threat. Each test failed before the fix it guards.
 */
class TruthfulMessagesTest {
    private static final Instant NOW = Instant.parse("2026-11-06T15:00:00Z"); // a Friday
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 6);
    private static final RuleIntentReader READER = RuleIntentReader.create(new HashingEmbedder());
    private static final String CREDIT_HOLD =
            "Under our terms, accounts more than 60 days past due may be placed on credit hold.";
    private static final String FOOTER =
            "Northwind Wholesale, 100 Harbor Way. This message concerns a business account.";
    private static final Negotiator NEGOTIATOR = Negotiator.create(
            PolicyBook.of(Policy.standard()),
            new Negotiator.Settings("Northwind", "Dana", List.of(CREDIT_HOLD), List.of(FOOTER), "Pay by ACH.", 5));

    private static ConversationState state(
            Channel channel, Optional<Strategy> last, Optional<Terms> offer, Optional<Instant> lastOut) {
        return new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                channel,
                Stage.ENGAGED,
                List.of("INV-1041"),
                List.of(),
                1,
                last,
                offer,
                lastOut,
                Optional.empty());
    }

    private static Negotiator.Situation situation(String text, ConversationState state, List<Invoice> invoices) {
        return new Negotiator.Situation(
                Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example"),
                state,
                invoices,
                List.of(),
                READER.read(new IncomingText(text, NOW, ZoneId.of("America/New_York"))),
                text,
                state.channel(),
                "Maria",
                TODAY,
                List.of());
    }

    private static dev.aragent.agent.ledger.Payment payment(
            String ref, int daysAgo, long minor, List<dev.aragent.agent.ledger.Payment.Allocation> allocations) {
        return new dev.aragent.agent.ledger.Payment(
                CustomerKey.of("C-1"),
                ref,
                TODAY.minusDays(daysAgo),
                dev.aragent.agent.ledger.Money.of(minor, "USD"),
                Optional.empty(),
                allocations);
    }

    private static List<Invoice> owing(LocalDate due) {
        return List.of(Books.open("C-1", "INV-1041", due, 600_000, 600_000));
    }

    private static Situation email(String text) {
        return new Situation(text, state(Channel.EMAIL, Optional.empty(), Optional.empty(), Optional.of(NOW)));
    }

    private record Situation(String text, ConversationState state) {}

    private static Turn handle(Situation s, LocalDate due) {
        return NEGOTIATOR.handle(situation(s.text(), s.state(), owing(due)));
    }

    @Test
    void theMostAPersonMayApproveIsOfferedToTheDebtorAndAgreedOnlyByTheirYes() {
        ConversationState offered =
                state(Channel.SMS, Optional.of(Strategy.OFFER_OPTIONS), Optional.empty(), Optional.of(NOW));
        Turn refusal =
                NEGOTIATOR.handle(situation("We still can't, it's too much.", offered, owing(TODAY.minusDays(40))));
        Effect.RequestApproval asked = refusal.effects().stream()
                .filter(Effect.RequestApproval.class::isInstance)
                .map(Effect.RequestApproval.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(asked.debtorsOwn())
                .as("the debtor never proposed these terms")
                .isFalse();

        Ruling ruling = NEGOTIATOR.approved(
                situation("", offered, owing(TODAY.minusDays(40))), asked.proposed(), "dana", false);
        Turn approved = ((Ruling.Carried) ruling).record().turn();
        assertThat(approved.reply().orElseThrow().strategy()).isEqualTo(Strategy.COUNTER_OFFER);
        assertThat(approved.effects()).noneMatch(Effect.RecordPromises.class::isInstance);
        assertThat(approved.stage()).isEqualTo(Stage.ENGAGED);

        ConversationState waiting = state(
                Channel.SMS, Optional.of(Strategy.COUNTER_OFFER), Optional.of(asked.proposed()), Optional.of(NOW));
        Turn yes = NEGOTIATOR.handle(situation("Yes, let's do that.", waiting, owing(TODAY.minusDays(40))));
        assertThat(yes.reply().orElseThrow().strategy()).isEqualTo(Strategy.CONFIRM_PLAN);
        assertThat(yes.effects()).anySatisfy(e -> assertThat(e).isEqualTo(new Effect.RecordPromises(asked.proposed())));
        assertThat(yes.reading().intent()).isNotEqualTo(Intent.ESCALATION_REQUEST);
    }

    @Test
    void theDebtorsOwnProposalApprovedAsAskedIsAgreed() {
        Terms theirs = Terms.single(dev.aragent.agent.ledger.Money.of(600_000, "USD"), TODAY.plusDays(30));
        Ruling ruling = NEGOTIATOR.approved(
                situation(
                        "",
                        state(Channel.EMAIL, Optional.empty(), Optional.empty(), Optional.of(NOW)),
                        owing(TODAY.minusDays(40))),
                theirs,
                "dana",
                true);
        Turn agreed = ((Ruling.Carried) ruling).record().turn();
        assertThat(agreed.reply().orElseThrow().strategy()).isEqualTo(Strategy.CONFIRM_PROMISE);
        assertThat(agreed.effects()).anySatisfy(e -> assertThat(e).isEqualTo(new Effect.RecordPromises(theirs)));
    }

    @Test
    void whatTheAgentOffersIsNeverDueTheDayItIsOffered() {
        Turn counter = handle(email("We can pay $100 today and the rest over the next year."), TODAY.minusDays(40));
        assertThat(counter.decision()).containsInstanceOf(Decision.Counter.class);
        LocalDate earliest = Policy.businessDaysAfter(TODAY, Policy.DEFAULT_LEAD_BUSINESS_DAYS);
        assertThat(earliest).isEqualTo(LocalDate.of(2026, 11, 10)); // Friday + 2 business days
        DraftRequest r = counter.reply().orElseThrow();
        assertThat(r.terms().orElseThrow().firstDue()).isAfterOrEqualTo(earliest);
        Turn options = handle(email("Cash flow is really tight this month."), TODAY.minusDays(40));
        assertThat(options.reply().orElseThrow().options())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.firstDue()).isAfterOrEqualTo(earliest));
    }

    @Test
    void aConsequenceIsStatedOnlyToAnAccountItHoldsFor() {
        Turn at33 = handle(email("Cash flow is really tight this month."), TODAY.minusDays(33));
        assertThat(at33.reply().orElseThrow().consequences()).isEmpty();
        Turn at61 = handle(email("Cash flow is really tight this month."), TODAY.minusDays(61));
        assertThat(at61.reply().orElseThrow().consequences()).containsExactly(CREDIT_HOLD);
        assertThat(Consequences.holds("Balances 30+ days late incur a fee of 1.5% a month.", 29))
                .isFalse();
        assertThat(Consequences.holds("Balances 30+ days late incur a fee of 1.5% a month.", 30))
                .isTrue();
        assertThat(Consequences.holds("Late balances may be referred to our credit team.", 1))
                .isTrue();
    }

    @Test
    void everyEmailAndTextDisclosesTheAiAndATextThreadCarriesTheFooterOnce() {
        DraftRequest mail = handle(email("Cash flow is tight."), TODAY.minusDays(40))
                .reply()
                .orElseThrow();
        assertThat(mail.disclosures()).containsExactly(Negotiator.DEFAULT_AI_DISCLOSURE, FOOTER);
        Situation firstText = new Situation(
                "Cash flow is tight.", state(Channel.SMS, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(handle(firstText, TODAY.minusDays(40)).reply().orElseThrow().disclosures())
                .containsExactly(Negotiator.DEFAULT_AI_DISCLOSURE_SHORT, FOOTER);
        Situation laterText = new Situation(
                "Cash flow is tight.", state(Channel.SMS, Optional.empty(), Optional.empty(), Optional.of(NOW)));
        assertThat(handle(laterText, TODAY.minusDays(40)).reply().orElseThrow().disclosures())
                .containsExactly(Negotiator.DEFAULT_AI_DISCLOSURE_SHORT);
    }

    @Test
    void aLegalThreatPutsTheAccountOnHoldForAPersonAndIsNotReadAsAnOptOut() {
        Turn t = handle(email("Stop writing to us. Our attorney will be in touch."), TODAY.minusDays(40));
        assertThat(t.stage()).isEqualTo(Stage.ESCALATED);
        assertThat(t.disposition().paymentStatus()).isEqualTo(Disposition.PaymentStatus.LEGAL_HOLD);
        assertThat(t.reply().orElseThrow().strategy()).isEqualTo(Strategy.LEGAL_HOLD);
        assertThat(t.effects())
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                Effect.Task.class, k -> assertThat(k.kind()).isEqualTo(Effect.TaskKind.LEGAL_HOLD)));
    }

    @Test
    void someoneWhoIsNotResponsibleIsNeitherNegotiatedWithNorWrittenToAgain() {
        Turn named = handle(
                email("I have moved to sales, please write to jane.porter@bluefern.example about invoices."),
                TODAY.minusDays(40));
        assertThat(named.stage()).isEqualTo(Stage.CLOSED);
        assertThat(named.reply().orElseThrow().strategy()).isEqualTo(Strategy.CONTACT_UPDATED);
        assertThat(named.reply().orElseThrow().options()).isEmpty();
        assertThat(named.effects())
                .contains(new Effect.NotResponsible())
                .anySatisfy(e -> assertThat(e).isInstanceOf(Effect.CaptureContact.class));
        Turn nobody = handle(email("Wrong person, I don't work there any more."), TODAY.minusDays(40));
        assertThat(nobody.reply().orElseThrow().strategy()).isEqualTo(Strategy.CONTACT_UNKNOWN);
        assertThat(nobody.effects()).contains(new Effect.NotResponsible());
    }

    @Test
    void anAccountFoundPaidByTheScheduleIsThankedForItsLatestPaymentNotAnsweredAsIfTheyHadWritten() {
        var older = payment("PMT-OLD", 60, 10_000, List.of());
        var latest = payment("PMT-NEW", 1, 600_000, List.of());
        Negotiator.Situation paid = new Negotiator.Situation(
                Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example"),
                state(Channel.EMAIL, Optional.empty(), Optional.empty(), Optional.of(NOW.minusSeconds(3 * 86_400))),
                List.of(),
                List.of(latest, older),
                READER.read(new IncomingText("", NOW, ZoneId.of("America/New_York"))),
                "",
                Channel.EMAIL,
                "Maria",
                TODAY,
                List.of());
        DraftRequest thanks =
                NEGOTIATOR.followUp(paid, NOW).orElseThrow().reply().orElseThrow();
        assertThat(thanks.strategy()).isEqualTo(Strategy.PAYMENT_FOUND);
        assertThat(thanks.debtorText()).as("nobody wrote: nothing to answer").isEmpty();
        assertThat(thanks.payment())
                .hasValueSatisfying(p -> assertThat(p.reference()).isEqualTo("PMT-NEW"));
    }

    @Test
    void aRiskFactorSaysWhichWayItPushes() {
        assertThat(new dev.aragent.agent.risk.Factor("days", 106, -1.09, "106 days past due").display())
                .isEqualTo("106 days past due: lowers risk (-1.09)");
        assertThat(new dev.aragent.agent.risk.Factor("open", 15, 2.66, "15 open invoices").display())
                .isEqualTo("15 open invoices: raises risk (+2.66)");
    }

    @Test
    void aPaymentAppliedToOtherInvoicesIsNotTakenForTheOneTheyClaim() {
        var old = payment(
                "PMT-OLD",
                50,
                600_000,
                List.of(new dev.aragent.agent.ledger.Payment.Allocation(
                        "INV-0999", dev.aragent.agent.ledger.Money.of(600_000, "USD"))));
        Turn t = NEGOTIATOR.handle(new Negotiator.Situation(
                Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example"),
                state(Channel.EMAIL, Optional.empty(), Optional.empty(), Optional.of(NOW)),
                owing(TODAY.minusDays(40)),
                List.of(old),
                READER.read(new IncomingText("We already paid this last week.", NOW, ZoneId.of("America/New_York"))),
                "We already paid this last week.",
                Channel.EMAIL,
                "Maria",
                TODAY,
                List.of()));
        // same amount as the open invoice, but applied to another one long ago: ask for the remittance instead
        assertThat(t.reply().orElseThrow().strategy()).isEqualTo(Strategy.ASK_REMITTANCE);
    }
}
