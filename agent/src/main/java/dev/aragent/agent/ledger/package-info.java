/**
 * The book of receivables: customers and contacts, invoices, credit memos, payments, notes, and exact {@link
 * dev.aragent.agent.ledger.Money}. Start with {@link dev.aragent.agent.ledger.Invoice} and {@link
 * dev.aragent.agent.ledger.AgingSummary}.
 */
@NullMarked
package dev.aragent.agent.ledger;

import org.jspecify.annotations.NullMarked;
