/**
 * Bank files read into statements: ISO 20022 camt.053 and camt.054 ({@link dev.aragent.imports.bank.CamtReader}),
 * SWIFT MT940 ({@link dev.aragent.imports.bank.Mt940Reader}), BAI2 ({@link dev.aragent.imports.bank.Bai2Reader}); a bank's
 * CSV export through a mapping profile is {@link dev.aragent.imports.BankCsvReader}, beside the other CSV readers.
 */
@NullMarked
package dev.aragent.imports.bank;

import org.jspecify.annotations.NullMarked;
