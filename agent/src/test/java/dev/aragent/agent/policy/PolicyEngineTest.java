package dev.aragent.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 17);
    private static final Policy STANDARD = Policy.standard();
    private static final Money BALANCE = Money.of(600_000, "USD");

    private static Terms plan(long... minorAndDayPairs) {
        java.util.List<Installment> list = new java.util.ArrayList<>();
        for (int i = 0; i < minorAndDayPairs.length; i += 2) {
            list.add(new Installment(TODAY.plusDays(minorAndDayPairs[i + 1]), Money.of(minorAndDayPairs[i], "USD")));
        }
        return new Terms(BALANCE, 0, false, list);
    }

    @Test
    void halfNowAndTheRestInTwoWeeksIsAccepted() {
        Decision d = PolicyEngine.evaluate(STANDARD, plan(300_000, 3, 300_000, 17), TODAY);
        assertThat(d).isInstanceOf(Decision.Accept.class);
        assertThat(d.policyVersion()).isEqualTo("standard-1");
    }

    @Test
    void aSixMonthPlanNeedsTheManagerAndKeepsAFallback() {
        Decision d = PolicyEngine.evaluate(
                STANDARD, plan(100_000, 5, 100_000, 35, 100_000, 65, 100_000, 95, 100_000, 110, 100_000, 118), TODAY);
        assertThat(d).isInstanceOfSatisfying(Decision.NeedsApproval.class, n -> {
            assertThat(n.approver()).isEqualTo("ar_manager");
            assertThat(n.reasons()).anyMatch(r -> r.contains("6 installments; the limit is 3"));
            assertThat(n.fallback()).hasValueSatisfying(f -> {
                assertThat(f.installments()).hasSize(3);
                assertThat(f.lastDue()).isBeforeOrEqualTo(TODAY.plusDays(60));
            });
        });
    }

    @Test
    void tooSmallAFirstPaymentIsCounteredWithTheMinimum() {
        Decision d = PolicyEngine.evaluate(STANDARD, plan(10_000, 2, 590_000, 30), TODAY);
        assertThat(d).isInstanceOfSatisfying(Decision.Counter.class, c -> {
            assertThat(c.terms().installments().getFirst().amount()).isEqualTo(Money.of(150_000, "USD"));
            assertThat(c.terms().total()).isEqualTo(BALANCE);
            assertThat(c.reasons()).anyMatch(r -> r.contains("below the 10 % minimum"));
        });
    }

    @Test
    void aDiscountIsOnlyForPayingAtOnceAndBeyondTheLimitIsCountered() {
        Terms twentyOff =
                new Terms(BALANCE, 20, false, List.of(new Installment(TODAY.plusDays(2), Money.of(480_000, "USD"))));
        assertThat(PolicyEngine.evaluate(STANDARD, twentyOff, TODAY))
                .isInstanceOfSatisfying(Decision.Counter.class, c -> {
                    assertThat(c.terms().discountPercent()).isZero();
                    assertThat(c.terms().total()).isEqualTo(BALANCE);
                });
        Terms fiveOff =
                new Terms(BALANCE, 5, false, List.of(new Installment(TODAY.plusDays(2), Money.of(570_000, "USD"))));
        assertThat(PolicyEngine.evaluate(STANDARD, fiveOff, TODAY)).isInstanceOf(Decision.NeedsApproval.class);
    }

    @Test
    void largeBalancesGoToTheControllerAndNothingIsAgreedAlone() {
        Policy strict = new Policy(
                "strict-2",
                STANDARD.auto(),
                STANDARD.approvable(),
                7,
                5,
                Policy.LateFeeWaiver.NEVER,
                Optional.of(Money.of(500_000, "USD")),
                "ar_manager",
                Optional.of(Money.of(550_000, "USD")),
                "controller",
                Policy.DEFAULT_LEAD_BUSINESS_DAYS);
        Decision d = PolicyEngine.evaluate(strict, Terms.single(BALANCE, TODAY.plusDays(3)), TODAY);
        assertThat(d)
                .isInstanceOfSatisfying(
                        Decision.NeedsApproval.class,
                        n -> assertThat(n.approver()).isEqualTo("controller"));
    }

    @Test
    void nothingOwedIsDeclined() {
        Terms nothing = new Terms(
                Money.zero(BALANCE.currency()), 0, false, List.of(new Installment(TODAY, Money.of(1, "USD"))));
        assertThat(PolicyEngine.evaluate(STANDARD, nothing, TODAY)).isInstanceOf(Decision.Decline.class);
    }

    @Test
    void theUnpromptedOffersArePayNowOrTheLongestAllowedPlan() {
        List<Terms> offers = PolicyEngine.offers(STANDARD, BALANCE, TODAY);
        assertThat(offers).hasSize(2);
        assertThat(offers.get(0).installments()).hasSize(1);
        assertThat(offers.get(1).installments()).hasSize(3);
        assertThat(offers.get(1).installments().getFirst().amount()).isEqualTo(Money.of(150_000, "USD"));
    }

    @Test
    void theInstallmentsTheAgentSchedulesFallOnBusinessDays() {
        for (int d = 0; d < 14; d++) {
            LocalDate today = TODAY.plusDays(d);
            for (Terms t : PolicyEngine.offers(STANDARD, BALANCE, today)) {
                assertThat(t.installments())
                        .as("offered on " + today)
                        .allSatisfy(i -> assertThat(i.due().getDayOfWeek())
                                .isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY));
                for (int k = 1; k < t.installments().size(); k++) {
                    assertThat(t.installments().get(k).due())
                            .isAfter(t.installments().get(k - 1).due());
                }
            }
        }
        // a Saturday moves to Monday, or to Friday when Monday is past the last allowed day
        LocalDate saturday = LocalDate.of(2026, 3, 21);
        assertThat(PolicyEngine.onAWeekday(saturday, TODAY, saturday.plusDays(10)))
                .isEqualTo(saturday.plusDays(2));
        assertThat(PolicyEngine.onAWeekday(saturday, TODAY, saturday)).isEqualTo(saturday.minusDays(1));
    }
}
