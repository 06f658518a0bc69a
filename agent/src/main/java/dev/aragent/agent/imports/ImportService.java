package dev.aragent.agent.imports;

import dev.aragent.agent.imports.DataHealthReport.Verdict;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Ledger;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a parsed file may be written, and writes it all or nothing. A file with invalid rows, or with more
 * than 10% of required cells empty, is written only when the user accepted its health report; schema mismatches never
 * are.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final Ledger ledger;

    private ImportService(Ledger ledger) {
        this.ledger = ledger;
    }

    public static ImportService create(Ledger ledger) {
        return new ImportService(ledger);
    }

    /**
     * @param actor who asked (e.g. {@code cli:import}, {@code api:imports}), for the audit log
     * @param acceptReport the user read the health report and accepts writing the valid rows only
     */
    public ImportOutcome run(TenantId tenant, ParsedImport parsed, String actor, boolean acceptReport) {
        DataHealthReport report = parsed.report();
        Verdict verdict = report.verdict();
        if (verdict != Verdict.CLEAN && !(acceptReport && verdict.acceptable())) {
            LOG.atInfo()
                    .addKeyValue("tenant", tenant)
                    .addKeyValue("verdict", verdict)
                    .log("import rejected");
            return new ImportOutcome.Rejected(report, rejection(report, verdict));
        }
        Changes changes =
                ledger.apply(tenant, parsed.batch(), new ImportAudit(actor, report, verdict != Verdict.CLEAN));
        LOG.atInfo()
                .addKeyValue("tenant", tenant)
                .addKeyValue("kind", report.kind())
                .addKeyValue("changes", changes)
                .log("import finished");
        return changes.any()
                ? new ImportOutcome.Applied(report, changes, verdict != Verdict.CLEAN)
                : new ImportOutcome.Unchanged(report);
    }

    private static String rejection(DataHealthReport report, Verdict verdict) {
        return switch (verdict) {
            case SCHEMA_MISMATCH ->
                "the columns do not match the '" + report.profile() + "' profile for "
                        + report.kind().description()
                        + "; fix the header (see the schema problems above) or choose another --profile/--kind";
            case EMPTY -> "the file has no data rows";
            case BLOCKED_MISSING_DATA ->
                String.format(
                        Locale.ROOT,
                        "%.1f%% of required cells are empty (limit %.0f%%): too little to score on; fill them in,"
                                + " or re-run with --accept-health-report to import the %d valid rows anyway",
                        report.requiredMissingRatio() * 100,
                        DataHealthReport.MAX_REQUIRED_MISSING * 100,
                        report.validRows());
            case INVALID_ROWS ->
                report.invalidRows() + " of " + report.rows() + " rows are invalid (lines listed above); fix them, or"
                        + " re-run with --accept-health-report to import the " + report.validRows() + " valid rows";
            case CLEAN -> throw new IllegalStateException("a clean report is not rejected");
        };
    }
}
