/**
 * Portfolio figures for the AR manager: DSO, CEI, promise-to-pay conversion, promises kept, write-off exposure, and the
 * weekly likely-write-off list (high risk, over 60 days). Start with {@link dev.aragent.agent.report.Portfolio}.
 */
@NullMarked
package dev.aragent.agent.report;

import org.jspecify.annotations.NullMarked;
