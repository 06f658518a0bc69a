package dev.aragent.server;

import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.conversation.Negotiator;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.drafting.Guardrails;
import dev.aragent.agent.grounding.Grounding;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.imports.ImportService;
import dev.aragent.agent.imports.ParsedImport;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRecords;
import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.RiskLearner;
import dev.aragent.imports.CsvImport;
import dev.aragent.imports.Profile;
import dev.aragent.prompts.Prohibited;
import dev.aragent.prompts.TemplateDrafter;
import dev.aragent.ragindex.LuceneRetriever;
import dev.aragent.ragindex.OnnxEmbedder;
import dev.aragent.riskmodel.LightGbmLearner;
import dev.aragent.riskmodel.ModelFiles;
import dev.aragent.store.Database;
import dev.aragent.store.PostgresContactLog;
import dev.aragent.store.PostgresLedger;
import dev.aragent.store.PostgresMailJournal;
import dev.aragent.store.PostgresOutreachLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
    private final PostgresContactLog contactLog;
    private final PostgresOutreachLog outreachLog;
    private final java.util.Map<TenantId, Optional<RiskModel>> models = new java.util.HashMap<>();
    private final LightGbmLearner learner = new LightGbmLearner();
    private final PostgresMailJournal mailJournal;
    private final dev.aragent.agent.spi.AccountHolds holds;
    /** People's holds and a pause on each account a waiting receipt may be from: what the queue and follow-ups obey. */
    private final dev.aragent.agent.spi.AccountHolds chaseHolds;

    private final dev.aragent.agent.spi.CashBook cash;
    private final dev.aragent.agent.access.Access access;
    private final dev.aragent.agent.app.RulesDesk rules;
    /** One for the service: the console's report is kept a minute. */
    private final dev.aragent.agent.app.Reports reports;

    private Grounding grounding;
    private LuceneRetriever lucene;
    private Embedder embedder;
    private IntentReader intentReader;
    private java.util.function.BiConsumer<TenantId, java.util.Set<CustomerKey>> afterImport = (t, a) -> {};
    /** Indexes conversation messages in order, in batches, off the threads that answer debtors. */
    private final dev.aragent.agent.app.MessageIndexer indexer =
            new dev.aragent.agent.app.MessageIndexer(this::grounding);

    private App(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.ledger = PostgresLedger.create(database, clock);
        this.imports = ImportService.create(ledger);
        this.contactLog = PostgresContactLog.create(database);
        this.outreachLog = PostgresOutreachLog.create(database, clock);
        this.holds = dev.aragent.store.PostgresAccountHolds.create(database);
        this.chaseHolds = new dev.aragent.agent.app.ReceiptHolds(holds, this::cashDesk, clock);
        this.cash = dev.aragent.store.PostgresCashBook.create(database);
        this.reports = dev.aragent.agent.app.Reports.create(
                ledger, contactLog, outreachLog, this::riskModel, settings.currency(), clock);
        this.rules = dev.aragent.agent.app.RulesDesk.create(new dev.aragent.agent.app.RulesDesk.Parts(
                dev.aragent.store.PostgresRuleVersions.create(database),
                t -> dev.aragent.agent.rules.RuleSheet.write(
                        QueueRulesFile.load(queueRulesFile(t), settings.agent().defaultZone()), sitePolicies(t)),
                t -> settings.currency(),
                settings.agent().defaultZone(),
                ledger,
                contactLog,
                outreachLog,
                holds,
                this::riskModel,
                clock));
        this.queue = ActionQueue.create(
                        ledger, contactLog, outreachLog, this::riskModel, this::queueRules, Tone.lexicon(), clock)
                .withHolds(chaseHolds);
        this.mailJournal = PostgresMailJournal.create(database, clock);
        this.access = dev.aragent.agent.access.Access.create(
                dev.aragent.store.PostgresAccessBook.create(
                        database,
                        dev.aragent.store.ColumnKey.kept(
                                settings.dataDir().resolve("secrets.key"),
                                Optional.ofNullable(System.getenv("AR_SECRETS_KEY"))
                                        .filter(k -> !k.isBlank()))),
                dev.aragent.identity.Argon2Passwords.create(),
                clock,
                dev.aragent.agent.access.Access.Settings.defaults());
    }

    /** People, sessions and tokens: who may do what in which tenant. */
    public dev.aragent.agent.access.Access access() {
        return access;
    }

    /** Opens the configured database (embedded under the data directory unless {@code AR_DATABASE_URL} is set) and migrates it. */
    public static App start(Settings settings, Clock clock) {
        Database db = settings.databaseUrl()
                .map(url -> Database.external(url, settings.databaseUser(), settings.databasePassword())
                        .keepServiceSecretIn(settings.dataDir().resolve("service.password")))
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

    /** Files people bring in, by the codes a form or a request names their profile and kind with. */
    public dev.aragent.agent.app.ImportFiles importFiles() {
        return new dev.aragent.agent.app.ImportFiles() {
            @Override
            public dev.aragent.agent.imports.DataHealthReport check(
                    TenantId t, String source, byte[] content, String profile, String kind) {
                CsvImport reader = CsvImport.create(Profile.fromCode(profile), settings.currency());
                return reader.read(source, content, kindOption(kind).orElseGet(() -> reader.detectKind(content)))
                        .report();
            }

            @Override
            public ImportOutcome apply(
                    TenantId t, String source, byte[] content, String profile, String kind, boolean accept, String a) {
                return importFile(t, source, content, Profile.fromCode(profile), kindOption(kind), accept, a);
            }

            @Override
            public dev.aragent.agent.cash.BankFile readBank(TenantId t, String source, byte[] content) {
                return bankFiles().read(source, content);
            }

            @Override
            public dev.aragent.agent.app.CashDesk.Taken takeBank(
                    TenantId t, String source, byte[] content, String actor) {
                return takeBankFile(t, source, content, actor);
            }
        };
    }

    /**
     * Cash application for {@code tenant}: its bank files filed once, the receipts the agent is sure of applied (from
     * the tenant's {@code agent.cash-auto-apply-at}), the rest in the unapplied-cash queue.
     */
    public dev.aragent.agent.app.CashDesk cashDesk(TenantId tenant) {
        double threshold = settings.served(tenant)
                .map(c -> c.agent().cashAutoApplyAt())
                .orElse(settings.agent().cashAutoApplyAt());
        return new dev.aragent.agent.app.CashDesk(ledger, cash, clock, threshold);
    }

    /**
     * Reads a bank file (camt.053/054, BAI2, MT940/942, or a bank CSV through the generic profile) and takes it into
     * the tenant's cash book: the path shared by the CLI, the console and the simulation. A file its reader refuses
     * throws {@link IllegalArgumentException} (format, line, reason) and changes nothing.
     */
    public dev.aragent.agent.app.CashDesk.Taken takeBankFile(
            TenantId tenant, String source, byte[] content, String actor) {
        return takeBankFile(
                tenant,
                source,
                content,
                actor,
                settings.served(tenant).flatMap(t -> t.channels().stripe()).map(st -> payNow(tenant, st, clock)));
    }

    /**
     * {@link #takeBankFile(TenantId, String, byte[], String)} for a tenant taking payments through {@code payNow}: the
     * pay-now links of the customers the file paid are retired when they now ask more than is owed.
     */
    public dev.aragent.agent.app.CashDesk.Taken takeBankFile(
            TenantId tenant,
            String source,
            byte[] content,
            String actor,
            Optional<dev.aragent.agent.app.PayNow> payNow) {
        var taken = cashDesk(tenant).take(tenant, bankFiles().read(source, content), actor);
        payNow.ifPresent(p -> taken.paidBy().forEach(c -> p.retireStale(tenant, c)));
        return taken;
    }

    private static dev.aragent.imports.bank.BankFileReader bankFiles() {
        return dev.aragent.imports.bank.BankFileReader.with(dev.aragent.imports.BankCsvReader.Profile.generic());
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
     * configured, falling back to the templates), guardrails with our addresses, retrieval over the account (the index
     * is opened on first use, so a command that only decides approvals never locks it).
     */
    public TurnTaker turnTaker(MailSettings identity) {
        return turnTaker(identity, settings.agent(), settings.tenant());
    }

    /** The brain of a tenant's back office: signing as its identity, negotiating and writing as its agent settings. */
    public TurnTaker turnTaker(TenantConfig tenant) {
        return turnTaker(tenant.identity(), tenant.agent(), tenant.tenant());
    }

    private TurnTaker turnTaker(MailSettings identity, AgentConfig agent, TenantId tenant) {
        Negotiator negotiator = Negotiator.create(
                livePolicies(tenant),
                new Negotiator.Settings(
                        identity.company(),
                        identity.displayName(),
                        agent.consequences(),
                        agent.disclosures(),
                        agent.paymentInstructions(),
                        5,
                        agent.phone(),
                        agent.aiDisclosure(),
                        agent.aiDisclosureShort()));
        TemplateDrafter templates = TemplateDrafter.create();
        Guardrails guardrails =
                Guardrails.create(Prohibited.guardrails(agent.prohibited(), java.util.Set.of(identity.address())));
        return TurnTaker.create(
                        ledger,
                        intentReader(),
                        negotiator,
                        Readers.drafter(settings, templates),
                        templates,
                        guardrails,
                        new TurnTaker.Retrieval() {
                            @Override
                            public java.util.List<dev.aragent.agent.grounding.Passage> passages(
                                    dev.aragent.agent.ledger.TenantId tenant,
                                    dev.aragent.agent.ledger.CustomerKey customer,
                                    String text) {
                                return grounding().ask(tenant, customer, text, 3);
                            }

                            @Override
                            public void remember(dev.aragent.agent.grounding.Document message) {
                                indexer.add(message); // off the reply's path (a call waits for it)
                            }
                        },
                        agent.defaultZone())
                .withHolds(chaseHolds)
                .withPayLinks(settings.served(tenant)
                        .flatMap(t -> t.channels().stripe())
                        .<dev.aragent.agent.drafting.PayLinking>map(st -> payNow(tenant, st, clock))
                        .orElse(dev.aragent.agent.drafting.PayLinking.none()));
    }

    /** Who signs messages: the configured mailbox, else a neutral identity (texts and approvals still need one). */
    public MailSettings identity() {
        return settings.served().getFirst().identity();
    }

    /**
     * An email desk for threading replies when no mailbox is configured: what it queues waits in the outbox until an
     * SMTP server is.
     */
    public dev.aragent.agent.conversation.MailDesk replyDesk() {
        return replyDesk(identity());
    }

    /** {@link #replyDesk()} signing as {@code identity}. */
    public dev.aragent.agent.conversation.MailDesk replyDesk(MailSettings identity) {
        return replyDesk(identity, turnTaker(identity));
    }

    /** {@link #replyDesk()} signing as {@code identity}, answering with {@code collector}. */
    public dev.aragent.agent.conversation.MailDesk replyDesk(MailSettings identity, TurnTaker turnTaker) {
        return dev.aragent.agent.conversation.MailDesk.create(
                        mailJournal,
                        dev.aragent.mailbox.MimeMailReader.create(),
                        e -> new dev.aragent.agent.conversation.SendResult.RetryLater(
                                java.time.Duration.ofHours(1), "no SMTP server configured"),
                        clock,
                        identity,
                        turnTaker)
                .hearing(this::remitted);
    }

    /** What a customer wrote about a payment, kept for cash application. */
    private void remitted(TenantId tenant, CustomerKey customer, String source, String text) {
        cashDesk(tenant).told(tenant, customer, source, text);
    }

    public PostgresMailJournal mailJournal() {
        return mailJournal;
    }

    // The composition root: every adapter the service uses is created here (and in Readers, its part for readers).

    /** The book of approvals and staff notices (approvals, Slack cards, notices). */
    public dev.aragent.store.PostgresApprovalBook approvalBook() {
        return dev.aragent.store.PostgresApprovalBook.create(database);
    }

    /** The CRM events waiting to be written. */
    public dev.aragent.store.PostgresCrmOutbox crmOutbox() {
        return dev.aragent.store.PostgresCrmOutbox.create(database);
    }

    /** The record of calls. */
    public dev.aragent.agent.spi.VoiceJournal voiceJournal() {
        return dev.aragent.store.PostgresVoiceJournal.create(database);
    }

    /** The calls conversations asked for. */
    public dev.aragent.agent.spi.CallTasks callTasks() {
        return dev.aragent.store.PostgresCallTasks.create(database);
    }

    /** The text conversations, on {@code clock} (the demo's is virtual). */
    public dev.aragent.agent.spi.SmsJournal smsJournal(Clock clock) {
        return dev.aragent.store.PostgresSmsJournal.create(database, clock);
    }

    /** Twilio's API for texts, on a tenant's account. */
    public static dev.aragent.agent.spi.SmsSender smsSender(ChannelsConfig.Twilio t) {
        return dev.aragent.channels.TwilioSmsSender.create(t.accountSid(), t.authToken(), t.apiUrl());
    }

    /** Twilio's API for calls, on a tenant's account. */
    public static dev.aragent.agent.spi.VoiceCaller voiceCaller(ChannelsConfig.Twilio t) {
        return dev.aragent.channels.TwilioVoiceCaller.create(t.accountSid(), t.authToken(), t.apiUrl());
    }

    /** What checks a tenant's Twilio webhooks. */
    public static dev.aragent.channels.TwilioWebhooks twilioWebhooks(ChannelsConfig.Twilio t) {
        return dev.aragent.channels.TwilioWebhooks.create(t.authToken());
    }

    /** A tenant's Slack app, deciding through {@code decisions}. */
    public static dev.aragent.channels.SlackApprovalGateway slack(
            dev.aragent.channels.SlackApprovalGateway.Settings s, dev.aragent.agent.app.ApprovalDecisions decisions) {
        return dev.aragent.channels.SlackApprovalGateway.create(s, decisions);
    }

    /** Stripe's API for pay-now links, on a tenant's account. */
    public static dev.aragent.agent.spi.PayLinks payLinks(ChannelsConfig.Stripe s) {
        return dev.aragent.payments.StripePayLinks.create(s.secretKey(), s.apiUrl());
    }

    /** What reads a tenant's Stripe webhook, on {@code clock} (its replay window). */
    public static dev.aragent.payments.StripeWebhooks stripeWebhooks(ChannelsConfig.Stripe s, Clock clock) {
        return dev.aragent.payments.StripeWebhooks.create(s.webhookSecret(), clock);
    }

    /** Pay now for {@code tenant} on its Stripe account: links on what messages ask, link payments applied. */
    public dev.aragent.agent.app.PayNow payNow(TenantId tenant, ChannelsConfig.Stripe s, Clock clock) {
        return new dev.aragent.agent.app.PayNow(
                payLinks(s),
                cash,
                new dev.aragent.agent.app.CashDesk(
                        ledger, cash, clock, cashDesk(tenant).threshold()),
                ledger,
                clock);
    }

    /** Where a tenant's CRM events go: HubSpot or a signed webhook. */
    public static dev.aragent.agent.spi.CrmSink crmSink(ChannelsConfig.Crm c, Clock clock) {
        return switch (c) {
            case ChannelsConfig.Crm.HubSpot h -> dev.aragent.crm.HubSpotCrmSink.create(h.url(), h.token());
            case ChannelsConfig.Crm.Webhook w -> dev.aragent.crm.WebhookCrmSink.create(w.url(), w.secret(), clock);
        };
    }

    /** The service's own tenant, answering mail with {@code mail} and every channel with {@code collector}. */
    public Tenancy tenancy(dev.aragent.agent.conversation.MailDesk mail, TurnTaker turnTaker) {
        return tenancy(settings.served().getFirst(), mail, turnTaker, clock);
    }

    /** A tenant on other channels and clock than the settings' (the demo's loopback world, virtual time). */
    public Tenancy tenancy(
            dev.aragent.agent.conversation.MailDesk mail, TurnTaker turnTaker, ChannelsConfig channels, Clock clock) {
        Settings s = settings;
        return tenancy(new TenantConfig(s.tenant(), s.mail(), s.agent(), channels), mail, turnTaker, clock);
    }

    /**
     * One tenant the service hosts, on its own channels: its office (the desks of each configured channel, approvals,
     * calls, CRM write-back) and the adapters its webhooks reach.
     */
    public Tenancy tenancy(
            TenantConfig site, dev.aragent.agent.conversation.MailDesk mail, TurnTaker turnTaker, Clock clock) {
        ChannelsConfig c = site.channels();
        var book = approvalBook();
        var crmOutbox = crmOutbox();
        var voice = voiceJournal();
        var slack = new java.util.concurrent.atomic.AtomicReference<dev.aragent.channels.SlackApprovalGateway>();
        var sms = c.twilio()
                .map(t -> dev.aragent.agent.conversation.SmsDesk.create(
                                smsJournal(clock),
                                smsSender(t),
                                turnTaker,
                                clock,
                                new dev.aragent.agent.conversation.SmsSettings(
                                        mail.settings().company(),
                                        t.number(),
                                        site.agent().defaultZone()))
                        .hearing(this::remitted));
        var cards = dev.aragent.agent.approval.ApprovalCards.create(
                ledger(),
                contactLog(),
                mailJournal,
                livePolicies(site.tenant()),
                this::riskModel,
                turnTaker,
                c.approvalsExpireAfter(),
                clock);
        var calls = dev.aragent.agent.voice.CallDesk.create(
                ledger(),
                voice,
                callTasks(),
                book,
                c.twilio().map(App::voiceCaller),
                c.twilio().map(ChannelsConfig.Twilio::number),
                c.publicUrl(),
                this::queueRules,
                mail.settings().company(),
                c.transferNumber(),
                clock);
        var office = dev.aragent.agent.app.Office.create(new dev.aragent.agent.app.Office.Parts(
                site.tenant(),
                clock,
                mail,
                sms,
                turnTaker,
                book,
                book,
                mailJournal,
                cards,
                c.slack().map(s -> decisions -> {
                    slack.set(slack(s, decisions));
                    return slack.get();
                }),
                c.crm().map(x -> dev.aragent.agent.crm.CrmDispatcher.create(crmOutbox, crmSink(x, clock), clock)),
                calls,
                voice,
                access(),
                c.approvalsExpireAfter(),
                this::remitted));
        return new Tenancy(
                office,
                c,
                c.twilio().map(App::twilioWebhooks),
                Optional.ofNullable(slack.get()),
                crmOutbox,
                offlineSpeech(c.voicePath() == ChannelsConfig.VoicePath.MEDIA),
                c.stripe()
                        .map(st -> new Tenancy.Payments(payNow(site.tenant(), st, clock), stripeWebhooks(st, clock))));
    }

    /** A tenant's mail desk: reading with mime4j, sending through its SMTP server, signing as its mailbox. */
    public dev.aragent.agent.conversation.MailDesk mailDesk(MailConfig mail, TurnTaker turnTaker) {
        return dev.aragent.agent.conversation.MailDesk.create(
                        mailJournal,
                        dev.aragent.mailbox.MimeMailReader.create(),
                        dev.aragent.mailbox.SmtpSender.create(mail.smtp()),
                        clock,
                        mail.identity(),
                        turnTaker)
                .hearing(this::remitted);
    }

    /** A tenant's IMAP mailbox. */
    public dev.aragent.mailbox.ImapInbox inbox(MailConfig mail) {
        return dev.aragent.mailbox.ImapInbox.create(mail.imap(), clock);
    }

    /**
     * The offline speech services when installed (pocketsphinx, espeak-ng); required when calls use Media Streams, so a
     * missing package is a startup error that says what to install rather than a silent call.
     */
    public static Optional<Tenancy.Speech> offlineSpeech(boolean required) {
        boolean installed = dev.aragent.voicebridge.PocketsphinxSpeechToText.available()
                && dev.aragent.voicebridge.EspeakTextToSpeech.available();
        if (!installed) {
            if (required) {
                throw new IllegalArgumentException("voice.path is media but the offline speech services are not"
                        + " installed: run `apt-get install espeak-ng pocketsphinx pocketsphinx-en-us`, or set"
                        + " voice.path: relay (Twilio's speech)");
            }
            return Optional.empty();
        }
        return Optional.of(new Tenancy.Speech(
                dev.aragent.voicebridge.PocketsphinxSpeechToText.create(
                        Math.max(2, Runtime.getRuntime().availableProcessors())),
                dev.aragent.voicebridge.EspeakTextToSpeech.create("en-us", 165)));
    }

    /** One ConversationRelay call's WebSocket listener: its calls and its upgrade gate are one connection's line. */
    public static dev.aragent.voicebridge.ConversationRelay relay(
            dev.aragent.agent.app.VoiceCalls calls,
            dev.aragent.voicebridge.UpgradeGate gate,
            java.time.Duration pacing) {
        return dev.aragent.voicebridge.ConversationRelay.create(calls, gate, pacing);
    }

    /** One Media Streams call's WebSocket listener, hearing and speaking with our own speech services. */
    public static dev.aragent.voicebridge.MediaStreams mediaStreams(
            dev.aragent.agent.app.VoiceCalls calls,
            dev.aragent.voicebridge.UpgradeGate gate,
            Tenancy.Speech speech,
            dev.aragent.voicebridge.MediaStreams.Options options) {
        return dev.aragent.voicebridge.MediaStreams.create(calls, gate, speech.stt(), speech.tts(), options);
    }

    /** Single sign-on with the configured OpenID Connect provider (its tokens carry wall-clock times). */
    public static dev.aragent.identity.OidcSignIn oidc(OidcConfig o) {
        return dev.aragent.identity.OidcSignIn.create(
                new dev.aragent.identity.OidcSignIn.Client(o.issuer(), o.clientId(), o.clientSecret()),
                java.time.InstantSource.system());
    }

    /** A fresh risk learner (LightGBM), for commands that train without the service. */
    public static RiskLearner newLearner() {
        return new LightGbmLearner();
    }

    /** Where a tenant's trained risk models are kept, one versioned file each. */
    public ModelFiles modelFiles(TenantId tenant) {
        return new ModelFiles(settings.dataDir().resolve("models").resolve(tenant.value()), learner);
    }

    /** The tenant's newest trained risk model, if one was trained (loaded once). */
    public synchronized Optional<RiskModel> riskModel(TenantId tenant) {
        return models.computeIfAbsent(tenant, t -> modelFiles(t).latest());
    }

    /** The learner behind the risk model. */
    public RiskLearner learner() {
        return learner;
    }

    /** The AR manager's queue rules for a tenant: {@code DATA_DIR/queue-rules/TENANT.yaml}, or the defaults. */
    public Path queueRulesFile(TenantId tenant) {
        return settings.dataDir().resolve("queue-rules").resolve(tenant.value() + ".yaml");
    }

    /** The tenant's queue rules in force: the newest version saved in the console, else its file, else the defaults. */
    public QueueRules queueRules(TenantId tenant) {
        return rules.queueRules(tenant);
    }

    /** The AR manager's rules: in force, drafted, previewed, saved as versions. */
    public dev.aragent.agent.app.RulesDesk rules() {
        return rules;
    }

    /** The negotiation policy a tenant's settings give it: its rules' version 0. */
    private dev.aragent.agent.policy.PolicyBook sitePolicies(TenantId tenant) {
        return settings.served(tenant)
                .map(c -> c.agent().policies())
                .orElse(settings.agent().policies());
    }

    /** The tenant's negotiation policy as it stands when asked (a version saved in the console applies at once). */
    private dev.aragent.agent.policy.Policies livePolicies(TenantId tenant) {
        return customer -> rules.policies(tenant).forCustomer(customer);
    }

    /** Every account of a tenant with its activity, as risk features read them. */
    public List<AccountRecord> accountRecords(TenantId tenant) {
        return AccountRecords.load(ledger, contactLog, tenant);
    }

    /** One account with its activity, read alone. */
    public Optional<AccountRecord> accountRecord(TenantId tenant, CustomerKey customer) {
        return AccountRecords.load(ledger, contactLog, tenant, customer);
    }

    /**
     * Trains a risk model on the tenant's book: weekly snapshots of open invoices, labelled by payment within {@code
     * horizonDays}; the earliest 80% train, the latest 20% are held out. Saves it as the next version and makes it the
     * one the queue uses.
     */
    public synchronized RiskTrainer.Trained trainRisk(TenantId tenant, int horizonDays, RiskLearner.Settings fit) {
        List<AccountRecord> accounts = accountRecords(tenant);
        Features features = Features.forAccounts(accounts, Tone.lexicon());
        Dataset data = RiskTrainer.snapshots(accounts, features, LocalDate.now(clock), horizonDays, 7);
        ModelFiles files = modelFiles(tenant);
        RiskTrainer.Trained trained =
                new RiskTrainer(learner, clock).train(data, 0.8, horizonDays, files.nextVersion(), fit);
        files.save(trained.model());
        models.put(tenant, Optional.of(trained.model()));
        return trained;
    }

    /** What the console reads: the worklist, the account search, an account. */
    public dev.aragent.agent.app.Workbench workbench() {
        return dev.aragent.agent.app.Workbench.create(new dev.aragent.agent.app.Workbench.Parts(
                queue,
                peopleTasks(),
                dev.aragent.store.PostgresAccountHistory.create(database),
                holds,
                access,
                ledger,
                this::accountRecord,
                this::riskModel,
                this::queueRules,
                clock,
                batchRuns(),
                contactLog));
    }

    /** Each batch run, step by step, for the AR manager to read. */
    public dev.aragent.agent.spi.BatchRuns batchRuns() {
        return dev.aragent.store.PostgresBatchRuns.create(database);
    }

    /** What a person does to a whole account: pause, take over, resume, hand back. */
    public dev.aragent.agent.app.AccountActions accountActions() {
        return dev.aragent.agent.app.AccountActions.create(holds, ledger, peopleTasks(), this::queueRules, clock);
    }

    /** Where people work the tasks the agent left them. */
    public dev.aragent.agent.app.TaskDesk taskDesk() {
        return dev.aragent.agent.app.TaskDesk.create(peopleTasks(), this::queueRules, clock);
    }

    private dev.aragent.agent.spi.PeopleTasks peopleTasks() {
        return dev.aragent.store.PostgresPeopleTasks.create(database);
    }

    /** The aging summary and the portfolio report of a tenant's book. */
    public dev.aragent.agent.app.Reports reports() {
        return reports;
    }

    public PostgresOutreachLog outreachLog() {
        return outreachLog;
    }

    public PostgresContactLog contactLog() {
        return contactLog;
    }

    public ActionQueue queue() {
        return queue;
    }

    @Override
    public void close() {
        // not under the monitor: a pending index task needs it (grounding()) to finish
        indexer.close();
        closeResources();
    }

    private synchronized void closeResources() {
        models.values().forEach(m -> m.ifPresent(RiskModel::close));
        if (lucene != null) {
            lucene.close();
        }
        database.close();
    }
}
