/**
 * The simulator's commands, added to the {@code ar-agent} CLI through {@link dev.aragent.server.cli.ExtraCommands}:
 * {@code demo} (the quarter, or the tour on a kept book), {@code simulate} (any book, days and seed, with a message
 * audit or a trace) and {@code bench} (mail, retrieval, reading, queue, voice and sign-in figures as {@code name: value
 * unit} lines).
 */
@NullMarked
package dev.aragent.simulator.cli;

import org.jspecify.annotations.NullMarked;
