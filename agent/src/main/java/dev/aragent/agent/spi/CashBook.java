package dev.aragent.agent.spi;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bank said, kept once: every entry of every bank file a tenant brought in, each stored once however many files
 * state it, where each stands (open, applied, set aside) and the payer names people confirmed as a customer's. Adapters:
 * store ({@code PostgresCashBook}), agent tests ({@code InMemoryCashBook}).
 */
public interface CashBook {

    /**
     * Files the entries of {@code file} that the book does not hold yet, with the file's record, in one step. A file
     * brought before (same bytes), or whose every entry the book holds, adds nothing.
     */
    Filed file(TenantId tenant, BankFile file, String actor, Instant at);

    /** What filing did: the entries the file states, those it added (new receipts among them open), and those known. */
    record Filed(int entries, List<BankLine> added, int known, boolean sameFile) {
        public Filed {
            added = List.copyOf(added);
        }

        public boolean unchanged() {
            return added.isEmpty();
        }
    }

    /** A bank file as it was filed: its name, bytes' hash, format, entries, how many were new, who brought it, when. */
    record FiledFile(String source, String sha256, String format, int entries, int added, String by, Instant at) {}

    /** The tenant's bank files, latest first, at most {@code limit}. */
    List<FiledFile> files(TenantId tenant, int limit);

    /** The tenant's lines in {@code state}, oldest value date first, at most {@code limit}. */
    List<BankLine> lines(TenantId tenant, BankLine.State state, int limit);

    /** One line, if the tenant has it. */
    Optional<BankLine> line(TenantId tenant, long id);

    /** Closes an open line as {@code closing} says; false, changing nothing, when it is no longer open. */
    boolean close(TenantId tenant, long id, BankLine.Closing closing);

    /** Payer names (as {@link dev.aragent.agent.cash.PayerNames#normalize} writes them) confirmed as a customer's. */
    Map<String, CustomerKey> aliases(TenantId tenant);

    /** Keeps {@code payer} as a name of {@code customer}; a later confirmation for another customer replaces it. */
    void learn(TenantId tenant, String payer, CustomerKey customer, String by, Instant at);

    /** Keeps what a customer said it paid (an email and its attachments, a text) for the receipts still to come. */
    void advise(TenantId tenant, dev.aragent.agent.cash.Advised advised);

    /** What customers said they paid since {@code since}, newest first. */
    List<dev.aragent.agent.cash.Advised> advices(TenantId tenant, Instant since);

    /** Keeps a pay-now link a message carries; keeping a link the book holds changes nothing. */
    void keepLink(TenantId tenant, dev.aragent.agent.cash.PayLink link);

    /** The tenant's link with that processor id, live or retired. */
    Optional<dev.aragent.agent.cash.PayLink> payLink(TenantId tenant, String id);

    /** The customer's links still taking payments, newest first. */
    List<dev.aragent.agent.cash.PayLink> liveLinks(TenantId tenant, CustomerKey customer);

    /** Marks a live link retired; false, changing nothing, when it is not live. */
    boolean retireLink(TenantId tenant, String id);

    /** How the tenant's receipts stand: lines and amounts (minor units, by currency) per state and per how applied. */
    Tally tally(TenantId tenant);

    /**
     * Receipts by where they stand: {@code auto} applied by the agent, {@code person} applied by someone, {@code open}
     * waiting, {@code set_aside}; each with its count and amount in minor units per currency code.
     */
    record Tally(Map<String, Integer> counts, Map<String, Map<String, Long>> amounts) {
        public Tally {
            counts = Map.copyOf(counts);
            amounts = Map.copyOf(amounts);
        }

        public int count(String how) {
            return counts.getOrDefault(how, 0);
        }
    }
}
