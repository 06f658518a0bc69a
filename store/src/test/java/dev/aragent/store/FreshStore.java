package dev.aragent.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BiFunction;
import org.junit.jupiter.api.TestInstance;

/**
 * A conversation journal's Postgres adapter on a fresh database of its own, its clock fixed at the contract's now: one
 * per test class (the contracts use fresh tenants, so their tests share it). {@link #journal()} is what the journal
 * contracts ask for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FreshStore<J> {
    final Clock clock;
    final Database db = TestDatabase.fresh();
    private final J journal;

    FreshStore(Instant now, BiFunction<Database, Clock, J> create) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        this.journal = create.apply(db, clock);
    }

    /** The adapter under test. */
    public J journal() {
        return journal;
    }
}
