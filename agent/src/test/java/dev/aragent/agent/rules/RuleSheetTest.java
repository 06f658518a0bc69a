package dev.aragent.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleSheetTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Currency USD = Currency.getInstance("USD");

    private static QueueRules restaurants() {
        return QueueRules.defaults()
                .withOverrides(
                        Map.of(
                                "restaurants",
                                new QueueRules.SegmentRule(
                                        0.7, Optional.of(List.of(0, 10, 20, 40)), "pay late but pay")),
                        Map.of(
                                CustomerKey.of("C-10001"),
                                new QueueRules.CustomerRule(Optional.of(Reach.HUMAN), 1.0, "VIP: the owner calls")));
    }

    private static PolicyBook policies() {
        Policy standard = Policy.standard();
        Policy generous = new Policy(
                "standard-1+segments.enterprise",
                new Policy.Limits(4, 90, 21, 20, 0),
                new Policy.Limits(12, 360, 60, 5, 5),
                7,
                5,
                Policy.LateFeeWaiver.ON_PLAN,
                Optional.of(Money.of(1_000_000, "USD")),
                "ar_manager",
                Optional.of(Money.of(5_000_000, "USD")),
                "controller",
                2);
        return new PolicyBook(standard, Map.of("enterprise", generous), Map.of());
    }

    @Test
    void rulesWrittenDownReadBackAsTheSameRules() {
        RuleSheet sheet = RuleSheet.write(restaurants(), policies());

        assertThat(sheet.queueRules(ZoneId.of("Europe/Paris"))).isEqualTo(restaurants());
        assertThat(sheet.policies(Policy.standard(), USD)).isEqualTo(policies());
        assertThat(sheet.problems(NY, Policy.standard(), USD)).isEmpty();
        assertThat(sheet.get("segments.restaurants.cadence.3")).contains("40");
        assertThat(sheet.field("segments.restaurants.cadence")).isEqualTo("0, 10, 20, 40");
        assertThat(sheet.get("high-value")).contains("25000.00");
        assertThat(sheet.get("call-minimum")).contains("250.00");
        assertThat(sheet.get("call-rest")).contains("14");
    }

    @Test
    void aFormReadsListsFromOneFieldAndLeavesBlanksOut() {
        RuleSheet sheet = RuleSheet.fromFields(Map.of(
                "cadence", "-7, 0,7 ;14  30",
                "schedule.days", "monday, friday",
                "customers.C-1.note", "  ",
                "caps.sms.max", " 2 "));

        assertThat(sheet.settings())
                .containsOnlyKeys(
                        "cadence.0",
                        "cadence.1",
                        "cadence.2",
                        "cadence.3",
                        "cadence.4",
                        "schedule.days.0",
                        "schedule.days.1",
                        "caps.sms.max");
        QueueRules rules = sheet.queueRules(NY);
        assertThat(rules.cadence()).containsExactly(-7, 0, 7, 14, 30);
        assertThat(rules.caps().get(Reach.SMS).max()).isEqualTo(2);
        assertThat(rules.runDays()).hasSize(2);
    }

    @Test
    void eachBadSettingIsNamedWithWhatItShouldBe() {
        RuleSheet sheet = RuleSheet.of(Map.of(
                "contact-window.from", "25:00",
                "caps.email.max", "lots",
                "weights.risk", "9",
                "customers.C 1.channel", "email",
                "customers.C-2.channel", "pigeon",
                "policy.auto.max-installments", "40",
                "policy.approver", "collector",
                "cadense.0", "1",
                "segments.restaurants.note", "line one\nline two"));

        assertThat(sheet.problems(NY, Policy.standard(), USD))
                .extracting(RuleSheet.Problem::key)
                .containsExactlyInAnyOrder(
                        "contact-window.from",
                        "caps.email.max",
                        "weights.risk",
                        "customers.C 1.channel",
                        "customers.C-2.channel",
                        "policy.auto.max-installments",
                        "policy.approver",
                        "cadense.0",
                        "segments.restaurants.note");
        assertThat(sheet.problems(NY, Policy.standard(), USD))
                .filteredOn(p -> p.key().equals("weights.risk"))
                .extracting(RuleSheet.Problem::message)
                .containsExactly("a number from 0 to 5, not 9");
    }

    @Test
    void settingsFineAloneCanStillBeWrongTogether() {
        RuleSheet sheet = RuleSheet.of(Map.of(
                "contact-window.from", "18:00",
                "contact-window.to", "09:00",
                "policy.auto.max-installments", "12"));

        assertThat(sheet.problems(NY, Policy.standard(), USD)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEmpty();
            assertThat(p.message()).contains("contact window must start before it ends");
        });
        RuleSheet window = sheet.with("contact-window.to", "21:00");
        assertThat(window.problems(NY, Policy.standard(), USD))
                .singleElement()
                .extracting(RuleSheet.Problem::message)
                .asString()
                .contains("approvable limits must be at least as generous");
    }

    @Test
    void changesListWhatDiffersButNotThePolicysVersion() {
        RuleSheet before = RuleSheet.write(QueueRules.defaults(), PolicyBook.of(Policy.standard()));
        RuleSheet after = before.with("caps.email.max", "2")
                .with("policy.version", "rules-v9")
                .with("customers.C-7.channel", "human")
                .with("contact-window.business-days-only", "");

        assertThat(before.changes(after))
                .containsExactly(
                        new RuleSheet.Change("caps.email.max", Optional.of("3"), Optional.of("2")),
                        new RuleSheet.Change(
                                "contact-window.business-days-only", Optional.of("true"), Optional.empty()),
                        new RuleSheet.Change("customers.C-7.channel", Optional.empty(), Optional.of("human")));
    }

    @Test
    void anUnknownRuleIsAnErrorNotADroppedRule() {
        assertThatThrownBy(() -> RuleSheet.of(Map.of("cadance.0", "1")).queueRules(NY))
                .hasMessageContaining("unknown rule 'cadance.0'");
    }
}
