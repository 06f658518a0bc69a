package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls in the store: a call that reached the wrong person stops calls and texts to the number it reached. */
class PostgresVoiceJournalIT {
    private static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");

    @Test
    void aCallThatReachedTheWrongPersonStopsCallsAndTextsToThatNumber() {
        Database db = TestDatabase.fresh();
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
