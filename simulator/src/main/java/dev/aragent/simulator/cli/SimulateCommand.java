package dev.aragent.simulator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ar-agent simulate}: a quarter of collections against simulated debtors, the agent against plain dunning. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        header = "Simulate a quarter of collections: the agent against plain dunning.",
        description = {
            "Generates the sample book, imports it twice into a throwaway embedded PostgreSQL, and runs --days of"
                    + " virtual time: simulated debtors (personas: pays on the first reminder, pays after a plan"
                    + " offer, disputes, says it is paid (truly or not), never answers email, wrong contact, hostile,"
                    + " opts out, out of office, asks for a call) receive real email through an in-process mail"
                    + " server and texts through a loopback Twilio, take the agent's calls over the voice bridge,"
                    + " answer in varied words and pay through the import path as a real installation learns of"
                    + " payments. One arm is the agent (queue, negotiation, follow-ups, approvals clicked in Slack by"
                    + " a simulated AR manager); the other plain dunning (reminders at -7/0/+7/+14/+30 days, replies"
                    + " unread), with the same seed.",
            "Prints both side by side, the key figures as demo.agent.* / demo.baseline.* lines, and writes an HTML"
                    + " report with charts."
        })
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions simulation;

    @Override
    public Integer call() throws Exception {
        return SimulationRun.run(simulation, System.out);
    }
}
