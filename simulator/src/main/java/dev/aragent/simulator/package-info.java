/**
 * The debtor simulator: a quarter of collections against simulated debtors, driven through the real interfaces (mail
 * through the in-process mail server, texts and calls through a loopback Twilio and the service's webhooks and voice
 * WebSocket, approvals through Slack interactions, payments through the import path) on a virtual clock, and the same
 * book under plain dunning, with the same seed, for comparison. Start with
 * {@link dev.aragent.simulator.Simulation}.
 */
@NullMarked
package dev.aragent.simulator;

import org.jspecify.annotations.NullMarked;
