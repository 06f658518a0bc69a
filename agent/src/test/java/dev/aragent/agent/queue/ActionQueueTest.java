package dev.aragent.agent.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AgingBaseline;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.OutreachLog;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActionQueueTest {
    /** A Tuesday, 15:00 UTC: 09:00 in Chicago. */
    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static Contact contact(boolean emailOptOut, boolean smsOptOut) {
        return new Contact(
                "Dana",
                Optional.of("ap@debtor.example"),
                Optional.of("+15551234567"),
                "billing",
                emailOptOut,
                smsOptOut);
    }

    static AccountRecord account(
            String key,
            String segment,
            List<String> tags,
            Contact contact,
            List<long[]> invoices, // {days past due, open minor}
            List<CreditMemo> memos,
            AccountActivity activity) {
        CustomerKey k = CustomerKey.of(key);
        Customer c = new Customer(
                k,
                "Customer " + key,
                Optional.of(segment),
                Optional.empty(),
                Optional.of(ZoneId.of("America/Chicago")),
                Optional.empty(),
                Optional.of(TODAY.minusYears(3)),
                tags,
                List.of(contact));
        List<Invoice> list = new ArrayList<>();
        for (long[] i : invoices) {
            LocalDate due = TODAY.minusDays(i[0]);
            list.add(Invoice.unpaid(k, key + "-" + list.size(), due.minusDays(30), due, Money.of(i[1], "USD"), false));
        }
        return new AccountRecord(c, list, List.of(), memos, List.of(), activity, Map.of());
    }

    static AccountRecord simple(String key, long days, long minor) {
        return account(
                key,
                "retail",
                List.of(),
                contact(false, false),
                List.of(new long[] {days, minor}),
                List.of(),
                AccountActivity.none());
    }

    /** The retail cadence's step 14 taken on {@code account} by email two days before {@link #NOW}. */
    static OutreachLog.Executed stepFourteenTwoDaysAgo(AccountRecord account, String invoice) {
        return taken(account, 14, Outreach.VALUE_ADDED_FOLLOW_UP, 2, invoice);
    }

    /** The retail cadence's {@code step} taken on {@code account} by email {@code daysAgo} days before {@link #NOW}. */
    static OutreachLog.Executed taken(AccountRecord account, int step, Outreach strategy, int daysAgo, String invoice) {
        return new OutreachLog.Executed(
                account.customer().key(),
                "retail",
                step,
                strategy,
                Reach.EMAIL,
                NOW.minusSeconds(86_400L * daysAgo),
                List.of(invoice));
    }

    static ActionQueue.Plan plan(List<AccountRecord> accounts, QueueRules rules, Instant now) {
        return plan(accounts, rules, now, List.of());
    }

    static ActionQueue.Plan plan(
            List<AccountRecord> accounts, QueueRules rules, Instant now, List<OutreachLog.Executed> executed) {
        Features features = Features.forAccounts(accounts, Tone.lexicon());
        RiskModel model = RiskModel.coldStart(features.schema(), now, 30, AgingBaseline.cold());
        return ActionQueue.plan(accounts, Set.of(), Map.of(), executed, model, features, rules, now, 50, true);
    }

    static QueueRules rules(
            Map<String, QueueRules.SegmentRule> segments, Map<CustomerKey, QueueRules.CustomerRule> customers) {
        return QueueRules.defaults().withOverrides(segments, customers);
    }

    @Test
    void ordersAccountsByExpectedValueAndLeavesOutWhatIsNotDueYet() {
        List<AccountRecord> accounts = List.of(
                simple("small-old", 100, 10_000),
                simple("big-fresh", 8, 1_000_000),
                simple("mid", 40, 100_000),
                simple("pre-due", -5, 50_000),
                simple("not-yet", -20, 9_000_000));
        ActionQueue.Plan plan = plan(accounts, QueueRules.defaults(), NOW);

        assertThat(plan.entries())
                .extracting(e -> e.customer().value())
                .containsExactly("big-fresh", "mid", "pre-due", "small-old");
        QueueEntry first = plan.entries().getFirst();
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.action().channel()).isEqualTo(Reach.EMAIL);
        assertThat(first.action().step()).isEqualTo(7);
        assertThat(first.notes().getFirst()).startsWith("priority = $10,000.00 × risk 0.26");
        assertThat(first.factors()).isNotEmpty();
        assertThat(first.action().when().toInstant()).isEqualTo(NOW);
        QueueEntry preDue = plan.entries().get(2);
        assertThat(preDue.action().strategy()).isEqualTo(Outreach.GENTLE_REMINDER);
        assertThat(preDue.action().step()).isEqualTo(-7);
        assertThat(plan.entries().getLast().action().strategy()).isEqualTo(Outreach.FINAL_NOTICE);
        assertThat(plan.accountsWithOpenInvoices()).isEqualTo(5);
    }

    @Test
    void anAccountAPersonPausedOrTookOverIsLeftOutWithWhoAndWhy() {
        List<AccountRecord> accounts =
                List.of(simple("paused", 40, 100_000), simple("taken", 40, 100_000), simple("free", 40, 100_000));
        Features features = Features.forAccounts(accounts, Tone.lexicon());
        RiskModel model = RiskModel.coldStart(features.schema(), NOW, 30, AgingBaseline.cold());
        Map<CustomerKey, Hold> holds = Map.of(
                CustomerKey.of("paused"),
                new Hold(CustomerKey.of("paused"), Hold.Kind.PAUSED, "dana@acme.example", "credit memo coming", NOW),
                CustomerKey.of("taken"),
                new Hold(CustomerKey.of("taken"), Hold.Kind.TAKEN_OVER, "sam@acme.example", "", NOW));

        ActionQueue.Plan plan = ActionQueue.plan(
                accounts, Set.of(), holds, List.of(), model, features, QueueRules.defaults(), NOW, 50, true);

        assertThat(plan.entries()).extracting(e -> e.customer().value()).containsExactly("free");
        assertThat(plan.skipped())
                .extracting(ActionQueue.Skip::reason)
                .containsExactlyInAnyOrder(
                        "paused by dana@acme.example: credit memo coming",
                        "taken over by sam@acme.example: the agent writes nothing until it is handed back");
        assertThat(plan.skipped())
                .filteredOn(k -> k.customer().value().equals("taken"))
                .singleElement()
                .satisfies(k -> assertThat(k.forAPerson())
                        .hasValueSatisfying(s -> assertThat(s).contains("sam@")));
    }

    @Test
    void rulesSkipCreditMemosAutoPayAndPausedConversations() {
        AccountActivity promised = new AccountActivity(
                List.of(),
                List.of(),
                List.of(),
                0,
                Optional.of(new AccountActivity.Outcome("promised", "promised", NOW.minusSeconds(3_600))),
                true,
                Optional.of(TODAY.plusDays(3)));
        List<AccountRecord> accounts = List.of(
                account(
                        "memo",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(new CreditMemo(
                                CustomerKey.of("memo"),
                                "CM-1",
                                TODAY.minusDays(3),
                                Money.of(5_000, "USD"),
                                Optional.empty())),
                        AccountActivity.none()),
                account(
                        "auto",
                        "retail",
                        List.of("AutoPay"),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        AccountActivity.none()),
                account(
                        "promised",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        promised),
                simple("plain", 20, 50_000));
        ActionQueue.Plan plan = plan(accounts, QueueRules.defaults(), NOW);

        assertThat(plan.entries()).extracting(e -> e.customer().value()).containsExactly("plain");
        assertThat(plan.skipped())
                .extracting(ActionQueue.Skip::reason)
                .containsExactlyInAnyOrder(
                        "credit memo CM-1 pending: apply it before asking for payment",
                        "auto-pay customer: left out of the cadence",
                        "cadence paused: promised, next look on 2026-11-27");
        assertThat(plan.skipped())
                .filteredOn(k -> k.forAPerson().isPresent())
                .singleElement()
                .satisfies(k -> assertThat(k.forAPerson().orElseThrow())
                        .startsWith("apply credit memo CM-1 ($50.00")
                        .endsWith("collection on the account waits for it"));
    }

    @Test
    void aConversationHoldsTheInvoicesItCoveredNotThoseIssuedSince() {
        // a plan agreed 30 days ago, its next installment in five days; since then a new invoice was issued, due in 7
        java.util.function.Function<String, AccountActivity> held = stage -> new AccountActivity(
                List.of(),
                List.of(),
                List.of(),
                0,
                Optional.of(new AccountActivity.Outcome(stage, stage, NOW.minus(java.time.Duration.ofDays(30)))),
                true,
                Optional.of(TODAY.plusDays(5)));
        java.util.function.BiFunction<String, String, AccountRecord> onPlan = (key, stage) -> account(
                key,
                "retail",
                List.of(),
                contact(false, false),
                List.of(new long[] {20, 50_000}, new long[] {-7, 30_000}),
                List.of(),
                held.apply(stage));

        ActionQueue.Plan plan = plan(
                List.of(onPlan.apply("plan", "plan_agreed"), onPlan.apply("person", "escalated")),
                QueueRules.defaults(),
                NOW);

        // the new invoice gets its reminder, the planned one waits for the plan's next date; an escalation waits for
        // its person on what it was about, not on what was invoiced since
        assertThat(plan.entries())
                .extracting(e -> e.customer().value() + ":" + String.join(",", e.invoiceNumbers()))
                .containsExactlyInAnyOrder("plan:plan-1", "person:person-1");
        // with nothing new, the escalated account waits whole
        ActionQueue.Plan quiet = plan(
                List.of(account(
                        "person",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        held.apply("escalated"))),
                QueueRules.defaults(),
                NOW);
        assertThat(quiet.entries()).isEmpty();
        assertThat(quiet.skipped())
                .singleElement()
                .satisfies(k -> assertThat(k.reason()).startsWith("cadence paused: escalated"));
    }

    @Test
    void aDisputePausesOnlyTheInvoicesItNames() {
        // the contact log no longer pauses the account for a dispute; the ledger pauses the disputed invoice
        AccountRecord disputing = account(
                "disputing",
                "retail",
                List.of(),
                contact(false, false),
                List.of(new long[] {20, 50_000}, new long[] {14, 30_000}),
                List.of(),
                new AccountActivity(
                        List.of(),
                        List.of(),
                        List.of(NOW.minusSeconds(86_400)),
                        1,
                        Optional.of(new AccountActivity.Outcome("disputed", "disputed", NOW.minusSeconds(86_400))),
                        false,
                        Optional.empty()));
        Features features = Features.forAccounts(List.of(disputing), Tone.lexicon());
        RiskModel model = RiskModel.coldStart(features.schema(), NOW, 30, AgingBaseline.cold());

        ActionQueue.Plan plan = ActionQueue.plan(
                List.of(disputing),
                Set.of("disputing-0"),
                Map.of(),
                List.of(),
                model,
                features,
                QueueRules.defaults(),
                NOW,
                50,
                true);

        assertThat(plan.entries())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.invoices()).extracting(Invoice::number).containsExactly("disputing-1"));
    }

    @Test
    void anEscalationWithNoRetryDatePausesTheCadenceForAWeekNotForEver() {
        java.util.function.Function<Integer, AccountActivity> escalatedDaysAgo = days -> new AccountActivity(
                List.of(),
                List.of(),
                List.of(),
                0,
                Optional.of(new AccountActivity.Outcome(
                        "unknown", "escalated", NOW.minus(java.time.Duration.ofDays(days)))),
                true,
                Optional.empty());
        List<AccountRecord> accounts = List.of(
                account(
                        "recent",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        escalatedDaysAgo.apply(3)),
                account(
                        "stale",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        escalatedDaysAgo.apply(8)));

        ActionQueue.Plan plan = plan(accounts, QueueRules.defaults(), NOW);

        assertThat(plan.entries()).extracting(e -> e.customer().value()).containsExactly("stale");
        assertThat(plan.skipped())
                .extracting(ActionQueue.Skip::reason)
                .singleElement()
                .asString()
                .startsWith("cadence paused: escalated, next look on ");
    }

    @Test
    void segmentAndCustomerRulesChangePriorityAndChannel() {
        List<AccountRecord> accounts = List.of(
                account(
                        "bistro",
                        "restaurants",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 100_000}),
                        List.of(),
                        AccountActivity.none()),
                account(
                        "shop",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 90_000}),
                        List.of(),
                        AccountActivity.none()),
                account(
                        "vip",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 10_000}),
                        List.of(),
                        AccountActivity.none()));
        QueueRules rules = rules(
                Map.of("restaurants", new QueueRules.SegmentRule(0.5, Optional.empty(), "pay late but pay")),
                Map.of(CustomerKey.of("vip"), new QueueRules.CustomerRule(Optional.of(Reach.HUMAN), 1, "VIP")));
        ActionQueue.Plan plan = plan(accounts, rules, NOW);

        assertThat(plan.entries()).extracting(e -> e.customer().value()).containsExactly("shop", "bistro", "vip");
        assertThat(plan.entries().get(1).notes()).anyMatch(n -> n.contains("segment restaurants: priority × 0.50"));
        QueueEntry vip = plan.entries().get(2);
        assertThat(vip.action().channel()).isEqualTo(Reach.HUMAN);
        assertThat(vip.action().strategy()).isEqualTo(Outreach.HUMAN_CALL);
        assertThat(vip.notes()).contains("customer rule: human only (VIP)");

        List<AccountRecord> optedOut = List.of(account(
                "quiet",
                "retail",
                List.of(),
                contact(true, true),
                List.of(new long[] {20, 10_000}),
                List.of(),
                AccountActivity.none()));
        QueueRules emailOnly = rules(
                Map.of(),
                Map.of(
                        CustomerKey.of("quiet"),
                        new QueueRules.CustomerRule(Optional.of(Reach.EMAIL), 1, "email only")));
        QueueEntry quiet = plan(optedOut, emailOnly, NOW).entries().getFirst();
        assertThat(quiet.action().channel())
                .as("a rule never overrides an opt-out")
                .isEqualTo(Reach.HUMAN);
    }

    @Test
    void optOutsAndCapsPickAnotherChannelOrWait() {
        List<AccountActivity.Touch> threeEmails = List.of(
                new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 6)),
                new AccountActivity.Touch(Channel.EMAIL, true, NOW.minusSeconds(86_400 * 5)),
                new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 4)),
                new AccountActivity.Touch(Channel.EMAIL, true, NOW.minusSeconds(86_400 * 4 - 60)),
                new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 3 + 7_200)));
        AccountActivity capped =
                new AccountActivity(threeEmails, List.of(), List.of(), 0, Optional.empty(), false, Optional.empty());
        Contact emailOnly =
                new Contact("Lee", Optional.of("lee@debtor.example"), Optional.empty(), "billing", false, false);
        List<AccountRecord> accounts = List.of(
                account(
                        "no-email",
                        "retail",
                        List.of(),
                        contact(true, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        AccountActivity.none()),
                account(
                        "capped",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {32, 50_000}),
                        List.of(),
                        capped),
                account(
                        "capped-email-only",
                        "retail",
                        List.of(),
                        emailOnly,
                        List.of(new long[] {32, 40_000}),
                        List.of(),
                        capped),
                account(
                        "nobody",
                        "retail",
                        List.of(),
                        new Contact("X", Optional.of("x@debtor.example"), Optional.empty(), "billing", true, false),
                        List.of(new long[] {20, 10_000}),
                        List.of(),
                        AccountActivity.none()));
        ActionQueue.Plan plan = plan(accounts, QueueRules.defaults(), NOW);
        Map<String, QueueEntry> byKey = new java.util.HashMap<>();
        plan.entries().forEach(e -> byKey.put(e.customer().value(), e));

        assertThat(byKey.get("no-email").action().channel()).isEqualTo(Reach.SMS);
        assertThat(byKey.get("no-email").notes()).contains("email opted out");
        assertThat(byKey.get("capped").action().channel()).isEqualTo(Reach.SMS);
        assertThat(byKey.get("capped").notes()).contains("email cap reached (3 in 7 days)");
        QueueEntry waits = byKey.get("capped-email-only");
        assertThat(waits.action().channel()).isEqualTo(Reach.EMAIL);
        assertThat(waits.action().when().toInstant()).isAfterOrEqualTo(NOW.plusSeconds(86_400));
        assertThat(byKey.get("nobody").action().channel()).isEqualTo(Reach.HUMAN);
        assertThat(byKey.get("nobody").notes())
                .contains("opted out of email and SMS: automated outreach stopped, a person" + " decides");
    }

    @Test
    void unansweredMessagesBringACallOnlyFromTheCallMinimum() {
        List<AccountActivity.Touch> threeUnanswered = List.of(
                new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 9)),
                new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 6)),
                new AccountActivity.Touch(Channel.EMAIL, false, NOW.minusSeconds(86_400 * 3)));
        AccountActivity unheard = new AccountActivity(
                threeUnanswered, List.of(), List.of(), 0, Optional.empty(), false, Optional.empty());
        List<AccountRecord> accounts = List.of(
                account(
                        "small",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {7, 9_998}),
                        List.of(),
                        unheard),
                account(
                        "worth-a-call",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {7, 80_000}),
                        List.of(),
                        unheard));
        Map<String, QueueEntry> byKey = new java.util.HashMap<>();
        plan(accounts, QueueRules.defaults(), NOW)
                .entries()
                .forEach(e -> byKey.put(e.customer().value(), e));

        assertThat(byKey.get("small").action().channel()).isEqualTo(Reach.SMS);
        assertThat(byKey.get("small").notes())
                .contains("3 messages without an answer, but $99.98 is below the call minimum ($250.00): in writing");
        assertThat(byKey.get("worth-a-call").action().channel()).isEqualTo(Reach.CALL);
        assertThat(byKey.get("worth-a-call").notes()).contains("3 messages without an answer: call");
    }

    @Test
    void actionsFallInsideTheDebtorsLocalWindowOnBusinessDays() {
        Instant saturdayNight = Instant.parse("2026-11-28T03:00:00Z"); // Friday 21:00 in Chicago
        ActionQueue.Plan plan = plan(List.of(simple("late", 20, 50_000)), QueueRules.defaults(), saturdayNight);
        var when = plan.entries().getFirst().action().when();
        assertThat(when.getZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(when.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(when.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aWrongContactIsFollowedByTheNextRecipientAtOnceAndALegalHoldLeavesTheAccountOut() {
        java.util.function.BiFunction<String, Instant, AccountActivity> lastHeard = (status, at) -> new AccountActivity(
                List.of(new AccountActivity.Touch(dev.aragent.agent.drafting.Channel.EMAIL, false, at)),
                List.of(),
                List.of(),
                0,
                Optional.of(new AccountActivity.Outcome(status, "closed", at)),
                false,
                Optional.empty());
        Instant yesterday = NOW.minusSeconds(86_400);
        List<AccountRecord> accounts = List.of(
                account(
                        "redirected",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        lastHeard.apply("wrong_contact", yesterday)),
                account(
                        "held",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        lastHeard.apply("legal_hold", NOW.minusSeconds(86_400 * 20))),
                account(
                        "answered",
                        "retail",
                        List.of(),
                        contact(false, false),
                        List.of(new long[] {20, 50_000}),
                        List.of(),
                        lastHeard.apply("no_commitment", yesterday)));

        ActionQueue.Plan plan = plan(accounts, QueueRules.defaults(), NOW);

        // "not me" yesterday: the next recipient now; a step already taken otherwise waits; a legal hold stays out
        assertThat(plan.entries()).extracting(e -> e.customer().value()).containsExactly("redirected");
        assertThat(plan.skipped())
                .extracting(ActionQueue.Skip::reason)
                .singleElement()
                .asString()
                .startsWith("legal hold");
    }

    @Test
    void aStepAlreadyTakenWaitsForTheNextOne() {
        AccountRecord account = simple("touched", 20, 50_000);
        OutreachLog.Executed done = stepFourteenTwoDaysAgo(account, "touched-0");
        ActionQueue.Plan plan = plan(List.of(account), QueueRules.defaults(), NOW, List.of(done));
        assertThat(plan.entries()).isEmpty();
        assertThat(plan.waiting()).isEqualTo(1);
    }

    @Test
    void pastTheLastStepEachRepeatIsAStepOfItsOwn() {
        // 45 days late: the +30 step was taken 15 days ago; the repeat began on day 44
        AccountRecord account = simple("old", 45, 50_000);
        OutreachLog.Executed thirty = taken(account, 30, Outreach.FINAL_NOTICE, 15, "old-0");

        ActionQueue.Plan plan = plan(List.of(account), QueueRules.defaults(), NOW, List.of(thirty));

        assertThat(plan.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.action().step()).isEqualTo(44));
    }

    @Test
    void aNewInvoicesReminderIsNotLostWhileAnOlderOneWaitsForItsNextStep() {
        // 20 days late (step 14 began 6 days ago, touched 2 days ago) and, since today, another due in 7 days (step -7)
        AccountRecord account = account(
                "two",
                "retail",
                List.of(),
                contact(false, false),
                List.of(new long[] {20, 50_000}, new long[] {-7, 30_000}),
                List.of(),
                AccountActivity.none());
        OutreachLog.Executed done = stepFourteenTwoDaysAgo(account, "two-0");

        ActionQueue.Plan plan = plan(List.of(account), QueueRules.defaults(), NOW, List.of(done));

        assertThat(plan.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.action().step())
                        .as("the account's step is still the oldest invoice's")
                        .isEqualTo(14));
        assertThat(Screening.stepDay(List.of(-7, 0, 7, 14, 30), 20)).isEqualTo(14);
        assertThat(Screening.stepDay(List.of(-7, 0, 7, 14, 30), 50)).isEqualTo(44);
        assertThat(Screening.stepDay(List.of(-7, 0, 7, 14, 30), -7)).isEqualTo(-7);
    }

    @Test
    void thompsonSamplingFavoursWhatWorked() {
        List<StrategyLearner.Result> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            results.add(new StrategyLearner.Result("restaurants", 30, Outreach.PAYMENT_PLAN_OFFER, i % 10 < 7));
            results.add(new StrategyLearner.Result("restaurants", 30, Outreach.ESCALATION_NOTICE, i % 10 < 2));
        }
        StrategyLearner learner = new StrategyLearner(results);
        SplittableRandom random = new SplittableRandom(1);
        int plans = 0;
        for (int i = 0; i < 1_000; i++) {
            var choice = learner.choose(
                    "restaurants", 30, List.of(Outreach.ESCALATION_NOTICE, Outreach.PAYMENT_PLAN_OFFER), random);
            if (choice.strategy() == Outreach.PAYMENT_PLAN_OFFER) {
                plans++;
            }
        }
        assertThat(plans).isGreaterThan(980);
        var untried = learner.choose(
                "retail",
                30,
                List.of(Outreach.ESCALATION_NOTICE, Outreach.PAYMENT_PLAN_OFFER),
                new SplittableRandom(2));
        assertThat(untried.why()).contains("payment plan offer 0/0");
        assertThat(StrategyLearner.beta(3, 1, new SplittableRandom(5))).isBetween(0.0, 1.0);
    }
}
