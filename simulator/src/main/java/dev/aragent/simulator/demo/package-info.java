/**
 * What the demo needs beyond the real service: an in-process mail server with the debtors' mailboxes, and simulated
 * debtors who answer. Start with {@link dev.aragent.simulator.demo.DemoMail}.
 */
@NullMarked
package dev.aragent.simulator.demo;

import org.jspecify.annotations.NullMarked;
