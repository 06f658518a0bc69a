package dev.aragent.console;

import java.util.List;

/**
 * The approvals page: what waits for a decision (oldest first) and what was decided lately.
 *
 * @param runs whether this service runs the tenant's back office (else nobody was asked anything here)
 */
public record Approvals(Who who, boolean runs, List<ApprovalView> pending, List<ApprovalView> decided) {
    public Approvals {
        pending = List.copyOf(pending);
        decided = List.copyOf(decided);
    }
}
