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
import java.util.Optional;
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
    void aPayNowLinkIsQuotedWithItsAmountInEmailsAndTextsAndNoOtherPaymentPagePasses() {
        String url = "https://buy.stripe.test/plink_1042";
        var link = new DraftRequest.PayNow(
                url, dev.aragent.agent.ledger.Money.of(612_550, "USD"), List.of("INV-20431", "INV-20452"));
        for (Channel c : List.of(Channel.EMAIL, Channel.SMS)) {
            for (Strategy s : List.of(Strategy.REMINDER, Strategy.CONFIRM_PLAN, Strategy.PROMISE_BROKEN)) {
                DraftRequest r = Requests.request(s, c, CadenceStep.PLUS_14).withPayNow(link);
                Draft d = DRAFTER.draft(r);
                assertThat(d.text()).as(s + "/" + c).contains(url).contains("$6,125.50");
                assertThat(GUARDRAILS.check(d.text(), r).passed())
                        .as(s + "/" + c)
                        .isTrue();
                if (c == Channel.SMS) {
                    assertThat(d.text().length()).as(s + " text").isLessThanOrEqualTo(TemplateDrafter.TWO_SEGMENTS);
                }
            }
        }
        DraftRequest r = Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.PLUS_14)
                .withPayNow(link);
        String email = DRAFTER.draft(r).text();
        assertThat(email).contains("Pay $6,125.50 online now by card or bank transfer: " + url);
        assertThat(GUARDRAILS
                        .check(email.replace(url, "https://buy.stripe.test/plink_other"), r)
                        .violations())
                .singleElement()
                .asString()
                .contains("other than the one made for this message");
        DraftRequest plain = Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.PLUS_14);
        assertThat(GUARDRAILS.check(email, plain).violations())
                .anyMatch(v -> v.contains("buy.stripe.test") && v.contains("not in the configured payment"));
    }

    @Test
    void whatTheAgentSaysOnACallIsNotPrefixedWithTheCompanyAsATextIs() {
        DraftRequest r = Requests.copy(
                Requests.request(Strategy.PAYMENT_INFO, Channel.VOICE, CadenceStep.PLUS_14),
                List.of(),
                java.util.Optional.of("How do we pay you?"));
        String said = DRAFTER.draft(r).text();
        assertThat(said).doesNotStartWith(r.company()).doesNotContain("(AI assistant)");
        assertThat(Character.isUpperCase(said.charAt(0))).isTrue();
        assertThat(GUARDRAILS.check(said, r).passed()).isTrue();
    }

    @Test
    void onACallNothingAsksTheDebtorToReplyOrToCallUs() {
        List<String> textLike = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (CadenceStep step : CadenceStep.values()) {
                String said =
                        DRAFTER.draft(Requests.request(s, Channel.VOICE, step)).text();
                if (said.matches("(?is).*\\b(reply|replies|or call|text us)\\b.*")) {
                    textLike.add(s + "/" + step + ": " + said);
                }
            }
        }
        assertThat(textLike).isEmpty();
    }

    @Test
    void aMailboxNamedAsItsCompanySignsOnceAndOthersSignWithBoth() {
        DraftRequest r = Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.PLUS_7);

        String same = DRAFTER.draft(signedBy(r, "Accounts Receivable", "Accounts Receivable"))
                .text();
        String both = DRAFTER.draft(signedBy(r, "Dana Reyes", "Acme Supply")).text();

        assertThat(same).contains("Kind regards,\nAccounts Receivable\n").doesNotContain("Receivable\nAccounts");
        assertThat(both).contains("Kind regards,\nDana Reyes\nAcme Supply");
    }

    private static DraftRequest signedBy(DraftRequest r, String sender, String company) {
        return Requests.copy(r, company, sender, r.disclosures(), r.debtorText());
    }

    @Test
    void anEmailAsksFirstThenListsTheInvoicesThenOffersThenGivesTheReason() {
        Draft d = DRAFTER.draft(Requests.request(Strategy.COUNTER_OFFER, Channel.EMAIL, CadenceStep.PLUS_30));
        String t = d.text();
        int ask = t.indexOf("we can confirm this plan right away:");
        int plan = t.indexOf("- $1,531.38 by March 24, 2026");
        int balance = t.indexOf("Open balance on the Harbor Foods LLC account: $6,125.50");
        int reason = t.indexOf("credit hold");
        int pay = t.indexOf("Questions? Reply to this email or call us on +1 (555) 010-2200.");
        assertThat(ask).isPositive();
        assertThat(plan).as("the plan follows the sentence that announces it").isGreaterThan(ask);
        assertThat(t.substring(ask, plan)).doesNotContain("credit hold");
        assertThat(balance).isGreaterThan(plan);
        assertThat(reason).as("the reason comes after the offer").isGreaterThan(balance);
        assertThat(pay).isGreaterThan(reason);
        assertThat(t)
                .startsWith("Hello Dana,")
                .contains("- Invoice INV-20431: $2,450.00 open, due")
                .contains("Nothing is agreed until you accept.")
                .endsWith(Requests.DISCLOSURES.getFirst());
        assertThat(d.drafter()).isEqualTo("template");
    }

    @Test
    void aFirstMessageThatOffersAPlanDoesNotThankForAReplyNobodySent() {
        DraftRequest r = Requests.opening(Strategy.OFFER_OPTIONS, Channel.EMAIL, CadenceStep.PLUS_14);
        String t = DRAFTER.draft(r).text();
        assertThat(t).doesNotContain("Thank you").contains("1. Pay the $6,125.50 balance by");
        assertThat(GUARDRAILS.check(t, r).passed()).isTrue();
    }

    @Test
    void smsIsShortAndToneFollowsTheCadence() {
        Draft sms = DRAFTER.draft(Requests.request(Strategy.CONFIRM_PLAN, Channel.SMS, CadenceStep.PLUS_7));
        assertThat(sms.text()).hasSizeLessThan(Channel.SMS.maxChars()).startsWith("Acme Supply Co.: thanks, Dana.");
        String friendly = DRAFTER.draft(Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.BEFORE_DUE))
                .text();
        String firmer = DRAFTER.draft(Requests.request(Strategy.REMINDER, Channel.EMAIL, CadenceStep.PLUS_30))
                .text();
        assertThat(friendly).contains("A friendly reminder");
        assertThat(firmer).contains("41 days past due").contains("credit hold");
    }

    @Test
    void aDueDateReminderNamesWhatFallsDueThatDayNotWhatIsDueNextWeekBesideIt() {
        DraftRequest r = Requests.opening(Strategy.REMINDER, Channel.EMAIL, CadenceStep.DUE);
        java.time.LocalDate today = r.today();
        List<DraftRequest.InvoiceLine> two = List.of(
                new DraftRequest.InvoiceLine(
                        "INV-305525",
                        Optional.empty(),
                        today.minusDays(30),
                        today,
                        dev.aragent.agent.ledger.Money.of(994_79, "USD"),
                        dev.aragent.agent.ledger.Money.of(994_79, "USD"),
                        0),
                new DraftRequest.InvoiceLine(
                        "INV-305526",
                        Optional.empty(),
                        today.minusDays(24),
                        today.plusDays(6),
                        dev.aragent.agent.ledger.Money.of(721_69, "USD"),
                        dev.aragent.agent.ledger.Money.of(721_69, "USD"),
                        0));
        for (CadenceStep step : List.of(CadenceStep.DUE, CadenceStep.BEFORE_DUE)) {
            DraftRequest both = Requests.about(r, step, dev.aragent.agent.ledger.Money.of(1_716_48, "USD"), two);

            String text = DRAFTER.draft(both).text();

            assertThat(text)
                    .contains(
                            step == CadenceStep.DUE
                                    ? "Invoice INV-305525 is due today."
                                    : "invoice INV-305525 is due on")
                    .doesNotContain("INV-305525 and INV-305526")
                    .contains("- Invoice INV-305526");
        }
    }

    @Test
    void everyTextFitsTwoSegmentsAndOffersTheNumberToCall() {
        for (Strategy s : Strategy.values()) {
            String text = DRAFTER.draft(Requests.request(s, Channel.SMS, CadenceStep.PLUS_14))
                    .text();
            assertThat(text.length()).as(s + ": " + text).isLessThanOrEqualTo(306);
            if (text.contains("call")) {
                assertThat(text).as(s + ": " + text).containsPattern("call (?:\\+1|you|us|of|to)");
            }
        }
        assertThat(DRAFTER.draft(Requests.request(Strategy.REMINDER, Channel.SMS, CadenceStep.PLUS_14))
                        .text())
                .contains("call +1 (555) 010-2200");
        String offer = DRAFTER.draft(Requests.opening(Strategy.OFFER_OPTIONS, Channel.SMS, CadenceStep.PLUS_14))
                .text();
        assertThat(offer.length()).as(offer).isLessThanOrEqualTo(306);
        assertThat(offer).contains("3 payments starting $1,531.38 on March 24, 2026");
    }

    @Test
    void anOfferAfterAPersonsReviewSaysSoAndATooLongTextTakesItsShortWording() {
        DraftRequest r = Requests.opening(Strategy.COUNTER_OFFER, Channel.EMAIL, CadenceStep.PLUS_14);
        assertThat(DRAFTER.draft(r).text())
                .contains("Our accounts receivable manager has reviewed your account")
                .doesNotContain("Thank you for your proposal");
        DraftRequest longFooter = Requests.copy(
                Requests.opening(Strategy.OFFER_OPTIONS, Channel.SMS, CadenceStep.PLUS_14),
                List.of(
                        "(AI assistant)",
                        "Acme Supply Co., 1200 Industrial Parkway, Springfield, IL 62701. This message"
                                + " concerns a business account."),
                java.util.Optional.empty());
        String text = DRAFTER.draft(longFooter).text();
        assertThat(text.length()).as(text).isLessThanOrEqualTo(306);
        assertThat(GUARDRAILS.check(text, longFooter).passed()).isTrue();
    }

    @Test
    void aPaymentSeenWhileTheBalanceIsStillOpenIsNotSaidToBeBeingApplied() {
        DraftRequest r = Requests.request(Strategy.PAYMENT_FOUND, Channel.EMAIL, CadenceStep.PLUS_14);
        String t = DRAFTER.draft(r).text();
        assertThat(t)
                .contains("We see payment ACH-99120")
                .contains("Our records still show $6,125.50 open")
                .doesNotContain("applying it");
        assertThat(GUARDRAILS.check(t, r).passed()).isTrue();
        String sms = DRAFTER.draft(Requests.request(Strategy.PAYMENT_FOUND, Channel.SMS, CadenceStep.PLUS_14))
                .text();
        assertThat(sms).contains("$6,125.50 is still open").doesNotContain("applying");
    }

    @Test
    void aPaymentFoundByTheScheduleIsThankedNotAnsweredAsIfTheyHadWritten() {
        DraftRequest r = Requests.opening(Strategy.PAYMENT_FOUND, Channel.EMAIL, CadenceStep.PLUS_14);
        String t = DRAFTER.draft(r).text();
        assertThat(t).contains("Thank you for your payment").doesNotContain("letting us know");
        assertThat(GUARDRAILS.check(t, r).passed()).isTrue();
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
