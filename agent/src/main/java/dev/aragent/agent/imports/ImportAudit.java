package dev.aragent.agent.imports;

/**
 * What the audit log keeps of an import: who ran it, its health, and whether problems were knowingly accepted.
 * When accepted with more than 10% of required data missing, scoring stays blocked for that book.
 */
public record ImportAudit(String actor, DataHealthReport report, boolean acceptedWithProblems) {
    public boolean scoringBlocked() {
        return report.requiredMissingRatio() > DataHealthReport.MAX_REQUIRED_MISSING;
    }
}
