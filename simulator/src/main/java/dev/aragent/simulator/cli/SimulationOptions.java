package dev.aragent.simulator.cli;

import dev.aragent.simulator.Assumptions;
import dev.aragent.simulator.Simulation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of a simulation, shared by {@code demo} and {@code simulate} ({@code --seed} and {@code --accounts} serve
 * the tour too).
 */
final class SimulationOptions {
    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "random seed of the sample book and the debtors (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(
            names = "--accounts",
            paramLabel = "N",
            defaultValue = "600",
            description = "accounts in the sample book (default: ${DEFAULT-VALUE}, a quarter of the reference"
                    + " distributor's 2,400, so that a quarter runs in about four minutes on 2 cores; 2400 for the"
                    + " whole book)")
    int accounts = 600;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "90",
            description = "simulated days (default: ${DEFAULT-VALUE}, a quarter)")
    int days = 90;

    @Option(
            names = "--start",
            paramLabel = "DATE",
            defaultValue = "2026-01-05",
            description = "the first simulated day, YYYY-MM-DD (default: ${DEFAULT-VALUE}, a Monday; the same seed and"
                    + " start give the same figures)")
    java.time.LocalDate start = java.time.LocalDate.of(2026, 1, 5);

    @Option(
            names = "--fee-percent",
            paramLabel = "P",
            defaultValue = "8",
            description = "outcome-based fee on what is collected after the agent's first contact (default:"
                    + " ${DEFAULT-VALUE})")
    double feePercent = 8;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            defaultValue = "simulation-report.html",
            description = "the simulation's HTML report (default: ${DEFAULT-VALUE})")
    Path report = Path.of("simulation-report.html");

    @Option(
            names = "--trace",
            paramLabel = "FILE",
            description = "also write every account's state at the end of every simulated day to FILE (to see where"
                    + " two runs part)")
    java.util.Optional<Path> trace = java.util.Optional.empty();

    @Option(
            names = "--messages",
            paramLabel = "FILE.jsonl",
            description = "audit every message the agent sends (emails, texts, what it says on calls) and write each to"
                    + " FILE as a JSON line with the ledger at that instant (open total, open invoices, the contact's"
                    + " status, the conversation's terms) and what in it is untrue; prints demo.audit.* figures")
    java.util.Optional<Path> messages = java.util.Optional.empty();

    @Option(
            names = "--team",
            paramLabel = "N",
            defaultValue = "2",
            description = "people on the AR team (default: ${DEFAULT-VALUE})")
    int team = 2;

    @Option(
            names = "--touches-per-person",
            paramLabel = "M",
            description = "touches (calls, tasks, approvals) each person does a day for this book (default: the seed's"
                    + " 15 for the 2,400-account book, in proportion to --accounts: 4 for 600)")
    Integer touchesPerPerson;

    /** The reference book's size and each person's touches a day on it (the seed's two people, 30 accounts a day). */
    static final int REFERENCE_ACCOUNTS = 2400;

    static final int REFERENCE_TOUCHES = 15;

    /** Each person's touches a day: as given, else the reference team's day in proportion to the book. */
    int touchesPerPerson() {
        return touchesPerPerson != null
                ? touchesPerPerson
                : Math.max(1, (int) Math.ceil(REFERENCE_TOUCHES * (double) accounts / REFERENCE_ACCOUNTS));
    }

    @Option(
            names = "--assumptions",
            paramLabel = "NAME",
            defaultValue = "base",
            description = "the debtors' behaviour: base, pessimistic (against the agent) or optimistic (default:"
                    + " ${DEFAULT-VALUE}); each parameter and its source is printed with the report")
    String assumptions = "base";

    @Option(
            names = "--sensitivity",
            description = "run the quarter three times (base, pessimistic, optimistic assumptions) and print how much"
                    + " of the agent's advantage survives each")
    boolean sensitivity;

    Simulation.Settings settings() {
        return new Simulation.Settings(
                seed, accounts, days, feePercent, team, touchesPerPerson(), Assumptions.named(assumptions));
    }
}
