package dev.aragent.server;

import dev.aragent.agent.ledger.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the service is told: from {@code ar-agent.yaml} (when present) overridden by {@code AR_*} environment variables.
 * Secrets are never printed: {@link #toString()} masks them.
 *
 * @param databaseUrl an external PostgreSQL; empty means the embedded one under {@code dataDir/pg}
 * @param others the back offices of more tenants this service hosts ({@code tenants.ID.*}), beside its own
 */
public record Settings(
        Path dataDir,
        TenantId tenant,
        Currency currency,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        String serverHost,
        int serverPort,
        Optional<MailConfig> mail,
        AgentConfig agent,
        Optional<LlmConfig> llm,
        ChannelsConfig channels,
        Optional<OidcConfig> oidc,
        List<TenantConfig> others) {

    /** Environment variable → configuration key. README "Configuration" lists the same table. */
    public static final Map<String, String> ENVIRONMENT = envTable();

    private static Map<String, String> envTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AR_DATA_DIR", "data-dir");
        m.put("AR_TENANT", "tenant");
        m.put("AR_CURRENCY", "currency");
        m.put("AR_DATABASE_URL", "database.url");
        m.put("AR_DATABASE_USER", "database.user");
        m.put("AR_DATABASE_PASSWORD", "database.password");
        m.put("AR_SERVER_HOST", "server.host");
        m.put("AR_SERVER_PORT", "server.port");
        for (String key : new String[] {
            "mail.address",
            "mail.name",
            "mail.company",
            "mail.imap.host",
            "mail.imap.port",
            "mail.imap.user",
            "mail.imap.password",
            "mail.imap.folder",
            "mail.imap.ssl",
            "mail.imap.idle",
            "mail.smtp.host",
            "mail.smtp.port",
            "mail.smtp.user",
            "mail.smtp.password",
            "mail.smtp.starttls",
            "llm.url",
            "llm.api-key",
            "llm.model",
            "llm.timeout-seconds",
            "oidc.issuer",
            "oidc.client-id",
            "oidc.client-secret",
            "agent.time-zone",
            "agent.payment-instructions",
            "agent.phone",
            "agent.ai-disclosure",
            "agent.ai-disclosure-sms",
            "agent.cash-auto-apply-at"
        }) {
            m.put(envName(key), key);
        }
        for (String key : ChannelsConfig.KEYS) {
            m.put(envName(key), key);
        }
        return Map.copyOf(m);
    }

    /** {@code agent.ai-disclosure} → {@code AR_AGENT_AI_DISCLOSURE}. */
    private static String envName(String key) {
        return "AR_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Settings {
        if (serverPort < 0 || serverPort > 65_535) {
            throw new IllegalArgumentException("server.port must be 0-65535, got " + serverPort);
        }
        others = List.copyOf(others);
        TenantConfig.distinct(served(tenant, mail, agent, channels, others));
    }

    /** Every tenant whose back office this service runs: its own ({@link #tenant()}) first, then {@link #others()}. */
    public List<TenantConfig> served() {
        return served(tenant, mail, agent, channels, others);
    }

    /** The back office of {@code t}, when this service runs one. */
    public Optional<TenantConfig> served(TenantId t) {
        return served().stream().filter(c -> c.tenant().equals(t)).findFirst();
    }

    private static List<TenantConfig> served(
            TenantId tenant,
            Optional<MailConfig> mail,
            AgentConfig agent,
            ChannelsConfig channels,
            List<TenantConfig> others) {
        List<TenantConfig> all = new ArrayList<>();
        all.add(new TenantConfig(tenant, mail, agent, channels));
        all.addAll(others);
        return all;
    }

    /** Reads {@code file} if it exists, then the environment; environment wins. */
    public static Settings load(Path file, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            values.putAll(YamlFiles.leaves(file));
        }
        ENVIRONMENT.forEach((var, key) -> {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                values.put(key, v.strip());
            }
        });
        try {
            return new Settings(
                    Path.of(values.getOrDefault("data-dir", "data")),
                    TenantId.of(values.getOrDefault("tenant", "default")),
                    Currency.getInstance(values.getOrDefault("currency", "USD")),
                    Optional.ofNullable(values.get("database.url")).filter(s -> !s.isBlank()),
                    values.getOrDefault("database.user", ""),
                    values.getOrDefault("database.password", ""),
                    values.getOrDefault("server.host", "127.0.0.1"),
                    Integer.parseInt(values.getOrDefault("server.port", "8080")),
                    MailConfig.from(values),
                    AgentConfig.from(values, Currency.getInstance(values.getOrDefault("currency", "USD"))),
                    LlmConfig.from(values),
                    ChannelsConfig.from(values),
                    OidcConfig.from(values),
                    TenantConfig.sections(
                            values,
                            env,
                            Currency.getInstance(values.getOrDefault("currency", "USD")),
                            ChannelsConfig.from(values)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid setting in " + file + " or AR_* environment: " + e.getMessage(), e);
        }
    }

    public Settings withDataDir(Path dir) {
        return edit(p -> p.dataDir = dir);
    }

    public Settings withTenant(TenantId t) {
        return edit(p -> p.tenant = t);
    }

    public Settings withDatabaseUrl(String url) {
        return edit(p -> p.databaseUrl = Optional.of(url));
    }

    public Settings withPort(int port) {
        return edit(p -> p.serverPort = port);
    }

    public Settings withAgent(AgentConfig a) {
        return edit(p -> p.agent = a);
    }

    public Settings withMail(MailConfig m) {
        return edit(p -> p.mail = Optional.of(m));
    }

    public Settings withChannels(ChannelsConfig c) {
        return edit(p -> p.channels = c);
    }

    public Settings withOidc(OidcConfig o) {
        return edit(p -> p.oidc = Optional.of(o));
    }

    /** These settings hosting {@code t}'s back office too. */
    public Settings withTenant(TenantConfig t) {
        return edit(p -> {
            List<TenantConfig> more = new ArrayList<>(p.others);
            more.add(t);
            p.others = more;
        });
    }

    @Override
    public String toString() {
        return "Settings[dataDir=" + dataDir + ", tenant=" + tenant + ", currency=" + currency + ", database="
                + databaseUrl.map(Settings::maskUrl).orElse("embedded") + ", user=" + databaseUser + ", password="
                + (databasePassword.isEmpty() ? "" : "****") + ", server=" + serverHost + ":" + serverPort + ", mail="
                + mail.map(Object::toString).orElse("none") + ", llm="
                + llm.map(Object::toString).orElse("none") + ", slack="
                + channels.slack().map(Object::toString).orElse("none") + ", twilio="
                + channels.twilio().map(Object::toString).orElse("none") + ", crm="
                + channels.crm().map(Object::toString).orElse("none") + ", stripe="
                + channels.stripe().map(Object::toString).orElse("none") + ", oidc="
                + oidc.map(Object::toString).orElse("none")
                + (others.isEmpty()
                        ? ""
                        : ", tenants="
                                + others.stream().map(TenantConfig::toString).toList())
                + "]";
    }

    /** Hides a password given inside a URL ({@code ?password=…} or {@code user:pass@}). */
    static String maskUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****").replaceAll("//([^/:@]+):[^@/]*@", "//$1:****@");
    }

    /** These settings with one part changed: the withers' single copy of the constructor call. */
    private Settings edit(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new Settings(
                p.dataDir,
                p.tenant,
                currency,
                p.databaseUrl,
                databaseUser,
                databasePassword,
                serverHost,
                p.serverPort,
                p.mail,
                p.agent,
                llm,
                p.channels,
                p.oidc,
                p.others);
    }

    /** The parts a wither may change. */
    private static final class Parts {
        Path dataDir;
        TenantId tenant;
        Optional<String> databaseUrl;
        int serverPort;
        Optional<MailConfig> mail;
        AgentConfig agent;
        ChannelsConfig channels;
        Optional<OidcConfig> oidc;
        List<TenantConfig> others;

        Parts(Settings s) {
            dataDir = s.dataDir();
            tenant = s.tenant();
            databaseUrl = s.databaseUrl();
            serverPort = s.serverPort();
            mail = s.mail();
            agent = s.agent();
            channels = s.channels();
            oidc = s.oidc();
            others = s.others();
        }
    }
}
