package dev.aragent.simulator.cli;

import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.server.App;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The demo's grounding step: index the accounts worked today and show what the index says of the first one. */
final class DemoGrounding {
    private DemoGrounding() {}

    static void run(PrintStream out, App app, TenantId tenant, List<QueueEntry> top) {
        long t0 = System.nanoTime();
        Set<CustomerKey> accounts = new LinkedHashSet<>();
        top.forEach(e -> accounts.add(e.customer()));
        int documents = 0;
        for (CustomerKey account : accounts) {
            documents += app.grounding()
                    .indexAccount(
                            tenant,
                            app.ledger().customer(tenant, account),
                            app.ledger().accountFile(tenant, account));
        }
        out.printf(
                Locale.ROOT,
                "Grounding: indexed %,d documents of the %d accounts worked today in %.1f s"
                        + " (MiniLM embeddings in process, Lucene HNSW + BM25 under %s)%n",
                documents,
                accounts.size(),
                (System.nanoTime() - t0) / 1e9,
                app.settings().dataDir().resolve("index"));
        CustomerKey first = accounts.iterator().next();
        Customer customer = app.ledger().customers(tenant).stream()
                .filter(c -> c.key().equals(first))
                .findFirst()
                .orElseThrow();
        String question = "what has this customer told us about paying, disputes or problems?";
        out.println("  ./ar-agent ask " + first + " \"" + question + "\"   (" + customer.name() + ")");
        for (Passage p : app.grounding().ask(tenant, first, question, 4)) {
            String s = p.snippet().length() > 110 ? p.snippet().substring(0, 109) + "…" : p.snippet();
            out.println("    " + p.citation() + " " + s);
        }
    }
}
