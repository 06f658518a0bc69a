package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CrmSink} adapter must do, seen from the CRM it writes to: each event lands once, with its customer,
 * contact, note and tasks, however often it is written (the outbox delivers at least once); a passing failure throws
 * {@link TransientFailure}, a refusal {@link PermanentFailure}. Each test starts with an empty CRM that accepts the
 * sink.
 */
public interface CrmSinkContract {
    CrmSink sink();

    /** The events as a person reading the CRM finds them, each once, in no particular order. */
    List<Received> received();

    /** The follow-ups the CRM holds for a person, each as the text a reader sees (which holds the task). */
    List<String> tasks();

    /** The CRM fails the next {@code n} writes of {@link #sink()} as a passing outage does (HTTP 503), then recovers. */
    void crmFailsNext(int n);

    /**
     * From now on the CRM refuses every write of {@link #sink()}, as when it no longer accepts the credentials the sink
     * holds (a revoked token, a rotated signing secret).
     */
    void crmRefusesTheSink();

    /**
     * One event as a reader of the CRM finds it. {@code note} is the text on its timeline, which holds the event's
     * note; {@code tenant} and {@code kind} are empty where the CRM is not told them.
     */
    record Received(
            Optional<TenantId> tenant,
            Optional<CrmEvent.Kind> kind,
            CustomerKey customer,
            Optional<String> contact,
            String note) {}

    Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    TenantId TENANT = TenantId.of("crm-sink-a");
    TenantId OTHER_TENANT = TenantId.of("crm-sink-b");
    CustomerKey BLUE_FERN = CustomerKey.of("C-1");
    CustomerKey ACME = CustomerKey.of("C-2");
    CustomerKey GLOBEX = CustomerKey.of("C-3");
    String MARIA = "maria@bluefern.example";

    /**
     * An event of {@code kind} as the core records it; its note and tasks name {@code id}, so no two events share them.
     */
    static CrmEvent event(String id, CrmEvent.Kind kind, CustomerKey customer, Optional<String> contact) {
        return new CrmEvent(
                id,
                kind,
                customer,
                "Customer " + customer.value(),
                contact,
                // a person's task closed outside any conversation has none
                kind == CrmEvent.Kind.TASK ? Optional.empty() : Optional.of(ConversationId.random()),
                NOW,
                properties(kind),
                note(kind) + " (event " + id + ").",
                tasks(kind, id));
    }

    private static String note(CrmEvent.Kind kind) {
        return switch (kind) {
            case DISPOSITION -> "Collections: promised, expected 2026-11-27";
            case PROMISE -> "Promised $1,200.00 by Nov 27 (\"after payroll\")";
            case DISPUTE -> "Dispute opened on INV-7: damaged goods";
            case CONTACT_CHANGE -> "Invoices go to ap@acme.example from now on";
            case APPROVAL -> "Approval granted by dana: 3 installments";
            case TASK -> "Task done by dana (apply credit memo): apply CM-9";
        };
    }

    private static Map<String, String> properties(CrmEvent.Kind kind) {
        return switch (kind) {
            case DISPOSITION ->
                Map.of("payment_status", "promised", "expected_payment_date", "2026-11-27", "dispute_reason", "");
            case PROMISE -> Map.of("currency", "USD", "total_minor", "120000", "installments", "1");
            case DISPUTE -> Map.of("dispute_reason", "damaged goods");
            case CONTACT_CHANGE -> Map.of("new_contact_info", "ap@acme.example");
            case APPROVAL -> Map.of("status", "approved", "by", "dana");
            case TASK -> Map.of("task", "apply_credit_memo", "status", "done", "by", "dana");
        };
    }

    private static List<String> tasks(CrmEvent.Kind kind, String id) {
        return switch (kind) {
            case PROMISE -> List.of("verify_payment: INV-1041 on 2026-11-27 (event " + id + ")");
            case DISPUTE ->
                List.of(
                        "review_dispute: INV-7 damaged goods (event " + id + ")",
                        "call_back: Acme about INV-7 (event " + id + ")");
            case DISPOSITION, CONTACT_CHANGE, APPROVAL, TASK -> List.of();
        };
    }

    /** What the CRM shows of {@code event}: exactly one entry holding its note. */
    default Received arrived(CrmEvent event) {
        List<Received> found =
                received().stream().filter(r -> r.note().contains(event.note())).toList();
        assertThat(found).as("what the CRM shows of %s", event.id()).hasSize(1);
        return found.getFirst();
    }

    /** How many of the CRM's follow-ups hold {@code task}. */
    default long tasksHolding(String task) {
        return tasks().stream().filter(t -> t.contains(task)).count();
    }

