package dev.aragent.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Guardrails;
import dev.aragent.agent.drafting.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateDrafterTest {
    private static final TemplateDrafter DRAFTER = TemplateDrafter.create();
    private static final Guardrails GUARDRAILS =
            Guardrails.create(Prohibited.guardrails(List.of(), Set.of("ar@acme-supply.test")));

    @Test
    void everyStrategyChannelAndStepPassesTheGuardrails() {
        List<String> failures = new ArrayList<>();
        int drafts = 0;
        for (Strategy s : Strategy.values()) {
            for (Channel c : Channel.values()) {
                for (CadenceStep step : CadenceStep.values()) {
                    DraftRequest r = Requests.request(s, c, step);
                    Draft d = DRAFTER.draft(r);
                    drafts++;
                    Guardrails.Result result = GUARDRAILS.check(d.text(), r);
                    if (!result.passed()) {
                        failures.add(s + "/" + c + "/" + step + ": " + result.violations() + "\n" + d.text());
                    }
                }
            }
        }
        assertThat(drafts).isEqualTo(Strategy.values().length * 3 * 5);
        assertThat(failures).isEmpty();
    }

    @Test
    void emailsFollowSpinOrder() {
        Draft d = DRAFTER.draft(Requests.request(Strategy.OFFER_OPTIONS, Channel.EMAIL, CadenceStep.PLUS_30));
        String t = d.text();
        int situation = t.indexOf("Our records for Harbor Foods LLC show $6,125.50 open");
        int problem = t.indexOf("Thank you for telling us how things stand");
        int implication = t.indexOf("credit hold");
        int need = t.indexOf("Here is what we can offer");
        assertThat(situation).isPositive();
        assertThat(problem).isGreaterThan(situation);
        assertThat(implication).isGreaterThan(problem);
        assertThat(need).isGreaterThan(implication);
        assertThat(t)
                .contains("1. Pay the $6,125.50 balance by March 22, 2026.")
                .contains("2. A plan of 3 payments: $1,531.38 by March 24, 2026")
                .contains("This message is from Acme Supply Co. about a business account.")
                .startsWith("Hello Dana,");
        assertThat(d.drafter()).isEqualTo("template");
    }

    @Test
    void smsIsShortAndToneFollowsTheCadence() {
        Draft sms = DRAFTER.draft(Requests.request(Strategy.CONFIRM_PLAN, Channel.SMS, CadenceStep.PLUS_7));
        assertThat(sms.text()).hasSizeLessThan(Channel.SMS.maxChars()).startsWith("Acme Supply Co.: thanks Dana.");
        String friendly = DRAFTER.draft(Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.BEFORE_DUE))
                .text();
        String firmer = DRAFTER.draft(Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.PLUS_30))
                .text();
        assertThat(friendly).contains("A friendly note ahead of the due date");
        assertThat(firmer).contains("41 days past due").contains("credit hold");
    }

    @Test
    void theGuardrailsCatchWhatTheDecisionDoesNotAllow() {
        DraftRequest r = Requests.request(Strategy.CONFIRM_PLAN, Channel.EMAIL, CadenceStep.PLUS_14);
        assertThat(GUARDRAILS
                        .check("We agree to $500.00 on April 30, 2026 and waive the late fees.", r)
                        .violations())
                .anySatisfy(v -> assertThat(v).contains("500.00"))
                .anySatisfy(v -> assertThat(v).contains("2026-04-30"))
                .anySatisfy(v -> assertThat(v).contains("waiver"))
                .anySatisfy(v -> assertThat(v).contains("disclosure"));
        assertThat(GUARDRAILS
                        .check("Pay now or we will take legal action. " + Requests.DISCLOSURES.getFirst(), r)
                        .violations())
                .containsExactly("uses the prohibited phrase \"legal action\"");
        assertThat(GUARDRAILS
                        .check(
                                "Invoice INV-99999 for Zenith Corp is also open, write to bob@zenith.example. "
                                        + Requests.DISCLOSURES.getFirst(),
                                r)
                        .violations())
                .hasSize(2);
        assertThat(GUARDRAILS
                        .check("Your account is marked as paid. " + Requests.DISCLOSURES.getFirst(), r)
                        .violations())
                .containsExactly("says the account is paid or settled, which the books do not show");
        assertThat(GUARDRAILS
                        .check("We can offer a 20% discount. " + Requests.DISCLOSURES.getFirst(), r)
                        .violations())
                .hasSize(2);
    }
}
