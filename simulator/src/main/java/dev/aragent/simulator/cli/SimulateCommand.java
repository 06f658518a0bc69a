package dev.aragent.simulator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ar-agent simulate}: a quarter of collections against simulated debtors, in three arms. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        header = "Simulate a quarter of collections in three arms (as demo does).",
        description = {
            "Generates the sample book (new invoices issued every day at each account's rhythm), imports it into a"
                    + " throwaway embedded PostgreSQL, and runs --days of virtual time: simulated debtors (pays on the"
                    + " first reminder, pays after a plan offer, disputes, says it is paid (truly or not), never"
                    + " answers email, wrong contact, hostile, opts out, out of office, asks for a call; each pays of"
                    + " its own accord on the day its history says unless something prompts it earlier) receive real"
                    + " email through an in-process mail server and texts through a loopback Twilio, take the agent's"
                    + " calls over the voice bridge, answer in varied words and pay by bank transfer or pay-now link."
                    + " The arms: the agent (queue, negotiation, follow-ups, approvals clicked in Slack by a simulated"
                    + " AR manager, an AR team of --team x --touches-per-person a day); plain dunning (reminders at"
                    + " -7/0/+7/+14/+30 days, replies unread); the AR team alone (calls by amount x days past due).",
            "Prints the three side by side, every behavioural assumption with its source, the key figures as"
                    + " demo.agent.* / demo.baseline.* / demo.team.* lines, and writes an HTML report with charts."
                    + " --sensitivity runs the quarter on the base, pessimistic and optimistic assumptions and prints"
                    + " how much of the agent's advantage survives each."
        })
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions simulation;

    @Override
    public Integer call() throws Exception {
        return SimulationRun.run(simulation, System.out);
    }
}
