package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.Guardrails;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.grounding.Grounding;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.Drafter;
import dev.aragent.agent.spi.HashingEmbedder;
import dev.aragent.agent.spi.InMemoryAccountHolds;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryRetriever;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector with in-memory adapters: indexing of messages, held drafts, paused invoices. */
class TurnTakerTest {
    private static final TenantId T = TenantId.of("t1");
    private static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");
    private static final Drafter PLAIN =
            r -> new Draft("Noted (" + r.strategy().code() + "). " + String.join(" ", r.disclosures()), "plain");

    private InMemoryLedger ledger;
    private Grounding grounding;
    private ConversationState state;

    @BeforeEach
    void book() {
        ledger = new InMemoryLedger();
        ledger.apply(
                T,
                Books.aging(
                        List.of(Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example")),
                        List.of(
                                Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 125_000, 125_000),
                                new Invoice(
                                        CustomerKey.of("C-1"),
                                        "INV-1042",
                                        Optional.empty(),
                                        LocalDate.of(2026, 9, 15),
                                        LocalDate.of(2026, 10, 15),
                                        Money.of(300_000, "USD"),
                                        Money.of(300_000, "USD"),
                                        InvoiceStatus.OPEN,
                                        Optional.empty(),
                                        true)),
                        List.of()),
                Books.audit(ImportKind.AGING, 2));
        grounding = Grounding.create(new HashingEmbedder(), new InMemoryRetriever(), Clock.fixed(NOW, ZoneOffset.UTC));
        state = new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                Channel.EMAIL,
                Stage.OPEN,
                List.of("INV-1041", "INV-1042"),
                List.of(),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty());
    }

    private TurnTaker turnTaker(Drafter drafter) {
        return turnTaker(ledger, grounding, drafter);
    }

    /** A turn taker over {@code ledger} with the standard policy, the rule reader and {@code drafter}. */
    static TurnTaker turnTaker(dev.aragent.agent.spi.Ledger ledger, Grounding grounding, Drafter drafter) {
        return TurnTaker.create(
                ledger,
                RuleIntentReader.create(new HashingEmbedder()),
                Negotiator.create(
                        PolicyBook.of(Policy.standard()),
                        new Negotiator.Settings("Northwind", "Dana", List.of(), List.of(), "Pay by ACH.", 5)),
                drafter,
                drafter,
                Guardrails.create(Guardrails.Config.of(List.of("legal action"), Set.of("ar@northwind.example"))),
                new TurnTaker.Retrieval() {
                    @Override
                    public List<Passage> passages(TenantId tenant, CustomerKey customer, String text) {
                        return grounding.ask(tenant, customer, text, 3);
                    }

                    @Override
                    public void remember(dev.aragent.agent.grounding.Document message) {
                        grounding.index(message.tenant(), List.of(message), n -> {});
                    }
                },
                ZoneId.of("America/New_York"));
    }

    @Test
    void aConversationWhoseInvoicesWerePaidIsMarkedAnsweredNotNudged() {
        ConversationState aboutPaid = new ConversationState(
                state.id(),
                state.customer(),
                Channel.EMAIL,
                Stage.OPEN,
                List.of("INV-0999"), // paid and gone from the open book
                List.of(),
                2,
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty());
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        Instant later = NOW.plusSeconds(86_400 * 3);

        assertThat(turnTaker(PLAIN)
                        .followUp(T, aboutPaid, Channel.EMAIL, Optional.empty(), later, answered::incrementAndGet))
                .isEmpty();
        assertThat(answered).hasValue(1);
        // still owed: a nudge, and nothing marked
        assertThat(turnTaker(PLAIN)
                        .followUp(T, state, Channel.EMAIL, Optional.empty(), later, answered::incrementAndGet))
                .isPresent();
        assertThat(answered).hasValue(1);
    }

    @Test
    void onAnAccountAPersonTookOverTheAgentAnswersNothingAndTheReplyBecomesTheirTask() {
        InMemoryAccountHolds holds = new InMemoryAccountHolds();
        holds.place(T, new Hold(CustomerKey.of("C-1"), Hold.Kind.TAKEN_OVER, "sam@northwind.example", "", NOW));
        TurnTaker taker = turnTaker(PLAIN).withHolds(holds);

        TurnRecord r = taker.handle(
                T, state, "We will pay the full balance on Friday.", Channel.EMAIL, Optional.of("Maria Garcia"), NOW);

        assertThat(r.replyText()).isEmpty();
        assertThat(r.turn().effects()).singleElement().isInstanceOfSatisfying(Effect.Task.class, t -> {
            assertThat(t.kind()).isEqualTo(Effect.TaskKind.HUMAN_REVIEW);
            assertThat(t.detail()).contains("sam@northwind.example", "We will pay the full balance on Friday");
        });
        assertThat(taker.followUp(T, state, Channel.EMAIL, Optional.empty(), NOW.plusSeconds(86_400 * 10)))
                .as("no scheduled step while the account is held")
                .isEmpty();
        assertThat(turnTaker(PLAIN)
                        .handle(
                                T,
                                state,
                                "We will pay the full balance on Friday.",
                                Channel.EMAIL,
                                Optional.of("Maria Garcia"),
                                NOW)
                        .replyText())
                .as("without the hold, the agent answers")
                .isPresent();
    }

    @Test
    void messagesAreIndexedAsTheyAreHandledAndCitedLater() {
        TurnTaker c = turnTaker(PLAIN);
        c.handle(
                T,
                state,
                "We will pay the full balance on Friday, the check is being cut.",
                Channel.EMAIL,
                Optional.of("Maria Garcia"),
                NOW);
        List<Passage> found = grounding.ask(T, CustomerKey.of("C-1"), "when will the check be cut", 5);
        assertThat(found).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo(DocType.MESSAGE);
            assertThat(p.snippet()).contains("email from Maria Garcia").contains("check is being cut");
        });
        assertThat(found).anySatisfy(p -> assertThat(p.snippet()).startsWith("our email reply"));
        TurnRecord next = c.handle(
                T,
                state,
                "When did I say the check would be cut?",
                Channel.EMAIL,
                Optional.of("Maria Garcia"),
                NOW.plusSeconds(60));
        assertThat(next.citations()).anySatisfy(p -> assertThat(p.type()).isEqualTo(DocType.MESSAGE));
    }

    @Test
    void aDraftThatFailsTheGuardrailsIsHeldForAPerson() {
        TurnTaker c = turnTaker(r ->
                new Draft("Pay $99,999.00 or we take legal action. " + String.join(" ", r.disclosures()), "plain"));
        TurnRecord r = c.handle(
                T, state, "Could we pay half now and the rest in two weeks?", Channel.EMAIL, Optional.empty(), NOW);
        assertThat(r.replyText()).isEmpty();
        assertThat(r.guardrailViolations()).hasSize(2);
        assertThat(r.turn().effects())
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                Effect.Task.class, t -> assertThat(t.kind()).isEqualTo(Effect.TaskKind.HUMAN_REVIEW)))
                .anySatisfy(e -> assertThat(e).isInstanceOf(Effect.RecordPromises.class));
    }

    @Test
    void aDisputedInvoiceIsPausedOutOfTheBalance() {
        TurnRecord r = turnTaker(PLAIN)
                .handle(
                        T,
                        state,
                        "Could we pay half now and the rest in two weeks?",
                        Channel.EMAIL,
                        Optional.empty(),
                        NOW);
        assertThat(r.strategy()).contains(Strategy.CONFIRM_PLAN);
        assertThat(r.turn().reply().orElseThrow().balance()).isEqualTo(Money.of(125_000, "USD"));
        assertThat(r.turn().reply().orElseThrow().invoices())
                .extracting(l -> l.number())
                .containsExactly("INV-1041");
    }

    @Test
    void aReplyStatesTheAccountsWholeOpenBalanceNotTheInvoicesTheConversationBeganWith() {
        ledger.apply(
                T,
                Books.aging(
                        List.of(Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example")),
                        List.of(
                                Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 125_000, 125_000),
                                Books.open("C-1", "INV-1043", LocalDate.of(2026, 10, 20), 200_000, 200_000)),
                        List.of()),
                Books.audit(ImportKind.AGING, 2));
        ConversationState aboutOne = new ConversationState(
                ConversationId.random(),
                CustomerKey.of("C-1"),
                Channel.EMAIL,
                Stage.OPEN,
                List.of("INV-1041"),
                List.of(),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW),
                Optional.empty());
        TurnRecord r = turnTaker(PLAIN)
                .handle(T, aboutOne, "We will pay the whole balance on Friday.", Channel.EMAIL, Optional.empty(), NOW);
        assertThat(r.turn().reply().orElseThrow().balance()).isEqualTo(Money.of(325_000, "USD"));
        assertThat(r.turn().effects())
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                Effect.RecordPromises.class,
                                p -> assertThat(p.terms().total()).isEqualTo(Money.of(325_000, "USD"))));
    }

    @Test
    void aFirstMessageNamesTheInvoicesDueATouchAndStatesTheAccountsWholeBalance() {
        Invoice due = Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 125_000, 125_000);
        Optional<String> text = turnTaker(r -> new Draft(
                        r.invoices().size() + " invoice(s), " + r.balance().format() + " open. "
                                + String.join(" ", r.disclosures()),
                        "plain"))
                .opening(
                        T,
                        Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example"),
                        "Maria",
                        List.of(due),
                        false,
                        dev.aragent.agent.drafting.CadenceStep.at(32),
                        Channel.EMAIL,
                        LocalDate.of(2026, 11, 2));
        // INV-1042 is disputed in the book: out of the balance; INV-1041 is the account's whole open balance
        assertThat(text).hasValueSatisfying(t -> assertThat(t).startsWith("1 invoice(s), $1,250.00 open."));
    }
}
