/**
 * The PostgreSQL system of record: Flyway migrations (every key led by {@code tenant_id}), the {@link
 * dev.aragent.agent.spi.Ledger} on Jdbi with idempotent batched upserts, the append-only audit log, and the embedded
 * PostgreSQL used when no {@code AR_DATABASE_URL} is set. Start with {@link dev.aragent.store.Database} and {@link
 * dev.aragent.store.PostgresLedger}.
 */
@NullMarked
package dev.aragent.store;

import org.jspecify.annotations.NullMarked;
