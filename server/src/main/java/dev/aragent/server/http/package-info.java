/**
 * The HTTP surface on Helidon SE 4: health, Prometheus metrics and the JSON API, with the JSON views it shares with the
 * CLI's {@code --json}. Start with {@link dev.aragent.server.http.HttpApi}.
 */
@NullMarked
package dev.aragent.server.http;

import org.jspecify.annotations.NullMarked;
