/**
 * CRM write-back: every disposition, promise, dispute and contact change becomes an event in the outbox, in the same
 * transaction as the turn, and is delivered at least once to the configured {@link dev.aragent.agent.spi.CrmSink}.
 * Start with {@link dev.aragent.agent.crm.CrmEvents} and {@link dev.aragent.agent.crm.CrmDispatcher}.
 */
@NullMarked
package dev.aragent.agent.crm;

import org.jspecify.annotations.NullMarked;
