package dev.aragent.agent.app;

import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.ledger.TenantId;

/**
 * A file a person brings in (a QuickBooks, Xero or generic CSV): read and judged without writing anything — its data
 * health report — or written as the import rules allow. Implemented where the file readers are (the composition root);
 * the console and the API call it.
 */
public interface ImportFiles {

    /**
     * The file's health report, nothing written. {@code profile} and {@code kind} are codes ({@code generic},
     * {@code quickbooks}, {@code xero}; {@code auto} or a kind); throws {@link IllegalArgumentException} for one that
     * names nothing.
     */
    DataHealthReport check(TenantId tenant, String source, byte[] content, String profile, String kind);

    /** Writes the file if its report allows it ({@code accept}: the person accepted a report with problems). */
    ImportOutcome apply(
            TenantId tenant, String source, byte[] content, String profile, String kind, boolean accept, String actor);

    /**
     * A bank file read, nothing written: its format, statements and entries. Throws {@link IllegalArgumentException}
     * naming the format, line (or element) and reason when the file is refused.
     */
    dev.aragent.agent.cash.BankFile readBank(TenantId tenant, String source, byte[] content);

    /** A bank file taken into the cash book, the receipts the agent is sure of applied (refused as {@link #readBank}). */
    CashDesk.Taken takeBank(TenantId tenant, String source, byte[] content, String actor);
}
