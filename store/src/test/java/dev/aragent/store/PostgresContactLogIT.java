package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contact log and outreach log read what conversations and the scheduler wrote, tenant by tenant. */
class PostgresContactLogIT {
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId OTHER = TenantId.of("other");
    private static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        for (TenantId t : List.of(ACME, OTHER)) {
            PostgresLedger.create(db, Clock.fixed(NOW, ZoneOffset.UTC))
                    .apply(
                            t,
                            Books.aging(
                                    List.of(Books.customerWithEmail("c1", "Blue Fern Bistro", "ap@bluefern.example")),
                                    List.of(Books.open("c1", "INV-1", LocalDate.of(2026, 10, 1), 100, 100)),
                                    List.of()),
                            Books.audit(ImportKind.AGING, 1));
        }
    }

    private static OffsetDateTime at(long hoursBefore) {
        return OffsetDateTime.ofInstant(NOW.minusSeconds(hoursBefore * 3_600), ZoneOffset.UTC);
    }

    @Test
    void activityHoldsPersonalMessagesPromisesDisputesAndTheLatestDisposition() {
        UUID conversation = UUID.randomUUID();
        db.jdbi().useHandle(h -> {
            h.execute("""
                    insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, reply_token,
                                               opened_at, updated_at)
                    values ('acme', ?, 'c1', 'email', 'promised', 'tok1', ?, ?)""", conversation, at(100), at(1));
            String message = """
                    insert into messages (tenant_id, message_id, conversation_id, direction, channel, external_id,
                                          from_address, to_address, status, occurred_at, kind)
                    values ('acme', ?, ?, ?, 'email', ?, 'a', 'b', ?, ?, ?)""";
            h.execute(message, UUID.randomUUID(), conversation, "outbound", "m1", "sent", at(90), null);
            h.execute(message, UUID.randomUUID(), conversation, "inbound", "m2", "processed", at(80), "auto_reply");
            h.execute(message, UUID.randomUUID(), conversation, "outbound", "m3", "sent", at(70), null);
            h.execute(message, UUID.randomUUID(), conversation, "inbound", "m4", "processed", at(60), "personal");
            h.execute(message, UUID.randomUUID(), conversation, "outbound", "m5", "failed", at(50), null);
            h.execute("""
                    insert into promises (tenant_id, promise_id, conversation_id, currency, amount_minor, due_on, status,
                                          created_at, resolved_at)
                    values ('acme', ?, ?, 'USD', 100, '2026-11-10', 'broken', ?, ?)""", UUID.randomUUID(), conversation, at(300), at(200));
            h.execute("""
                    insert into disputes (tenant_id, dispute_id, conversation_id, invoice_number, reason, status,
                                          opened_at)
                    values ('acme', ?, ?, 'INV-1', 'damaged', 'open', ?)""", UUID.randomUUID(), conversation, at(40));
            String disposition = """
                    insert into dispositions (tenant_id, disposition_id, conversation_id, payment_status, retry_date,
                                              created_at, customer_key)
                    values ('acme', ?, ?, ?, ?, ?, 'c1')""";
            h.execute(disposition, UUID.randomUUID(), conversation, "negotiating", null, at(60));
            h.execute(disposition, UUID.randomUUID(), conversation, "promised", LocalDate.of(2026, 11, 27), at(59));
        });

        var activity = PostgresContactLog.create(db).activity(ACME);
        AccountActivity a = activity.get(CustomerKey.of("c1"));
        assertThat(a.touches())
                .extracting(AccountActivity.Touch::inbound)
                .containsExactly(false, false, true); // the auto-reply and the failed send do not count
        assertThat(a.touches()).allMatch(t -> t.channel() == Channel.EMAIL);
        assertThat(a.unansweredBy(NOW)).isZero();
        assertThat(a.promises())
                .singleElement()
                .satisfies(p -> assertThat(p.brokenBy(NOW)).isTrue());
        assertThat(a.openDisputes()).isEqualTo(1);
        assertThat(a.lastOutcome().orElseThrow().paymentStatus()).isEqualTo("promised");
        assertThat(a.cadencePaused()).isTrue();
        assertThat(a.retryOn()).contains(LocalDate.of(2026, 11, 27));
        assertThat(PostgresContactLog.create(db).activity(OTHER)).isEmpty();
        // one account read alone (an approval card) is the same as its entry in the whole book; another's has none
        assertThat(PostgresContactLog.create(db).activity(ACME, CustomerKey.of("c1")))
                .isEqualTo(a);
        assertThat(PostgresContactLog.create(db).activity(OTHER, CustomerKey.of("c1")))
                .isEqualTo(AccountActivity.none());
    }

    @Test
    void anOutreachStepIsRecordedOnceAndOnlyForItsTenant() {
        PostgresOutreachLog log = PostgresOutreachLog.create(db, Clock.fixed(NOW, ZoneOffset.UTC));
        OutreachLog.Executed action = new OutreachLog.Executed(
                CustomerKey.of("c1"), "retail", 14, Outreach.VALUE_ADDED_FOLLOW_UP, Reach.EMAIL, NOW, List.of("INV-1"));
        assertThat(log.record(ACME, action)).isTrue();
        assertThat(log.record(ACME, action)).isFalse();
        assertThat(log.record(OTHER, action)).isTrue();
        assertThat(log.executed(ACME)).containsExactly(action);
        log.handOff(ACME, CustomerKey.of("c1"), "call_debtor", "call Blue Fern about INV-1");
        List<String> tasks = db.jdbi()
                .withHandle(
                        h -> h.createQuery("select detail from tasks where tenant_id = 'acme' and kind = 'call_debtor'")
                                .mapTo(String.class)
                                .list());
        assertThat(tasks).containsExactly("call Blue Fern about INV-1");
        assertThatThrownBy(() -> log.record(
                        ACME,
                        new OutreachLog.Executed(
                                CustomerKey.of("c1"), "", 30, Outreach.FINAL_NOTICE, Reach.CALL, NOW, List.of())))
                .hasMessageContaining("at least one invoice");
    }
}
