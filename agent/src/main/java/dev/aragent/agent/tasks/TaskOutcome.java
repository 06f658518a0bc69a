package dev.aragent.agent.tasks;

import dev.aragent.agent.conversation.Disposition.PaymentStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may say happened when they close a task, and the payment status it records. An outcome with a date
 * (a promise, a call back) pauses the account's cadence until then; {@link #DONE} and {@link #SKIPPED} close the task
 * and say nothing of the debtor, so they record no disposition.
 */
public enum TaskOutcome {
    PROMISED("Reached: promised to pay", Optional.of(PaymentStatus.PROMISED), Need.DATE),
    CLAIMS_PAID("Reached: says it is paid (verify)", Optional.of(PaymentStatus.CLAIMED_PAID), Need.NOTHING),
    DISPUTED("Reached: disputes the invoice", Optional.of(PaymentStatus.DISPUTED), Need.NOTE),
    CALL_BACK("Reached: call back on a date", Optional.of(PaymentStatus.NEGOTIATING), Need.DATE),
    UNABLE_TO_PAY("Reached: cannot pay now", Optional.of(PaymentStatus.UNABLE_TO_PAY), Need.NOTE),
    NO_ANSWER("Not reached (voicemail left)", Optional.of(PaymentStatus.NO_COMMITMENT), Need.NOTHING),
    WRONG_CONTACT("Wrong number or person", Optional.of(PaymentStatus.WRONG_CONTACT), Need.NOTHING),
    DONE("Done", Optional.empty(), Need.NOTHING),
    SKIPPED("Skipped: not needed", Optional.empty(), Need.NOTE);

    /** What the outcome needs from the person besides itself. */
    public enum Need {
        NOTHING,
        DATE,
        NOTE
    }

    private final String label;
    private final Optional<PaymentStatus> status;
    private final Need need;

    TaskOutcome(String label, Optional<PaymentStatus> status, Need need) {
        this.label = label;
        this.status = status;
        this.need = need;
    }

    public String label() {
        return label;
    }

    /** The disposition's payment status, or empty when the outcome records none. */
    public Optional<PaymentStatus> paymentStatus() {
        return status;
    }

    public Need need() {
        return need;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome a form posted, or empty for any other word. */
    public static Optional<TaskOutcome> of(String code) {
        return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
    }
}
