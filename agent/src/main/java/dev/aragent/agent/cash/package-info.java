/**
 * Money in: what a bank says arrived and left ({@link dev.aragent.agent.cash.BankStatement}, each
 * {@link dev.aragent.agent.cash.BankTransaction} with its references), before it is matched to invoices.
 */
@NullMarked
package dev.aragent.agent.cash;

import org.jspecify.annotations.NullMarked;
