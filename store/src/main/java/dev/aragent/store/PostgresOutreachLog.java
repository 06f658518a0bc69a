package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.spi.OutreachLog;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** {@link OutreachLog} in the {@code outreach} table; a repeated step is refused by its unique index. */
public final class PostgresOutreachLog implements OutreachLog {
    private final Tenanted jdbi;
    private final java.time.Clock clock;

    private PostgresOutreachLog(Tenanted jdbi, java.time.Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public static PostgresOutreachLog create(Database database, java.time.Clock clock) {
        return new PostgresOutreachLog(database.tenanted(), clock);
    }

    @Override
    public boolean record(TenantId tenant, Executed action) {
        if (action.invoices().isEmpty()) {
            throw new IllegalArgumentException("an outreach concerns at least one invoice");
        }
        return jdbi.withHandle(
                "record outreach",
                tenant,
                h -> h.createUpdate("""
                        insert into outreach (tenant_id, outreach_id, customer_key, segment, step, strategy, channel,
                                              executed_at, invoices)
                        values (:t, :id, :c, :segment, :step, :strategy, :channel, :at, :invoices)
                        on conflict do nothing""")
                                .bind("t", tenant.value())
                                .bind("id", UUID.randomUUID())
                                .bind("c", action.customer().value())
                                .bind("segment", action.segment())
                                .bind("step", action.step())
                                .bind("strategy", action.strategy().code())
                                .bind("channel", action.channel().code())
                                .bind("at", OffsetDateTime.ofInstant(action.at(), ZoneOffset.UTC))
                                .bind("invoices", action.invoices().toArray(String[]::new))
                                .execute()
                        == 1);
    }

    @Override
    public void handOff(TenantId tenant, CustomerKey customer, String kind, String detail) {
        jdbi.useTransaction("hand an action to a person", tenant, h -> {
            boolean open = h.createQuery("""
                                    select exists (select 1 from tasks where tenant_id = :t and customer_key = :c
                                      and kind = :k and detail = :d and status in ('open', 'for_a_person'))""")
                    .bind("t", tenant.value())
                    .bind("c", customer.value())
                    .bind("k", kind)
                    .bind("d", detail)
                    .mapTo(Boolean.class)
                    .one();
            if (!open) {
                MailRows.task(
                        h,
                        tenant,
                        java.util.Optional.of(customer.value()),
                        kind,
                        detail,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            }
        });
    }

    @Override
    public List<Executed> executed(TenantId tenant) {
        return jdbi.withHandle(
                "read outreach",
                tenant,
                h -> h.createQuery("""
                        select * from outreach where tenant_id = :t order by executed_at, outreach_id""")
                        .bind("t", tenant.value())
                        .map((rs, ctx) -> new Executed(
                                CustomerKey.of(rs.getString("customer_key")),
                                rs.getString("segment"),
                                rs.getInt("step"),
                                Outreach.fromCode(rs.getString("strategy")),
                                Reach.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                                rs.getObject("executed_at", OffsetDateTime.class)
                                        .toInstant(),
                                Arrays.asList((String[]) rs.getArray("invoices").getArray())))
                        .list());
    }
}
