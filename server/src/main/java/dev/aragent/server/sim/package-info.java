/**
 * The debtor simulator: a quarter of collections against simulated debtors, driven through the real interfaces (mail
 * through the in-process mail server, payments through the import path, approvals through the approvals desk) on a
 * virtual clock, and the same book under plain dunning, with the same seed, for comparison. Start with
 * {@link dev.aragent.server.sim.Simulation}.
 */
@NullMarked
package dev.aragent.server.sim;

import org.jspecify.annotations.NullMarked;
