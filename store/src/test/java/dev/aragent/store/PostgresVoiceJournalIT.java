package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.VoiceJournal;
import dev.aragent.agent.spi.VoiceJournalContract;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls in the store: the {@link VoiceJournalContract}, read back from {@code calls} and {@code call_lines}; and a call
 * that reached the wrong person stops calls and texts to the number it reached.
 */
class PostgresVoiceJournalIT implements VoiceJournalContract {
    private static Database db;
    private static PostgresVoiceJournal journal;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        journal = PostgresVoiceJournal.create(db);
    }

    @Override
    public VoiceJournal journal() {
        return journal;
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, List<String> invoices) {
        PostgresLedger.create(db, Clock.fixed(NOW, ZoneOffset.UTC))
                .apply(
                        tenant,
                        Books.aging(
                                List.of(Books.customer(customer.value(), "Blue Fern Bistro")),
                                invoices.stream()
                                        .map(i -> Books.open(
                                                customer.value(), i, LocalDate.of(2026, 10, 1), 120_000, 120_000))
                                        .toList(),
                                List.of()),
                        Books.audit(ImportKind.AGING, invoices.size()));
    }

    @Override
    public List<Line> transcript(TenantId tenant, String callSid) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("""
                                select speaker, text, at, took_ms from call_lines
                                where tenant_id = :t and call_sid = :sid order by line_no""")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .map((rs, ctx) -> new Line(
                                rs.getString("speaker"),
                                rs.getString("text"),
                                rs.getObject("at", OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getObject("took_ms", Integer.class))
                                        .map(Duration::ofMillis)))
                        .list());
    }

    @Override
    public Optional<Call> call(TenantId tenant, String callSid) {
        Optional<Call> call = db.jdbi()
                .withHandle(h -> h.createQuery("""
                                select conversation_id, started_at, outcome, ended_at from calls
                                where tenant_id = :t and call_sid = :sid""")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .map((rs, ctx) -> new Call(
                                new ConversationId(rs.getObject("conversation_id", UUID.class)),
                                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getString("outcome")),
                                Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)))
                        .findOne());
        assertThat(journal.outcome(tenant, callSid))
                .as("the outcome as the back office reads it")
                .isEqualTo(call.flatMap(Call::outcome));
        return call;
    }

    @Test
    void aCallThatReachedTheWrongPersonStopsCallsAndTextsToThatNumber() {
        TenantId t = TenantId.of("voice");
        PostgresLedger.create(db, Clock.fixed(NOW, ZoneOffset.UTC))
                .apply(
                        t,
                        Books.aging(
                                List.of(Books.customer("C-1", "Blue Fern Bistro")),
                                List.of(Books.open("C-1", "INV-1", LocalDate.of(2026, 10, 1), 100_000, 100_000)),
                                List.of()),
                        Books.audit(ImportKind.AGING, 1));
        PostgresVoiceJournal calls = PostgresVoiceJournal.create(db);
        var conversation = calls.open(t, CustomerKey.of("C-1"), List.of("INV-1"), NOW);
        calls.started(t, "CA-1", conversation, "+15555550100", NOW);
        calls.ended(t, "CA-1", "wrong_party", NOW.plusSeconds(30));

        String suppressed = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select sms_opt_out::text from contacts where tenant_id = 'voice' and phone = '+15555550100'")
                        .mapTo(String.class)
                        .one());
        assertThat(suppressed).isEqualTo("true");
        String task = db.jdbi()
                .withHandle(h -> h.createQuery("select kind from tasks where tenant_id = 'voice'")
                        .mapTo(String.class)
                        .one());
        assertThat(task).isEqualTo("find_contact");
    }
}
