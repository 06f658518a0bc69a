package dev.aragent.store;

import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmOutbox;
import dev.aragent.agent.spi.CrmOutboxContract;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

class PostgresCrmOutboxIT implements CrmOutboxContract {
    private static Database db;
    private static CrmOutbox outbox;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        outbox = PostgresCrmOutbox.create(db);
    }

    @Override
    public CrmOutbox outbox() {
        return outbox;
    }

    /** As a written turn queues it: through the tenant's own connections, at the event's time. */
    @Override
    public void givenRecorded(TenantId tenant, CrmEvent event) {
        db.tenanted()
                .useTransaction(
                        tenant,
                        h -> StaffRows.crm(h, tenant, List.of(event), event.at().atOffset(ZoneOffset.UTC)));
    }
}
