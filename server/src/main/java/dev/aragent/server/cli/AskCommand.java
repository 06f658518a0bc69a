package dev.aragent.server.cli;

import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.console.Views;
import dev.aragent.server.App;
import dev.aragent.server.http.HttpApi;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent ask ACCOUNT "QUESTION"}: what the account's records say, with citations. */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        header = "Retrieve what one account's records say about a question, with citations.",
        description =
                "Brings the account's documents (invoices, payments, credit memos, CRM notes, tickets) up to date in"
                        + " the retrieval index, then prints the passages most relevant to the question, best first, each with"
                        + " its citation [type id, date]. Only that account's documents can come back. ACCOUNT is a customer id"
                        + " (C-10432) or a customer name.")
public final class AskCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "customer id or name")
    String account;

    @Parameters(index = "1", paramLabel = "QUESTION", description = "what to look for, in plain words")
    String question;

    @Option(
            names = "-k",
            paramLabel = "N",
            defaultValue = "5",
            description = "how many passages (default: ${DEFAULT-VALUE})")
    int k = 5;

    @Option(names = "--json", description = "print the passages as JSON")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("-k must be 1-100");
        }
        try (App app = common.start()) {
            var tenant = app.settings().tenant();
            Customer customer = find(app.ledger().customers(tenant), account, tenant.value());
            app.grounding()
                    .indexAccount(
                            tenant,
                            java.util.Optional.of(customer),
                            app.ledger().accountFile(tenant, customer.key()));
            List<Passage> passages = app.grounding().ask(tenant, customer.key(), question, k);
            if (json) {
                System.out.println(HttpApi.write(Views.ordered(
                        "account",
                        customer.key().value(),
                        "name",
                        customer.name(),
                        "question",
                        question,
                        "passages",
                        passages.stream()
                                .map(p -> Views.ordered(
                                        "citation",
                                        p.citation(),
                                        "type",
                                        p.type().code(),
                                        "id",
                                        p.sourceId(),
                                        "date",
                                        p.date().toString(),
                                        "snippet",
                                        p.snippet()))
                                .toList())));
                return 0;
            }
            System.out.println(customer.name() + " (" + customer.key() + "): \"" + question + "\"");
            if (passages.isEmpty()) {
                System.out.println("  nothing on file for this account");
            }
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                System.out.printf(Locale.ROOT, "  %d. %s %s%n", i + 1, p.citation(), p.snippet());
            }
            return 0;
        }
    }

    static Customer find(List<Customer> customers, String query, String tenant) {
        String q = query.strip();
        for (Customer c : customers) {
            if (c.key().value().equalsIgnoreCase(q)) {
                return c;
            }
        }
        List<Customer> byName =
                customers.stream().filter(c -> c.name().equalsIgnoreCase(q)).toList();
        if (byName.size() == 1) {
            return byName.getFirst();
        }
        List<String> near = customers.stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                .limit(5)
                .map(c -> c.key() + " " + c.name())
                .toList();
        throw new IllegalArgumentException("no account '" + q + "' in tenant '" + tenant + "'"
                + (near.isEmpty()
                        ? " (use a customer id such as C-10001, or --tenant)"
                        : "; did you mean: " + String.join(", ", near)));
    }
}
