package dev.aragent.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the policy and the proposal, what the agent accepts or counters stays inside the automatic limits. */
class PolicyPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 17);

    @Property(tries = 3000)
    void acceptedAndCounteredTermsNeverBreakPolicy(
            @ForAll("policies") Policy policy, @ForAll("proposals") Terms proposal) {
        Decision d = PolicyEngine.evaluate(policy, proposal, TODAY);
        switch (d) {
            case Decision.Accept a -> {
                assertThat(PolicyEngine.violations(policy, policy.auto(), a.terms(), TODAY, true))
                        .isEmpty();
                assertThat(a.terms()).isEqualTo(proposal);
            }
            case Decision.Counter c -> {
                assertThat(PolicyEngine.violations(policy, policy.auto(), c.terms(), TODAY, true))
                        .as("counter %s to %s under %s", c.terms(), proposal, policy)
                        .isEmpty();
                assertThat(c.reasons()).isNotEmpty();
            }
            case Decision.NeedsApproval n -> {
                assertThat(PolicyEngine.violations(policy, policy.approvable(), n.proposed(), TODAY, false))
                        .isEmpty();
                assertThat(policy.approvers()).contains(n.approver());
                assertThat(n.reasons()).isNotEmpty();
                n.fallback()
                        .ifPresent(f -> assertThat(PolicyEngine.violations(policy, policy.auto(), f, TODAY, true))
                                .as("fallback %s to %s under %s", f, proposal, policy)
                                .isEmpty());
            }
            case Decision.Decline x -> assertThat(x.reasons()).isNotEmpty();
        }
        assertThat(d.policyVersion()).isEqualTo(policy.version());
    }

    @Property(tries = 500)
    void decisionsAreDeterministic(@ForAll("policies") Policy policy, @ForAll("proposals") Terms proposal) {
        assertThat(PolicyEngine.evaluate(policy, proposal, TODAY))
                .isEqualTo(PolicyEngine.evaluate(policy, proposal, TODAY));
    }

    @Property(tries = 1000)
    void unpromptedOffersAreAllowedOnes(@ForAll("policies") Policy policy, @ForAll("balances") Money balance) {
        boolean agentMay =
                policy.approvalAbove().map(l -> balance.compareTo(l) < 0).orElse(true);
        for (Terms offer : PolicyEngine.offers(policy, balance, TODAY)) {
            List<String> broken = PolicyEngine.violations(policy, policy.auto(), offer, TODAY, true);
            if (agentMay) {
                assertThat(broken).as("offer %s", offer).isEmpty();
            }
        }
    }

    @Provide
    Arbitrary<Money> balances() {
        return Arbitraries.longs().between(1, 50_000_000).map(m -> Money.of(m, "USD"));
    }

    @Provide
    Arbitrary<Policy> policies() {
        Arbitrary<Policy.Limits> auto = Combinators.combine(
                        Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(0, 120),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(1, 100),
                        Arbitraries.integers().between(0, 10))
                .as(Policy.Limits::new);
        return Combinators.combine(
                        auto,
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 120),
                        Arbitraries.integers().between(0, 14),
                        Arbitraries.of(Policy.LateFeeWaiver.class),
                        Arbitraries.longs().between(1, 60_000_000).optional(0.3),
                        Arbitraries.longs().between(1, 60_000_000).optional(0.3))
                .as((a, extraN, extraDays, within, waiver, above, senior) -> new Policy(
                        "p-test",
                        a,
                        new Policy.Limits(
                                Math.min(36, a.maxInstallments() + extraN),
                                a.maxPlanDays() + extraDays,
                                a.maxPromiseDays() + extraDays,
                                Math.max(1, a.minFirstPaymentPercent() - extraN * 5),
                                Math.min(50, a.maxDiscountPercent() + extraN)),
                        within,
                        Math.min(within, 5),
                        waiver,
                        above.map(m -> Money.of(m, "USD")),
                        "ar_manager",
                        senior.map(m -> Money.of(m, "USD")),
                        "controller",
                        Policy.DEFAULT_LEAD_BUSINESS_DAYS));
    }

    @Provide
    Arbitrary<Terms> proposals() {
        Arbitrary<Long> balance = Arbitraries.longs().between(1, 50_000_000);
        Arbitrary<List<Long>> amounts =
                Arbitraries.longs().between(1, 60_000_000).list().ofMinSize(1).ofMaxSize(10);
        Arbitrary<List<Integer>> offsets =
                Arbitraries.integers().between(-5, 400).list().ofMinSize(10).ofMaxSize(10);
        return Combinators.combine(
                        balance,
                        amounts,
                        offsets,
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((b, as, os, discount, waive, exact) -> {
                    List<Installment> list = new ArrayList<>();
                    List<Long> parts = exact ? split(b, as.size()) : as;
                    for (int i = 0; i < parts.size(); i++) {
                        list.add(new Installment(TODAY.plusDays(os.get(i)), Money.of(parts.get(i), "USD")));
                    }
                    list.sort(Comparator.comparing(Installment::due));
                    return new Terms(Money.of(b, "USD"), exact ? 0 : discount, waive, list);
                });
    }

    private static List<Long> split(long total, int n) {
        int parts = (int) Math.min(n, total);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            out.add(i == parts - 1 ? total - (total / parts) * (parts - 1) : total / parts);
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static Optional<Money> none() {
        return Optional.empty();
    }
}
