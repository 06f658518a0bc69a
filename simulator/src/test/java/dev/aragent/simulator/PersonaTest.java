package dev.aragent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonaTest {
    @Test
    void theMixFollowsTheWeightsAndTheWordingVaries() {
        Random random = new Random(1);
        Map<Persona, Integer> n = new EnumMap<>(Persona.class);
        for (int i = 0; i < 10_000; i++) {
            n.merge(Persona.draw(random), 1, Integer::sum);
        }
        assertThat(n).hasSize(Persona.values().length);
        assertThat(n.get(Persona.PAYS_ON_REMINDER)).isBetween(2_100, 2_700); // weight 24 of 100
        Set<String> said = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            said.add(Persona.PAYS_AFTER_PLAN.firstAnswer(random, Map.of()));
        }
        assertThat(said).hasSizeGreaterThan(10); // wordings × greetings × sign-offs
        assertThat(Persona.DISPUTES.firstAnswer(random, Map.of("invoice", "INV-7")))
                .contains("INV-7");
    }

    /** Pat, of account C-1, with nothing owed, drawn from {@code seed}. */
    private static Debtor pat(long seed) {
        return new Debtor(
                CustomerKey.of("C-1"),
                "Pat",
                "pat@x.example",
                List.of(),
                List.of(),
                List.of(),
                n -> java.util.Optional.empty(),
                Assumptions.base(),
                seed,
                7);
    }

    @Test
    void bothArmsDrawTheSameDebtorAndTheSameDecisions() {
        Debtor a = pat(42);
        Debtor b = pat(42);
        assertThat(a.persona).isEqualTo(b.persona);
        LocalDate day = LocalDate.of(2026, 11, 23);
        a.read(day, "pat@x.example");
        b.read(day, "pat@x.example");
        assertThat(a.replies).isEqualTo(b.replies);
        assertThat(a.payments).isEqualTo(b.payments);
    }

    @Test
    void aSituationDrawsTheSameWhateverCameBeforeIt() {
        LocalDate due = LocalDate.of(2026, 11, 2);
        dev.aragent.agent.ledger.Invoice owed = owed(due);
        LocalDate day = due.plusDays(12);
        int moved = 0;
        for (int account = 0; account < 40; account++) {
            Debtor called = debtor(owed, account);
            Debtor not = debtor(owed, account);
            // one arm rang them first (draws of its own), the other did not: the message after is read alike
            called.picksUp(day);
            called.onTheCall(day);
            called.read(day, "pat@x.example");
            not.read(day, "pat@x.example");
            assertThat(called.replies).isEqualTo(not.replies);
            assertThat(called.payments).isEqualTo(not.payments);
            moved += called.payments.stream().anyMatch(p -> !p.own()) || !called.replies.isEmpty() ? 1 : 0;
        }
        assertThat(moved).as("some of them answered or paid on the message").isPositive();
    }

    private static Debtor debtor(dev.aragent.agent.ledger.Invoice owed, int account) {
        return new Debtor(
                CustomerKey.of("C-1"),
                "Pat",
                "pat@x.example",
                List.of(),
                List.of(),
                List.of(owed),
                n -> java.util.Optional.empty(),
                Assumptions.base(),
                42,
                account);
    }

    @Test
    void anInvoiceIsPaidOfItsOwnAccordUnlessSomethingPromptsItEarlier() {
        LocalDate due = LocalDate.of(2026, 11, 2);
        dev.aragent.agent.ledger.Invoice owed = owed(due);
        Debtor d = new Debtor(
                CustomerKey.of("C-1"),
                "Pat",
                "pat@x.example",
                List.of(),
                List.of(),
                List.of(owed),
                n -> java.util.Optional.of(due.plusDays(40)),
                Assumptions.base(),
                42,
                7);
        assertThat(d.payments).singleElement().satisfies(p -> {
            assertThat(p.on()).isEqualTo(due.plusDays(40));
            assertThat(p.own()).isTrue();
        });
        assertThat(d.paysAll(due.plusDays(1)))
                .as("its own habit, weeks away, is no commitment")
                .isFalse();

        d.pay(due.plusDays(5), 20_000); // a promise's first installment
        assertThat(d.payments)
                .extracting(Debtor.Payment::on, Debtor.Payment::minor)
                .as("the installment, and what is left on its own day")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(due.plusDays(5), 20_000L),
                        org.assertj.core.groups.Tuple.tuple(due.plusDays(40), 30_000L));

        d.payAll(due.plusDays(8)); // reminded: pays the rest now
        assertThat(d.payments)
                .extracting(Debtor.Payment::on, Debtor.Payment::minor)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(due.plusDays(5), 20_000L),
                        org.assertj.core.groups.Tuple.tuple(due.plusDays(8), 30_000L));
        assertThat(d.paysAll(due.plusDays(8))).isTrue();
        assertThat(d.paymentsOn(due.plusDays(8)))
                .as("what was due by then, paid")
                .extracting(Debtor.Payment::minor)
                .containsExactly(20_000L, 30_000L);
        assertThat(d.openMinor()).isZero();
    }

    /** C-1's $500 invoice INV-1, issued 30 days before {@code due}, all of it open. */
    private static dev.aragent.agent.ledger.Invoice owed(LocalDate due) {
        return new dev.aragent.agent.ledger.Invoice(
                CustomerKey.of("C-1"),
                "INV-1",
                java.util.Optional.empty(),
                due.minusDays(30),
                due,
                dev.aragent.agent.ledger.Money.of(50_000, "USD"),
                dev.aragent.agent.ledger.Money.of(50_000, "USD"),
                dev.aragent.agent.ledger.InvoiceStatus.OPEN,
                java.util.Optional.empty(),
                false);
    }
}
