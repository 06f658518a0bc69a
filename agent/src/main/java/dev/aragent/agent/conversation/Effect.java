package dev.aragent.agent.conversation;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A state change a handled message causes, written in the same transaction as the message and the reply. Only the
 * playbook creates effects, and only from policy decisions and verified facts: a debtor's words alone never change
 * money, dates or account state.
 */
public sealed interface Effect {
    /** Promised payments (one, or a plan's installments) to watch for. */
    record RecordPromises(Terms terms) implements Effect {}

    /** A promise's due date passed: kept (the payment came) or broken. */
    record SettlePromise(java.util.UUID promise, PromiseRecord.Status outcome) implements Effect {}

    /** A dispute on an invoice: collection on it pauses until it is resolved. */
    record OpenDispute(String invoiceNumber, Money amount, String reason) implements Effect {}

    /** New contact details to add (and flag for the CRM). */
    record CaptureContact(Disposition.ContactChange change) implements Effect {}

    /**
     * The person who wrote this message said the account is not theirs: they are written to, texted and called no
     * more, on any channel (the store finds them by the message's sender).
     */
    record NotResponsible() implements Effect {}

    /**
     * The debtor asked us to call: consent to a call (by a person or an AI voice) is on record for the number they gave,
     * or else for the phone of the contact who wrote.
     */
    record VoiceConsent(Optional<String> phone) implements Effect {}

    /** The address asked to receive no more messages on this channel. */
    record OptOut(String address) implements Effect {}

    /**
     * A proposal a person must approve; {@code fallback} is what the agent may offer if they refuse. {@code debtorsOwn}:
     * the debtor proposed these terms themself (approved as asked, they are agreed); otherwise (the most a person may
     * approve, offered after the debtor refused ours) an approval only lets the agent offer them, and the debtor's yes
     * agrees them.
     */
    record RequestApproval(
            Terms proposed, String approver, Optional<Terms> fallback, List<String> reasons, boolean debtorsOwn)
            implements Effect {
        public RequestApproval {
            reasons = List.copyOf(reasons);
        }
    }

    /** Work for a person or a later step: route a dispute to billing, verify a payment, call the debtor, … */
    record Task(TaskKind kind, String detail, Optional<LocalDate> due) implements Effect {}

    enum TaskKind {
        BILLING_DISPUTE,
        VERIFY_PAYMENT,
        CRM_CONTACT_UPDATE,
        CALL_DEBTOR,
        SEND_INVOICE_COPY,
        SEND_PAYMENT_DETAILS,
        ANSWER_QUESTION,
        CHANGE_CHANNEL,
        HUMAN_REVIEW,
        LEGAL_HOLD;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
