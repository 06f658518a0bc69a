package dev.aragent.agent.conversation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The structured outcome of one handled message, as the store, the audit log and the CRM record it: payment status,
 * expected payment date, dispute reason, new contact information, whether a person must step in, when to try again.
 */
public record Disposition(
        PaymentStatus paymentStatus,
        Optional<LocalDate> expectedPaymentDate,
        Optional<String> disputeReason,
        Optional<ContactChange> newContactInfo,
        boolean escalationNeeded,
        Optional<LocalDate> retryDate) {

    public enum PaymentStatus {
        PAID_VERIFIED,
        CLAIMED_PAID,
        PROMISED,
        PLAN_AGREED,
        PENDING_APPROVAL,
        NEGOTIATING,
        DISPUTED,
        UNABLE_TO_PAY,
        NO_COMMITMENT,
        OPTED_OUT,
        WRONG_CONTACT,
        AWAY,
        /** A legal threat or an attorney: a person handles the account; no automated message until they release it. */
        LEGAL_HOLD;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** New contact details a debtor gave. */
    public record ContactChange(Optional<String> email, Optional<String> phone, Optional<String> name) {
        public boolean isEmpty() {
            return email.isEmpty() && phone.isEmpty() && name.isEmpty();
        }
    }

    public Disposition {
        Objects.requireNonNull(paymentStatus, "paymentStatus");
    }
}
