package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.Reach;
import java.time.Instant;
import java.util.List;

/**
 * The queue actions the scheduler executed, so a batch run never repeats one and strategy learning can count what each
 * led to. Adapters: store ({@code PostgresOutreachLog}), agent tests ({@code InMemoryOutreachLog}).
 */
public interface OutreachLog {

    /** Records an action as executed; false (and nothing written) when this account's step was already executed. */
    boolean record(TenantId tenant, Executed action);

    /**
     * Leaves an action to a person: a task of {@code kind} (call_debtor, change_channel, find_contact, human_review,
     * apply_credit_memo) on the account, with what to do — once: while the same task (kind and detail) is open or with
     * a person, asking again adds nothing.
     */
    void handOff(TenantId tenant, CustomerKey customer, String kind, String detail);

    /** Every executed action, oldest first. */
    List<Executed> executed(TenantId tenant);

    /** One executed queue action. */
    record Executed(
            CustomerKey customer,
            String segment,
            int step,
            Outreach strategy,
            Reach channel,
            Instant at,
            List<String> invoices) {
        public Executed {
            invoices = List.copyOf(invoices);
        }
    }

    /** A log that forgets: for one-off plans. */
    static OutreachLog none() {
        return new OutreachLog() {
            @Override
            public boolean record(TenantId tenant, Executed action) {
                return true;
            }

            @Override
            public void handOff(TenantId tenant, CustomerKey customer, String kind, String detail) {}

            @Override
            public List<Executed> executed(TenantId tenant) {
                return List.of();
            }
        };
    }
}
