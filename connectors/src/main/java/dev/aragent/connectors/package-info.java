/**
 * Data in: CSV imports of AR aging (generic, QuickBooks Online, Xero), customers, invoice history, payments, and CRM
 * notes and tickets, each judged by a data-health report before anything is written; and the seeded sample book of a
 * wholesale distributor that the demo imports through the same path. Start with {@link
 * dev.aragent.connectors.CsvImport} and {@link dev.aragent.connectors.SampleBook}.
 */
@NullMarked
package dev.aragent.connectors;

import org.jspecify.annotations.NullMarked;
