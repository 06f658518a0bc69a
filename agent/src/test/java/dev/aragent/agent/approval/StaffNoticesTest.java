package dev.aragent.agent.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.Disposition;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.spi.SmsJournalContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffNoticesTest {
    static final CustomerKey C7 = CustomerKey.of("C-7");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static List<StaffNotices.Notice> of(Effect... effects) {
        return StaffNotices.of(
                C7,
                SmsJournalContract.turn(
                        Stage.ENGAGED,
                        SmsJournalContract.disposition(Disposition.PaymentStatus.NO_COMMITMENT, Optional.empty()),
                        List.of(effects)),
                TODAY);
    }

    @Test
    void aDisputeIsToldOncePerInvoiceWithItsAmountAndReason() {
        assertThat(of(new Effect.OpenDispute("INV-1042", Money.of(125_000, "USD"), "short shipment")))
                .containsExactly(new StaffNotices.Notice(
                        "dispute_opened",
                        "C-7:INV-1042",
                        "Dispute opened by C-7 on INV-1042 ($1,250.00): short shipment"));
    }

    @Test
    void aSecondBrokenPromiseAsksStaffForACallOncePerDay() {
        Effect.Task call = new Effect.Task(
                Effect.TaskKind.CALL_DEBTOR,
                StaffNotices.SECOND_BROKEN_PROMISE + ": $900.00 due 2026-11-20 not received",
                Optional.of(TODAY));

        assertThat(of(call))
                .containsExactly(new StaffNotices.Notice(
                        "promise_broken_twice",
                        "C-7:2026-11-23",
                        "Second broken promise by C-7: second broken promise: $900.00 due 2026-11-20 not received."
                                + " A call is needed."));
    }

    @Test
    void otherTasksAndEffectsRaiseNoNotice() {
        assertThat(of(
                        new Effect.Task(Effect.TaskKind.CALL_DEBTOR, "the debtor asked for a call", Optional.empty()),
                        new Effect.Task(Effect.TaskKind.VERIFY_PAYMENT, "paid by check", Optional.empty())))
                .isEmpty();
    }

    @Test
    void anApprovalThatLapsedIsToldToStaffOnceAndADecisionIsNot() {
        java.util.UUID id = java.util.UUID.fromString("00000000-0000-0000-0000-000000000042");
        java.time.Instant at = java.time.Instant.parse("2026-11-23T15:00:00Z");

        assertThat(StaffNotices.lapsed(
                        C7,
                        new Approval.Resolution(
                                id,
                                Approval.Status.EXPIRED,
                                "system",
                                at,
                                Optional.of("no decision in 48 hours"),
                                Optional.empty())))
                .contains(new StaffNotices.Notice(
                        "approval_expired", id.toString(), "Approval for C-7 expired: no decision in 48 hours"));
        assertThat(StaffNotices.lapsed(
                                C7,
                                new Approval.Resolution(
                                        id,
                                        Approval.Status.WITHDRAWN,
                                        "system",
                                        at,
                                        Optional.empty(),
                                        Optional.empty()))
                        .map(StaffNotices.Notice::kind))
                .contains("approval_stale");
        assertThat(StaffNotices.lapsed(
                        C7,
                        new Approval.Resolution(
                                id,
                                Approval.Status.APPROVED,
                                "dana@northwind.example",
                                at,
                                Optional.empty(),
                                Optional.empty())))
                .isEmpty();
    }
}