    @Test
    default void everyKindOfEventShouldArriveOnceWithItsCustomerContactNoteAndTasks() {
        List<CrmEvent> events = List.of(
                event("turn-1:disposition", CrmEvent.Kind.DISPOSITION, BLUE_FERN, Optional.of(MARIA)),
                event("turn-1:promise", CrmEvent.Kind.PROMISE, BLUE_FERN, Optional.of(MARIA)),
                event("turn-2:dispute", CrmEvent.Kind.DISPUTE, ACME, Optional.empty()),
                event("turn-3:contact_change", CrmEvent.Kind.CONTACT_CHANGE, ACME, Optional.of("ap@acme.example")),
                event("approval-4:approval", CrmEvent.Kind.APPROVAL, GLOBEX, Optional.empty()),
                event("task-5:task", CrmEvent.Kind.TASK, GLOBEX, Optional.empty()));
        assertThat(events).extracting(CrmEvent::kind).containsExactlyInAnyOrder(CrmEvent.Kind.values());

        events.forEach(e -> sink().write(TENANT, e));

        assertThat(received()).hasSameSizeAs(events);
        for (CrmEvent e : events) {
            Received r = arrived(e);
            assertThat(r.customer()).as("customer of %s", e.id()).isEqualTo(e.customer());
            assertThat(r.contact()).as("contact of %s", e.id()).isEqualTo(e.contactEmail());
            assertThat(r.kind()).as("kind of %s, where shown", e.id()).isIn(Optional.empty(), Optional.of(e.kind()));
            assertThat(r.tenant()).as("tenant of %s, where shown", e.id()).isIn(Optional.empty(), Optional.of(TENANT));
        }
        List<String> followUps =
                events.stream().flatMap(e -> e.tasks().stream()).toList();
        assertThat(tasks()).hasSameSizeAs(followUps);
        for (String t : followUps) {
            assertThat(tasksHolding(t)).as("follow-up %s", t).isEqualTo(1);
        }
    }

    @Test
    default void theSameEventWrittenTwiceShouldBeThereOnce() {
        CrmEvent disposition = event("turn-1:disposition", CrmEvent.Kind.DISPOSITION, BLUE_FERN, Optional.of(MARIA));
        CrmEvent promise = event("turn-1:promise", CrmEvent.Kind.PROMISE, BLUE_FERN, Optional.of(MARIA));

        sink().write(TENANT, disposition);
        sink().write(TENANT, promise);
        sink().write(TENANT, disposition); // the outbox redelivers: its acknowledgement was lost
        sink().write(TENANT, promise);

        assertThat(received()).hasSize(2);
        assertThat(arrived(disposition).customer()).isEqualTo(BLUE_FERN);
        assertThat(arrived(promise).customer()).isEqualTo(BLUE_FERN);
        assertThat(tasks()).hasSameSizeAs(promise.tasks());
        assertThat(tasksHolding(promise.tasks().getFirst())).isEqualTo(1);
    }

    @Test
    default void aPassingFailureShouldThrowTransientFailureAndARetryShouldLandTheEventOnce() {
        CrmEvent dispute = event("turn-2:dispute", CrmEvent.Kind.DISPUTE, ACME, Optional.empty());
        crmFailsNext(2);

        assertThatThrownBy(() -> sink().write(TENANT, dispute)).isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() -> sink().write(TENANT, dispute)).isInstanceOf(TransientFailure.class);
        sink().write(TENANT, dispute);

        assertThat(received()).hasSize(1);
        assertThat(arrived(dispute).customer()).isEqualTo(ACME);
        assertThat(tasks()).hasSameSizeAs(dispute.tasks());
    }

    @Test
    default void aWriteTheCrmRefusesShouldThrowPermanentFailureEveryTimeAndLandNothing() {
        CrmEvent promise = event("turn-1:promise", CrmEvent.Kind.PROMISE, BLUE_FERN, Optional.of(MARIA));
        crmRefusesTheSink();

        assertThatThrownBy(() -> sink().write(TENANT, promise)).isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> sink().write(TENANT, promise))
                .as("retrying cannot help")
                .isInstanceOf(PermanentFailure.class);

        assertThat(received()).isEmpty();
        assertThat(tasks()).isEmpty();
    }

    @Test
    default void twoTenantsEventsShouldStayApartWhereTheCrmIsToldTheTenant() {
        CrmEvent ours = event("turn-1:disposition", CrmEvent.Kind.DISPOSITION, BLUE_FERN, Optional.empty());
        CrmEvent theirs = event("turn-9:disposition", CrmEvent.Kind.DISPOSITION, BLUE_FERN, Optional.empty());

        sink().write(TENANT, ours);
        sink().write(OTHER_TENANT, theirs);

        // a CRM that is not told the tenant is one tenant's own (a portal each): both land, once each, as written
        assertThat(arrived(ours).tenant()).isIn(Optional.empty(), Optional.of(TENANT));
        assertThat(arrived(theirs).tenant()).isIn(Optional.empty(), Optional.of(OTHER_TENANT));
        assertThat(arrived(ours).customer()).isEqualTo(arrived(theirs).customer());
    }
}
