/**
 * Data in: CSV imports of AR aging (generic, QuickBooks Online, Xero), customers, invoice history, payments, and CRM
 * notes and tickets, each judged by a data-health report before anything is written. Start with {@link
 * dev.aragent.imports.CsvImport}.
 */
@NullMarked
package dev.aragent.imports;

import org.jspecify.annotations.NullMarked;
