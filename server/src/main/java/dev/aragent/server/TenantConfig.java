package dev.aragent.server;

import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One tenant's back office as configured: the mailbox it watches and signs as, how its agent negotiates and writes,
 * and its channels (Slack, Twilio, CRM). The service's own tenant comes from the top-level keys; more come from
 * {@code tenants.ID.*} sections of ar-agent.yaml, each taking the same keys (its {@code agent.*} and {@code policy.*}
 * over the top-level ones; its mailbox and channels only its own). A webhook reaches the tenant whose channel it
 * arrived on, so no two tenants may share a Twilio account, a mailbox or a Slack signing secret without a distinct
 * Slack workspace ({@code slack.team}).
 */
public record TenantConfig(TenantId tenant, Optional<MailConfig> mail, AgentConfig agent, ChannelsConfig channels) {

    /** Who signs this tenant's messages: its mailbox, else a neutral identity (texts and approvals still need one). */
    public MailSettings identity() {
        return mail.map(MailConfig::identity)
                .orElseGet(() -> new MailSettings("ar@ar-agent.invalid", "Accounts Receivable", "Accounts Receivable"));
    }

    /** What it runs, secrets masked. */
    @Override
    public String toString() {
        return tenant + "[mail=" + mail.map(m -> m.identity().address()).orElse("none") + ", slack="
                + channels.slack().map(Object::toString).orElse("none") + ", twilio="
                + channels.twilio().map(Object::toString).orElse("none") + ", stripe="
                + channels.stripe().map(Object::toString).orElse("none") + ", crm="
                + channels.crm().map(Object::toString).orElse("none") + "]";
    }

    /** The key prefixes a {@code tenants.ID} section may set; everything else is the service's. */
    private static final List<String> PER_TENANT =
            List.of("mail.", "agent.", "policy.", "slack.", "twilio.", "crm.", "approvals.", "voice.", "stripe.");

    /**
     * The {@code tenants.ID.*} sections of {@code values}. A value written {@code env:NAME} is read from the
     * environment variable {@code NAME} (so a tenant's secrets need not sit in the file).
     */
    static List<TenantConfig> sections(
            Map<String, String> values, Map<String, String> env, Currency currency, ChannelsConfig service) {
        Map<String, Map<String, String>> byTenant = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            if (!e.getKey().startsWith("tenants.")) {
                continue;
            }
            String rest = e.getKey().substring("tenants.".length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException(
                        "tenants." + rest + " must be a section of settings, like tenants." + rest + ".mail.address");
            }
            String id = rest.substring(0, dot);
            String key = rest.substring(dot + 1);
            if (PER_TENANT.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException("tenants." + id + "." + key + " is not a per-tenant setting (a"
                        + " tenant's section takes mail.*, agent.*, policy.*, slack.*, twilio.*, crm.*, stripe.*,"
                        + " approvals.* and voice.*)");
            }
            byTenant.computeIfAbsent(id, x -> new LinkedHashMap<>()).put(key, resolve(e.getKey(), e.getValue(), env));
        }
        List<TenantConfig> out = new ArrayList<>();
        byTenant.forEach((id, own) -> {
            Map<String, String> agent = new HashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith("agent.") || k.startsWith("policy.")) {
                    agent.put(k, v);
                }
            });
            agent.putAll(own);
            Map<String, String> channels = new HashMap<>(own);
            service.publicUrl().ifPresent(u -> channels.put("public-url", u.toString()));
            try {
                out.add(new TenantConfig(
                        TenantId.of(id),
                        MailConfig.from(own),
                        AgentConfig.from(agent, currency),
                        ChannelsConfig.from(channels)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("tenants." + id + ": " + ex.getMessage(), ex);
            }
        });
        return out;
    }

    private static String resolve(String key, String value, Map<String, String> env) {
        if (!value.startsWith("env:")) {
            return value;
        }
        String name = value.substring("env:".length()).strip();
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " reads the environment variable " + name + ", which is not set");
        }
        return v.strip();
    }

    /**
     * Refuses tenants whose channels a webhook could not tell apart: the same tenant twice, a Twilio account, number
     * or auth token in two tenants, a Stripe webhook signing secret in two, a mailbox in two, a Slack signing secret in two without distinct {@code
     * slack.team}s.
     */
    static void distinct(List<TenantConfig> all) {
        Set<TenantId> ids = new HashSet<>();
        Map<String, TenantId> twilio = new HashMap<>();
        Map<String, TenantId> mailboxes = new HashMap<>();
        Map<String, List<TenantConfig>> slackSecrets = new LinkedHashMap<>();
        for (TenantConfig t : all) {
            if (!ids.add(t.tenant())) {
                throw new IllegalArgumentException("tenant " + t.tenant() + " is configured twice");
            }
            t.channels().twilio().ifPresent(tw -> {
                once(
                        twilio,
                        "account " + tw.accountSid(),
                        t.tenant(),
                        "a Twilio account (use a subaccount per tenant)");
                once(twilio, "number " + tw.number(), t.tenant(), "a Twilio number");
                once(twilio, "token " + tw.authToken(), t.tenant(), "a Twilio auth token");
            });
            t.channels()
                    .stripe()
                    .ifPresent(st -> once(
                            twilio, "stripe " + st.webhookSecret(), t.tenant(), "a Stripe webhook signing secret"));
            t.mail()
                    .ifPresent(m ->
                            once(mailboxes, m.identity().address().toLowerCase(Locale.ROOT), t.tenant(), "a mailbox"));
            t.channels()
                    .slack()
                    .ifPresent(s -> slackSecrets
                            .computeIfAbsent(s.signingSecret(), x -> new ArrayList<>())
                            .add(t));
        }
        for (List<TenantConfig> sharing : slackSecrets.values()) {
            if (sharing.size() < 2) {
                continue;
            }
            Set<String> teams = new TreeSet<>();
            for (TenantConfig t : sharing) {
                Optional<String> team = t.channels().slack().orElseThrow().team();
                if (team.isEmpty() || !teams.add(team.get())) {
                    throw new IllegalArgumentException("tenants "
                            + sharing.stream().map(x -> x.tenant().value()).toList()
                            + " share a Slack app: give each its workspace with slack.team (T…), or each its own app");
                }
            }
        }
    }

    private static void once(Map<String, TenantId> seen, String key, TenantId tenant, String what) {
        TenantId before = seen.putIfAbsent(key, tenant);
        if (before != null) {
            throw new IllegalArgumentException("tenants " + before + " and " + tenant + " share " + what
                    + ": a webhook could not tell which tenant it is for");
        }
    }
}
