package dev.aragent.agent.approval;

import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Ruling;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Policies;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRecords;
import dev.aragent.agent.risk.AccountRisk;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Scoring;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.MailJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a person sees to decide an approval (a use case): the account's whole open balance as every message states
 * it, whether the approval has gone stale (the balance moved, or the agent has offered other terms since), the limits
 * a person may approve within, the account's payment risk with its top factors (a probability, not a verdict), the
 * reply the debtor would get if it is approved, and when it lapses. Slack, the console and the API show the same card.
 */
public final class ApprovalCards {
    private final Ledger ledger;
    private final ContactLog contacts;
    private final MailJournal conversations;
    private final Policies policies;
    private final Function<TenantId, Optional<RiskModel>> risk;
    private final TurnTaker turnTaker;
    private final Duration expireAfter;
    private final Clock clock;

    private ApprovalCards(
            Ledger ledger,
            ContactLog contacts,
            MailJournal conversations,
            Policies policies,
            Function<TenantId, Optional<RiskModel>> risk,
            TurnTaker turnTaker,
            Duration expireAfter,
            Clock clock) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.conversations = conversations;
        this.policies = policies;
        this.risk = risk;
        this.turnTaker = turnTaker;
        this.expireAfter = expireAfter;
        this.clock = clock;
    }

    /** Cards over the tenant's book; {@code risk} is the tenant's current model when one is trained. */
    public static ApprovalCards create(
            Ledger ledger,
            ContactLog contacts,
            MailJournal conversations,
            Policies policies,
            Function<TenantId, Optional<RiskModel>> risk,
            TurnTaker turnTaker,
            Duration expireAfter,
            Clock clock) {
        return new ApprovalCards(ledger, contacts, conversations, policies, risk, turnTaker, expireAfter, clock);
    }

    /** The card of {@code a} as it stands now. */
    public ApprovalCard card(TenantId tenant, Approval a) {
        Optional<AccountRecord> record = AccountRecords.load(ledger, contacts, tenant, a.customer());
        ConversationState state = conversations.state(tenant, a.conversation());
        // the account's total exposure, as every message states it (not the invoices the conversation began with)
        Money balance = ledger.standing(tenant, a.customer()).total();
        String limits = record.map(r -> "a person may approve "
                        + policies.forCustomer(r.customer()).approvable().describe())
                .orElse("");
        Optional<String> draft = Optional.empty();
        if (a.status() == Approval.Status.PENDING
                && turnTaker.approved(
                                tenant,
                                state,
                                a.proposed(),
                                "preview",
                                a.debtorsOwn(),
                                Optional.empty(),
                                clock.instant())
                        instanceof Ruling.Carried c) {
            draft = c.record().replyText();
        }
        Optional<AccountRisk> r = record.flatMap(x -> risk(tenant, x));
        return new ApprovalCard(
                a,
                balance,
                r.map(AccountRisk::probability),
                r.map(AccountRisk::factors).orElse(List.of()),
                draft,
                a.deadline(expireAfter),
                state.lastOffer(),
                limits,
                stale(a, state, balance));
    }

    /**
     * Why deciding a pending approval now would answer an old question: the open balance changed since it was asked,
     * or a later turn offered other terms.
     */
    static Optional<String> stale(Approval a, ConversationState state, Money balance) {
        if (a.status() != Approval.Status.PENDING) {
            return Optional.empty();
        }
        if (!balance.equals(a.proposed().balance())) {
            return Optional.of("the open balance is now " + balance.format() + ", not "
                    + a.proposed().balance().format() + " as when this was asked");
        }
        boolean offeredSince = state.lastOffer().isPresent()
                && state.lastStrategy()
                        .map(st -> st == Strategy.COUNTER_OFFER || st == Strategy.OFFER_OPTIONS)
                        .orElse(false)
                && state.lastOutboundAt().map(t -> t.isAfter(a.requestedAt())).orElse(false);
        return offeredSince
                ? Optional.of("the agent has offered " + state.lastOffer().get().describe() + " since this was asked")
                : Optional.empty();
    }

    private Optional<AccountRisk> risk(TenantId tenant, AccountRecord record) {
        return AccountRisk.of(
                Scoring.of(risk.apply(tenant), List.of(record), Tone.lexicon(), clock.instant()),
                record,
                LocalDate.now(clock));
    }
}
