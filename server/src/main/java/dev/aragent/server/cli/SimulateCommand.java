package dev.aragent.server.cli;

import dev.aragent.server.sim.Simulation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ar-agent simulate}: a quarter of collections against simulated debtors, the agent against plain dunning. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        header = "Simulate a quarter of collections: the agent against plain dunning.",
        description = {
            "Generates the sample book, imports it twice into a throwaway embedded PostgreSQL, and runs --days of"
                    + " virtual time: simulated debtors (personas: pays on the first reminder, pays after a plan"
                    + " offer, disputes, says it is paid (truly or not), never answers, wrong contact, hostile, opts"
                    + " out, out of office, asks for a call) receive real email through an in-process mail server,"
                    + " answer in thread in varied words and pay through the import path as a real installation"
                    + " learns of payments. One arm is the agent (queue, negotiation, follow-ups, approvals by a"
                    + " simulated AR manager); the other plain dunning (reminders at -7/0/+7/+14/+30 days, replies"
                    + " unread), with the same seed.",
            "Prints both side by side, the key figures as demo.agent.* / demo.baseline.* lines, and writes an HTML"
                    + " report with charts."
        })
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(
            names = "--accounts",
            paramLabel = "N",
            defaultValue = "2400",
            description = "accounts in the sample book (default: ${DEFAULT-VALUE})")
    int accounts = 2400;

    @Option(names = "--days", paramLabel = "N", defaultValue = "60", description = "simulated days (default: 60)")
    int days = 60;

    @Option(
            names = "--fee-percent",
            paramLabel = "P",
            defaultValue = "8",
            description = "outcome-based fee on what is collected after the agent's first contact (default: 8)")
    double feePercent = 8;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            defaultValue = "simulation-report.html",
            description = "the HTML report (default: ${DEFAULT-VALUE})")
    Path report = Path.of("simulation-report.html");

    @Override
    public Integer call() throws Exception {
        return SimulationRun.run(new Simulation.Settings(seed, accounts, days, feePercent), report, System.out);
    }
}
