package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Features;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An account due a touch today: its invoices in the cadence (oldest due first), the step they reached, its summary on
 * the day, and where its rows sit in the plan's feature matrix ({@code [from, to)}).
 */
record Candidate(
        AccountRecord account,
        ZoneId zone,
        LocalDate today,
        List<Invoice> due,
        int step,
        long maxDays,
        Features.Summary summary,
        int from,
        int to) {}
