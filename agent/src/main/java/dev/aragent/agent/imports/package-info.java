/**
 * Bringing a book in: the data-health report that judges a file, the batch of valid records, and the rule that a file
 * is written all or nothing. Start with {@link dev.aragent.agent.imports.ImportService}.
 */
@NullMarked
package dev.aragent.agent.imports;

import org.jspecify.annotations.NullMarked;
