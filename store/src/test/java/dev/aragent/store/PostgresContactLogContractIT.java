package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.ContactLogContract;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PostgresContactLog} against the contract, over rows written as conversations write them (the owner's
 * connections, as {@link PostgresContactLogIT} does); customers come in through the ledger, as an aging import brings
 * them.
 */
class PostgresContactLogContractIT implements ContactLogContract {
    private static final String CONVERSATION = """
            insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, reply_token,
                                       opened_at, updated_at)
            values (?, ?, ?, 'email', ?, ?, ?, ?)""";
    private static final String MESSAGE = """
            insert into messages (tenant_id, message_id, conversation_id, direction, channel, external_id,
                                  from_address, to_address, status, occurred_at, kind)
            values (?, ?, ?, ?, ?, ?, 'a', 'b', ?, ?, ?)""";
    private static final String PROMISE = """
            insert into promises (tenant_id, promise_id, conversation_id, currency, amount_minor, due_on, status,
                                  created_at, resolved_at)
            values (?, ?, ?, 'USD', 100, ?, ?, ?, ?)""";
    private static final String DISPUTE = """
            insert into disputes (tenant_id, dispute_id, conversation_id, invoice_number, reason, status, opened_at)
            values (?, ?, ?, 'INV-1', 'damaged', ?, ?)""";
    private static final String DISPOSITION = """
            insert into dispositions (tenant_id, disposition_id, conversation_id, payment_status, retry_date,
                                      created_at, customer_key)
            select ?, ?, ?, ?, ?, ?, customer_key from conversations where tenant_id = ? and conversation_id = ?""";

    private static Database db;
    private static ContactLog log;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        log = PostgresContactLog.create(db);
    }

    @Override
    public ContactLog log() {
        return log;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    @Override
    public ConversationId givenConversation(TenantId tenant, CustomerKey customer, Stage stage, Instant updatedAt) {
        PostgresLedger.create(db, Clock.fixed(NOW, ZoneOffset.UTC))
                .apply(
                        tenant,
                        Books.aging(
                                List.of(Books.customer(customer.value(), "Blue Fern Bistro")), List.of(), List.of()),
                        Books.audit(ImportKind.AGING, 1));
        ConversationId id = ConversationId.random();
        db.jdbi()
                .useHandle(h -> h.execute(
                        CONVERSATION,
                        tenant.value(),
                        id.value(),
                        customer.value(),
                        stage.code(),
                        "tok-" + id.value(),
                        utc(updatedAt.minusSeconds(30L * 24 * 3_600)),
                        utc(updatedAt)));
        return id;
    }

    /** How a conversation stores a message of each fate. */
    private record Row(String direction, String status, Optional<String> kind) {}

    @Override
    public void givenMessage(TenantId tenant, ConversationId conversation, Channel channel, Fate fate, Instant at) {
        Row row =
                switch (fate) {
                    case SENT -> new Row("outbound", "sent", Optional.empty());
                    case DELIVERED -> new Row("outbound", "delivered", Optional.empty());
                    case READ -> new Row("outbound", "read", Optional.empty());
                    case FAILED_SEND -> new Row("outbound", "failed", Optional.empty());
                    case RECEIVED -> new Row("inbound", "processed", Optional.of("personal"));
                    case AUTO_REPLY -> new Row("inbound", "processed", Optional.of("auto_reply"));
                    case BOUNCE -> new Row("inbound", "processed", Optional.of("bounce"));
                    case QUARANTINED -> new Row("inbound", "quarantined", Optional.empty());
                };
        db.jdbi()
                .useHandle(h -> h.execute(
                        MESSAGE,
                        tenant.value(),
                        UUID.randomUUID(),
                        conversation.value(),
                        row.direction(),
                        channel.code(),
                        "ext-" + UUID.randomUUID(),
                        row.status(),
                        utc(at),
                        row.kind().orElse(null)));
    }

    @Override
    public void givenPromise(
            TenantId tenant,
            ConversationId conversation,
            LocalDate dueOn,
            PromiseRecord.Status status,
            Instant madeAt,
            Optional<Instant> resolvedAt) {
        db.jdbi()
                .useHandle(h -> h.execute(
                        PROMISE,
                        tenant.value(),
                        UUID.randomUUID(),
                        conversation.value(),
                        dueOn,
                        status.name().toLowerCase(Locale.ROOT),
                        utc(madeAt),
                        resolvedAt.map(PostgresContactLogContractIT::utc).orElse(null)));
    }

    @Override
    public void givenDispute(TenantId tenant, ConversationId conversation, boolean open, Instant openedAt) {
        db.jdbi()
                .useHandle(h -> h.execute(
                        DISPUTE,
                        tenant.value(),
                        UUID.randomUUID(),
                        conversation.value(),
                        open ? "open" : "resolved",
                        utc(openedAt)));
    }

    @Override
    public void givenDisposition(
            TenantId tenant,
            ConversationId conversation,
            String paymentStatus,
            Optional<LocalDate> retryOn,
            Instant at) {
        db.jdbi()
                .useHandle(h -> h.execute(
                        DISPOSITION,
                        tenant.value(),
                        UUID.randomUUID(),
                        conversation.value(),
                        paymentStatus,
                        retryOn.orElse(null),
                        utc(at),
                        tenant.value(),
                        conversation.value()));
    }
}
