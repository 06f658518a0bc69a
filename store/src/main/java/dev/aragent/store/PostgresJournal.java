package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Recorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * What the email and SMS journals share (ADR 0030): one {@code conversations} table and one {@code outbox}, told apart
 * by channel; a conversation's state, the ones due for a follow-up, writing a follow-up turn with its messages, and
 * claiming the due messages for a sender. Each journal adds what only its channel has (threads by Message-ID or by
 * phone, consent, delivery receipts) and says how one of its messages is queued and read back.
 *
 * @param <O> the channel's outbound message
 */
abstract sealed class PostgresJournal<O extends dev.aragent.agent.conversation.Outgoing>
        permits PostgresMailJournal, PostgresSmsJournal {
    final Tenanted jdbi;
    final Clock clock;
    /** The {@code conversations.channel} and {@code outbox.topic} value: {@code email} or {@code sms}. */
    private final String channel;
    /** How the channel is named in a failure's message. */
    private final String noun;

    private final Queueing<O> queueing;
    private final Leasing<O> leasing;

    /** Queues one outbound message (its row and its outbox row) in the caller's transaction. */
    interface Queueing<O> {
        void queue(Handle h, TenantId tenant, O message, OffsetDateTime now);
    }

    /** Leases up to {@code max} due messages until {@code until} and reads them back, in the caller's transaction. */
    interface Leasing<O> {
        List<O> claim(Handle h, TenantId tenant, int max, OffsetDateTime now, OffsetDateTime until);
    }

    PostgresJournal(Tenanted jdbi, Clock clock, String channel, String noun, Queueing<O> queueing, Leasing<O> leasing) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.channel = channel;
        this.noun = noun;
        this.queueing = queueing;
        this.leasing = leasing;
    }

    final OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    public final ConversationState state(TenantId tenant, ConversationId conversation) {
        return jdbi.withHandle(
                "read " + noun + " conversation state", tenant, h -> TurnRows.state(h, tenant, conversation));
    }

    public final List<ConversationId> dueForFollowUp(TenantId tenant, Instant now, Duration quiet) {
        return jdbi.withHandle(
                "find " + noun + " conversations to follow up",
                tenant,
                h -> TurnRows.dueForFollowUp(h, tenant, channel, now, quiet));
    }

    public final void answered(TenantId tenant, ConversationId conversation) {
        jdbi.useHandle(
                "mark " + noun + " conversation answered",
                tenant,
                h -> h.createUpdate(
                                "update conversations set unanswered = 0 where tenant_id = :t and conversation_id = :c")
                        .bind("t", tenant.value())
                        .bind("c", conversation.value())
                        .execute());
    }

    public final void followUp(TenantId tenant, ConversationId conversation, TurnRecord turn, List<O> messages) {
        jdbi.useTransaction("write " + noun + " follow-up", tenant, h -> {
            for (O m : messages) {
                queueing.queue(h, tenant, m, now());
                OutboxRows.chasing(
                        h,
                        tenant,
                        m instanceof dev.aragent.agent.conversation.OutboundEmail ? "email" : "sms",
                        m.id().toString());
            }
            TurnRows.write(h, tenant, conversation, Optional.empty(), turn, now());
        });
    }

    /**
     * The customer with a contact that meets {@code condition} (SQL over {@code contacts}, {@code :v} standing for
     * {@code value}); the first by key when several do.
     */
    final Optional<CustomerKey> customerWhere(TenantId tenant, String condition, String value) {
        return jdbi.withHandle(
                "find customer by " + noun + " contact",
                tenant,
                h -> h.createQuery("select customer_key from contacts where tenant_id = :t and " + condition
                                + " order by customer_key limit 1")
                        .bind("t", tenant.value())
                        .bind("v", value)
                        .mapTo(String.class)
                        .findOne()
                        .map(CustomerKey::of));
    }

    /**
     * Stores an inbound message once: a new row with the channel's own {@code columns} unless it conflicts with one
     * stored before, which {@code earlier} finds; then that row and whether it was processed.
     */
    final Recorded inbound(
            Handle h,
            TenantId tenant,
            String externalId,
            Instant at,
            SequencedMap<String, Object> columns,
            Function<Handle, Query> earlier) {
        UUID id = UUID.randomUUID();
        Update insert = h.createUpdate("insert into messages (tenant_id, message_id, direction, channel, external_id, "
                        + String.join(", ", columns.keySet())
                        + ", status, occurred_at) values (:t, :id, 'inbound', :ch, :ext, "
                        + columns.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                        + ", 'received', :at) on conflict do nothing")
                .bind("t", tenant.value())
                .bind("id", id)
                .bind("ch", channel)
                .bind("ext", externalId)
                .bind("at", utc(at));
        columns.forEach(insert::bind);
        if (insert.execute() == 1) {
            return new Recorded(id, false);
        }
        return earlier.apply(h)
                .map((rs, ctx) -> new Recorded(
                        rs.getObject("message_id", UUID.class),
                        !rs.getString("status").equals("received")))
                .one();
    }

    public final List<O> claim(TenantId tenant, int max, Instant now, Duration lease) {
        return jdbi.inTransaction(
                "claim " + noun + " outbox",
                tenant,
                h -> leasing.claim(h, tenant, max, utc(now), utc(now.plus(lease))));
    }
}
