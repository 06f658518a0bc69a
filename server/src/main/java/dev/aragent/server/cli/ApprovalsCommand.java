package dev.aragent.server.cli;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.console.TextReports;
import dev.aragent.console.Views;
import dev.aragent.server.App;
import dev.aragent.server.Tenancy;
import dev.aragent.server.http.HttpApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent approvals [show|approve|edit|reject]}: decide what policy leaves to a person, without Slack. */
@Command(
        name = "approvals",
        mixinStandardHelpOptions = true,
        header = "List and decide approvals (offers outside policy).",
        description = "Without a subcommand, lists pending approvals with the debtor, the balance, the proposal against"
                + " policy, the risk and the reply the agent would send. A decision is checked again (a payment that"
                + " arrived meanwhile makes it stale; edited terms go through the policy engine, edited text through"
                + " the guardrails) and continues the conversation: the reply is queued for the running service to"
                + " send. The same decisions are available at POST /api/approvals/ID and in Slack when configured.",
        subcommands = {
            ApprovalsCommand.Show.class,
            ApprovalsCommand.Approve.class,
            ApprovalsCommand.Edit.class,
            ApprovalsCommand.Reject.class
        })
public final class ApprovalsCommand implements Callable<Integer> {
    @Option(names = "--all", description = "also the decided ones (latest 100)")
    boolean all;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (App app = App.start(common.settings(), common.clock())) {
            Tenancy office = office(app);
            List<Approval> list = all
                    ? office.office().approvals().recent(app.settings().tenant(), 100)
                    : office.office().approvals().pending(app.settings().tenant());
            if (json) {
                System.out.println(HttpApi.write(list.stream()
                        .map(a -> Views.approval(
                                office.office().card(app.settings().tenant(), a)))
                        .toList()));
                return 0;
            }
            if (list.isEmpty()) {
                System.out.println(all ? "No approvals yet." : "No approvals waiting.");
                return 0;
            }
            for (Approval a : list) {
                TextReports.approval(
                        System.out, office.office().card(app.settings().tenant(), a), false);
            }
            System.out.println("Decide: ./ar-agent approvals approve|edit|reject ID --by NAME (see --help)");
            return 0;
        }
    }

    static Tenancy office(App app) {
        return app.tenancy(app.replyDesk(), app.turnTaker(app.identity()));
    }

    /** What is done to one approval, with the app it was found in. */
    interface ApprovalWork {
        int apply(App app, Tenancy office, Approval approval);
    }

    /** Runs {@code work} on one approval of the configured tenant; says how to find one when the id is unknown. */
    static int withApproval(CommonOptions common, UUID id, ApprovalWork work) {
        try (App app = App.start(common.settings(), common.clock())) {
            Tenancy office = office(app);
            Optional<Approval> a =
                    office.office().approvals().find(app.settings().tenant(), id);
            if (a.isEmpty()) {
                System.err.println("No approval " + id + ". List them with ./ar-agent approvals --all");
                return 1;
            }
            return work.apply(app, office, a.get());
        }
    }

    /** Runs one decision given as the API's fields; prints the outcome; exit 0 decided, 1 refused, 3 unchanged. */
    static int decide(CommonOptions common, UUID id, Map<String, String> fields) {
        return withApproval(common, id, (app, office, a) -> {
            var who = app.access().as(fields.get("by"), office.tenant(), UsersCommand.actor());
            if (who.isEmpty()) {
                System.err.println(fields.get("by") + " is not a person of tenant " + office.tenant()
                        + ". Add them with: ar-agent users add " + fields.get("by") + " --role ar_manager");
                return 1;
            }
            return decided(office.office().decide(who.get(), id.toString(), fields));
        });
    }

    private static int decided(Outcome outcome) {
        TextReports.decision(System.out, System.err, outcome);
        return switch (outcome) {
            case Outcome.Decided d -> 0;
            case Outcome.Unchanged u -> 3;
            case Outcome.Refused r -> r.kind() == Outcome.Kind.INVALID ? 2 : 1;
        };
    }

    /** Options every decision takes. */
    static class Decision {
        @Parameters(index = "0", paramLabel = "ID", description = "the approval's id")
        UUID id;

        @Option(
                names = {"--as", "--by"},
                required = true,
                paramLabel = "EMAIL",
                description = "your login: a person of the tenant whose role may decide this approval (ar-agent users"
                        + " list); the audit log names them")
        String by;

        @Mixin
        CommonOptions common;

        Map<String, String> fields(String decision) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("decision", decision);
            f.put("by", by);
            return f;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, header = "Show one approval with its drafted reply.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "the approval's id")
        UUID id;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return withApproval(common, id, (app, office, a) -> {
                TextReports.approval(System.out, office.office().card(office.tenant(), a), true);
                return 0;
            });
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, header = "Approve the terms as proposed.")
    static final class Approve extends Decision implements Callable<Integer> {
        @Override
        public Integer call() {
            return decide(common, id, fields("approve"));
        }
    }

    @Command(
            name = "edit",
            mixinStandardHelpOptions = true,
            header = "Approve other terms (checked by the policy engine).",
            description = "Amounts and dates, comma separated, one per installment, e.g. --amounts \"600.00, 1200.00\""
                    + " --dates \"2026-12-01, 2026-12-29\". --text replaces the drafted reply; it must pass the"
                    + " guardrails.")
    static final class Edit extends Decision implements Callable<Integer> {
        @Option(names = "--amounts", required = true, paramLabel = "LIST", description = "installment amounts")
        String amounts;

        @Option(names = "--dates", required = true, paramLabel = "LIST", description = "installment dates (ISO)")
        String dates;

        @Option(names = "--text", paramLabel = "TEXT", description = "the message to the debtor, in your words")
        Optional<String> text = Optional.empty();

        @Override
        public Integer call() {
            Map<String, String> f = fields("edit");
            f.put("amounts", amounts);
            f.put("dates", dates);
            text.ifPresent(t -> f.put("text", t));
            return decide(common, id, f);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, header = "Refuse; the agent offers what it may alone.")
    static final class Reject extends Decision implements Callable<Integer> {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (kept in the file)")
        String reason;

        @Override
        public Integer call() {
            Map<String, String> f = fields("reject");
            f.put("reason", reason);
            return decide(common, id, f);
        }
    }
}
