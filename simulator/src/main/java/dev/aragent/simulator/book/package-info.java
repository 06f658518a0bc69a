/**
 * The seeded sample book of a wholesale distributor (customers in segments with their habits, invoices, payments,
 * notes and tickets), generated for the demo, the simulation and the benchmarks and imported through the same CSV
 * path a user's book takes. Start with {@link dev.aragent.simulator.book.SampleBook}.
 */
@NullMarked
package dev.aragent.simulator.book;

import org.jspecify.annotations.NullMarked;
