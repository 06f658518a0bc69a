/**
 * The one runnable: settings, the wiring of adapters to the core's ports, and the {@code ar-agent} command line.
 * Start with {@link dev.aragent.server.Main} and {@link dev.aragent.server.App}.
 */
@NullMarked
package dev.aragent.server;

import org.jspecify.annotations.NullMarked;
