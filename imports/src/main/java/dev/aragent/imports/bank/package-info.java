/**
 * Bank files read into statements: ISO 20022 camt.053 and camt.054 ({@link dev.aragent.imports.bank.CamtReader});
 * BAI2 and MT940 to come (issue 25).
 */
@NullMarked
package dev.aragent.imports.bank;

import org.jspecify.annotations.NullMarked;
