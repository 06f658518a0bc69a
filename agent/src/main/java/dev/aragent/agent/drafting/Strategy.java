package dev.aragent.agent.drafting;

import java.util.Locale;

/** What a reply does, decided by the playbook; the drafter only words it. */
public enum Strategy {
    /** A cadence reminder (Day −7, 0, +7, +14, +30). */
    REMINDER,
    /** A single promised payment, confirmed. */
    CONFIRM_PROMISE,
    /** A payment plan, agreed inside policy. */
    CONFIRM_PLAN,
    /** The debtor's proposal is outside policy: the best allowed offer instead. */
    COUNTER_OFFER,
    /** The options the debtor has, unprompted (hardship, a vague request). */
    OFFER_OPTIONS,
    /** They will pay but said not when. */
    ASK_DATE,
    /** A person must approve what they asked; nothing is promised yet. */
    APPROVAL_PENDING,
    /** The payment they mention is in the books. */
    PAYMENT_FOUND,
    /** The payment they mention is not in the books yet: remittance details, please. */
    ASK_REMITTANCE,
    /** The dispute is logged, collection on that invoice paused, billing is looking. */
    DISPUTE_LOGGED,
    /** The new contact is noted: we write to them from now on, never to this address again. */
    CONTACT_UPDATED,
    /** Not the right person and no one named: we will not write to this address again. */
    CONTACT_UNKNOWN,
    /** A legal threat or an attorney: a person takes the account over; no more automated messages. */
    LEGAL_HOLD,
    /** The invoice details they asked for. */
    INVOICE_COPY,
    /** A person reads the reply first: it held an instruction addressed to the system. */
    REVIEW,
    /** How to pay, and that a person sends the bank details and forms they asked for. */
    PAYMENT_INFO,
    /** An answer from the account's records. */
    ANSWER,
    /** Someone will call them. */
    ESCALATE_CALL,
    /** A complaint about us: an apology, and a person will look at the account and answer. */
    COMPLAINT_HEARD,
    /** A promise date passed without the payment. */
    PROMISE_BROKEN,
    /** No answer yet: a gentle follow-up. */
    FOLLOW_UP,
    /** A courteous reply that restates the account and the options (unclear or manipulative messages). */
    ACKNOWLEDGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
