/**
 * The ports the core calls out through, implemented by the adapter modules, and the two failures adapters translate
 * vendor exceptions into. Start with {@link dev.aragent.agent.spi.Ledger}.
 */
@NullMarked
package dev.aragent.agent.spi;

import org.jspecify.annotations.NullMarked;
