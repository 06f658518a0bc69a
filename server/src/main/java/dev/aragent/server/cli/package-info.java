/**
 * The {@code ar-agent} subcommands (picocli): demo, test, serve, import, queue, with their text reports and progress
 * bar. Start with {@link dev.aragent.simulator.cli.DemoCommand}.
 */
@NullMarked
package dev.aragent.server.cli;

import org.jspecify.annotations.NullMarked;
