package dev.aragent.server;

import dev.aragent.agent.conversation.Collector;
import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.conversation.Negotiator;
import dev.aragent.agent.drafting.Guardrails;
import dev.aragent.agent.grounding.Grounding;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.imports.ImportService;
import dev.aragent.agent.imports.ParsedImport;
import dev.aragent.agent.ledger.AgingSummary;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.connectors.CsvImport;
import dev.aragent.connectors.Profile;
import dev.aragent.prompts.Prohibited;
import dev.aragent.prompts.TemplateDrafter;
import dev.aragent.ragindex.LuceneRetriever;
import dev.aragent.ragindex.OnnxEmbedder;
import dev.aragent.store.Database;
import dev.aragent.store.PostgresLedger;
import dev.aragent.store.PostgresMailJournal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The wiring: the only place adapters are created and given to the core. One per process; closing it stops the
 * embedded database.
 */
public final class App implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Ledger ledger;
    private final ImportService imports;
    private final ActionQueue queue;
    private final PostgresMailJournal mailJournal;
    private Grounding grounding;
    private LuceneRetriever lucene;
    private Embedder embedder;
    private IntentReader intentReader;
    private java.util.function.BiConsumer<TenantId, java.util.Set<CustomerKey>> afterImport = (t, a) -> {};

    private App(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.ledger = PostgresLedger.create(database, clock);
        this.imports = ImportService.create(ledger);
        this.queue = ActionQueue.create(ledger, clock);
        this.mailJournal = PostgresMailJournal.create(database, clock);
    }

    /** Opens the configured database (embedded under the data directory unless {@code AR_DATABASE_URL} is set) and migrates it. */
    public static App start(Settings settings, Clock clock) {
        Database db = settings.databaseUrl()
                .map(url -> Database.external(url, settings.databaseUser(), settings.databasePassword()))
                .orElseGet(() -> Database.embedded(settings.dataDir().resolve("pg")));
        return with(settings, clock, db);
    }

    /** An app on a database the caller opened (tests). */
    public static App with(Settings settings, Clock clock, Database database) {
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new App(settings, clock, database);
    }

    /**
     * Reads, judges and (if allowed) writes one import file: the path shared by the CLI, the demo and the HTTP API.
     *
     * @param kind empty to take the kind from the file's header
     */
    public ImportOutcome importFile(
            TenantId tenant,
            String source,
            byte[] content,
            Profile profile,
            Optional<ImportKind> kind,
            boolean acceptReport,
            String actor) {
        CsvImport reader = CsvImport.create(profile, settings.currency());
        ParsedImport parsed = reader.read(source, content, kind.orElseGet(() -> reader.detectKind(content)));
        ImportOutcome outcome = imports.run(tenant, parsed, actor, acceptReport);
        if (outcome instanceof ImportOutcome.Applied) {
            afterImport.accept(tenant, parsed.batch().accounts());
        }
        return outcome;
    }

    /** What to do with the accounts an applied import touched (e.g. refresh their documents in the index). */
    public void afterImport(java.util.function.BiConsumer<TenantId, java.util.Set<CustomerKey>> action) {
        this.afterImport = action;
    }

    /**
     * Re-indexes accounts' documents (invoices, payments, credit memos, notes, tickets) so retrieval reflects what an
     * import changed; {@code progress} hears how many accounts are done. Returns the documents indexed.
     */
    public int reindex(
            TenantId tenant, java.util.Collection<CustomerKey> accounts, java.util.function.IntConsumer progress) {
        int docs = 0;
        int done = 0;
        for (CustomerKey account : accounts) {
            docs += grounding()
                    .indexAccount(tenant, ledger.customer(tenant, account), ledger.accountFile(tenant, account));
            progress.accept(++done);
        }
        return docs;
    }

    /** {@code auto} (the kind is taken from the file's header) or a kind's code. */
    public static Optional<ImportKind> kindOption(String code) {
        return code.strip().equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(ImportKind.fromCode(code));
    }

    public AgingSummary summary(TenantId tenant) {
        LocalDate today = LocalDate.now(clock);
        return AgingSummary.of(
                today,
                ledger.invoices(tenant, InvoiceStatus.OPEN),
                ledger.invoicedBetween(tenant, today.minusDays(AgingSummary.DSO_PERIOD_DAYS - 1L), today));
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ImportService imports() {
        return imports;
    }

    /**
     * Retrieval over the book: MiniLM embeddings in process and a Lucene index under the data directory, opened on
     * first use (the model takes about a second to load).
     */
    public synchronized Grounding grounding() {
        if (grounding == null) {
            if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                System.setProperty(
                        "DJL_CACHE_DIR",
                        settings.dataDir().resolve("djl").toAbsolutePath().toString());
            }
            lucene = LuceneRetriever.open(settings.dataDir().resolve("index"));
            grounding = Grounding.create(embedder(), lucene, clock);
        }
        return grounding;
    }

    /** MiniLM in process, loaded once and shared by retrieval and the intent reader. */
    public synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = OnnxEmbedder.create();
        }
        return embedder;
    }

    public synchronized IntentReader intentReader() {
        if (intentReader == null) {
            intentReader = Readers.intentReader(settings, embedder());
        }
        return intentReader;
    }

    /**
     * The brain for one identity (who signs): reader, playbook with the tenant's policy book, drafter (the LLM's when
     * configured, falling back to the templates), guardrails with our addresses, retrieval over the account.
     */
    public Collector collector(MailSettings identity) {
        AgentConfig agent = settings.agent();
        Negotiator negotiator = Negotiator.create(
                agent.policies(),
                new Negotiator.Settings(
                        identity.company(),
                        identity.displayName(),
                        agent.consequences(),
                        agent.disclosures(),
                        agent.paymentInstructions(),
                        5));
        TemplateDrafter templates = TemplateDrafter.create();
        Guardrails guardrails =
                Guardrails.create(Prohibited.guardrails(agent.prohibited(), java.util.Set.of(identity.address())));
        Grounding g = grounding();
        return Collector.create(
                ledger,
                intentReader(),
                negotiator,
                Readers.drafter(settings, templates),
                templates,
                guardrails,
                new Collector.Retrieval() {
                    @Override
                    public java.util.List<dev.aragent.agent.grounding.Passage> passages(
                            dev.aragent.agent.ledger.TenantId tenant,
                            dev.aragent.agent.ledger.CustomerKey customer,
                            String text) {
                        return g.ask(tenant, customer, text, 3);
                    }

                    @Override
                    public void remember(dev.aragent.agent.grounding.Document message) {
                        g.index(message.tenant(), java.util.List.of(message), n -> {});
                    }
                },
                agent.defaultZone());
    }

    public PostgresMailJournal mailJournal() {
        return mailJournal;
    }

    public ActionQueue queue() {
        return queue;
    }

    @Override
    public synchronized void close() {
        if (lucene != null) {
            lucene.close();
        }
        database.close();
    }
}
