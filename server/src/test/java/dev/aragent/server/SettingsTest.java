package dev.aragent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void theEnvironmentShouldOverrideTheFileAndTheFileTheDefaults(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("ar-agent.yaml");
        Files.writeString(yaml, """
                tenant: acme
                currency: EUR
                server:
                  port: 9090
                database:
                  url: jdbc:postgresql://db.internal:5432/ar
                  password: from-file
                """);

        Settings s = Settings.load(yaml, Map.of("AR_SERVER_PORT", "7070", "AR_DATA_DIR", "/var/lib/ar"));

        assertThat(s.tenant().value()).isEqualTo("acme");
        assertThat(s.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(s.serverPort()).isEqualTo(7070);
        assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/ar"));
        assertThat(s.databaseUrl()).contains("jdbc:postgresql://db.internal:5432/ar");
    }

    @Test
    void withNoFileAndNoEnvironmentTheEmbeddedDefaultsShouldApply(@TempDir Path dir) {
        Settings s = Settings.load(dir.resolve("absent.yaml"), Map.of());

        assertThat(s.databaseUrl()).isEmpty();
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.tenant().value()).isEqualTo("default");
        assertThat(s.serverPort()).isEqualTo(8080);
    }

    @Test
    void toStringShouldMaskSecrets(@TempDir Path dir) {
        Settings s = Settings.load(
                dir.resolve("absent.yaml"),
                Map.of(
                        "AR_DATABASE_URL", "jdbc:postgresql://ar:s3cret@db/ar?password=s3cret&ssl=true",
                        "AR_DATABASE_PASSWORD", "s3cret"));

        assertThat(s.toString()).doesNotContain("s3cret").contains("****").contains("ssl=true");
    }

    @Test
    void channelsComeFromTheEnvironmentWithTheirSecretsMasked(@TempDir Path dir) {
        Settings s = Settings.load(
                dir.resolve("absent.yaml"),
                Map.of(
                        "AR_SLACK_BOT_TOKEN", "xoxb-s3cret-token",
                        "AR_SLACK_SIGNING_SECRET", "s3cret-signing-secret-32-chars-xx",
                        "AR_TWILIO_ACCOUNT_SID", "AC0123",
                        "AR_TWILIO_AUTH_TOKEN", "s3cret-twilio",
                        "AR_TWILIO_NUMBER", "+14155550100",
                        "AR_CRM_KIND", "webhook",
                        "AR_CRM_WEBHOOK_URL", "https://crm.example/hooks/ar",
                        "AR_CRM_WEBHOOK_SECRET", "s3cret-webhook-secret",
                        "AR_APPROVALS_EXPIRE_AFTER_HOURS", "24"));
        assertThat(s.channels().slack()).isPresent();
        assertThat(s.channels().twilio().orElseThrow().number()).isEqualTo("+14155550100");
        assertThat(s.channels().crm().orElseThrow()).isInstanceOf(ChannelsConfig.Crm.Webhook.class);
        assertThat(s.channels().approvalsExpireAfter()).hasHours(24);
        assertThat(s.toString())
                .doesNotContain("s3cret")
                .contains("#ar-approvals")
                .contains("+14155550100");
    }

    @Test
    void aHalfConfiguredChannelSaysWhatIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.load(dir.resolve("absent.yaml"), Map.of("AR_SLACK_BOT_TOKEN", "xoxb-1")))
                .hasMessageContaining("slack.signing-secret is missing (set AR_SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> Settings.load(
                        dir.resolve("absent.yaml"),
                        Map.of(
                                "AR_TWILIO_ACCOUNT_SID",
                                "AC1",
                                "AR_TWILIO_AUTH_TOKEN",
                                "t",
                                "AR_TWILIO_NUMBER",
                                "555-0100")))
                .hasMessageContaining("twilio.number must be E.164");
        assertThatThrownBy(() -> Settings.load(dir.resolve("absent.yaml"), Map.of("AR_CRM_KIND", "salesforce")))
                .hasMessageContaining("crm.kind must be none, hubspot or webhook");
    }

    @Test
    void stripeComesFromTheEnvironmentMaskedAndAHalfOrWrongKeySaysWhat(@TempDir Path dir) {
        Settings s = Settings.load(
                dir.resolve("absent.yaml"),
                Map.of("AR_STRIPE_SECRET_KEY", "sk_live_s3cret", "AR_STRIPE_WEBHOOK_SECRET", "whsec_s3cret"));
        assertThat(s.channels().stripe().orElseThrow().webhookSecret()).isEqualTo("whsec_s3cret");
        assertThat(s.channels().stripe().orElseThrow().apiUrl()).isEmpty();
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> Settings.load(dir.resolve("absent.yaml"), Map.of("AR_STRIPE_SECRET_KEY", "sk_test_1")))
                .hasMessageContaining("stripe.webhook-secret is missing (set AR_STRIPE_WEBHOOK_SECRET");
        assertThatThrownBy(() -> Settings.load(
                        dir.resolve("absent.yaml"),
                        Map.of("AR_STRIPE_SECRET_KEY", "pk_live_public", "AR_STRIPE_WEBHOOK_SECRET", "whsec_1")))
                .hasMessageContaining("stripe.secret-key must be a Stripe secret or restricted key");
    }

    @Test
    void aBadSettingShouldSayWhichAndWhere(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", "Not A Tenant")))
                .hasMessageContaining("invalid setting")
                .hasMessageContaining("tenant id must be");
        assertThatThrownBy(() -> Settings.load(dir.resolve("absent.yaml"), Map.of("AR_SERVER_PORT", "http")))
                .hasMessageContaining("invalid setting");
    }

    @Test
    void aMailboxShouldBeConfiguredFromTheEnvironmentWithItsPasswordMasked(@TempDir Path dir) {
        Settings s = Settings.load(
                dir.resolve("absent.yaml"),
                Map.of(
                        "AR_MAIL_ADDRESS", "ar@northwind.example",
                        "AR_MAIL_IMAP_HOST", "imap.northwind.example",
                        "AR_MAIL_IMAP_PASSWORD", "hunter2",
                        "AR_MAIL_SMTP_HOST", "smtp.northwind.example"));

        assertThat(s.mail()).hasValueSatisfying(m -> {
            assertThat(m.imap().host()).isEqualTo("imap.northwind.example");
            assertThat(m.imap().port()).isEqualTo(993);
            assertThat(m.smtp().password()).isEqualTo("hunter2");
            assertThat(m.identity().replyAddress("abc")).isEqualTo("ar+abc@northwind.example");
        });
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> Settings.load(dir.resolve("absent.yaml"), Map.of("AR_MAIL_ADDRESS", "ar@x.example")))
                .hasMessageContaining("mail.imap.host is required")
                .hasMessageContaining("AR_MAIL_IMAP_HOST");
    }

    @Test
    void moreTenantsComeFromTheirSectionsWithTheirOwnChannelsAndTheServicesAgentDefaults(@TempDir Path dir)
            throws Exception {
        Path yaml = dir.resolve("ar-agent.yaml");
        Files.writeString(yaml, """
                tenant: northwind
                agent:
                  time-zone: America/Chicago
                  phone: "+1 555 010 4400"
                twilio:
                  account-sid: AC00000000000000000000000000000001
                  auth-token: token-of-northwind
                  number: "+15005550006"
                tenants:
                  contoso:
                    agent:
                      phone: "+1 555 010 9900"
                    mail:
                      address: ar@contoso.example
                      imap:
                        host: imap.contoso.example
                      smtp:
                        host: smtp.contoso.example
                    twilio:
                      account-sid: AC00000000000000000000000000000002
                      auth-token: env:CONTOSO_TWILIO_TOKEN
                      number: "+15005550007"
                    slack:
                      bot-token: xoxb-2
                      signing-secret: env:CONTOSO_SLACK_SECRET
                      team: T0CONTOSO
                """);

        Settings s = Settings.load(
                yaml,
                Map.of(
                        "CONTOSO_TWILIO_TOKEN", "token-of-contoso",
                        "CONTOSO_SLACK_SECRET", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"));

        assertThat(s.served()).extracting(t -> t.tenant().value()).containsExactly("northwind", "contoso");
        TenantConfig contoso =
                s.served(dev.aragent.agent.ledger.TenantId.of("contoso")).orElseThrow();
        assertThat(contoso.identity().address()).isEqualTo("ar@contoso.example");
        assertThat(contoso.agent().phone()).isEqualTo("+1 555 010 9900");
        assertThat(contoso.agent().defaultZone()).hasToString("America/Chicago");
        assertThat(contoso.channels().twilio().orElseThrow().authToken()).isEqualTo("token-of-contoso");
        assertThat(contoso.channels().slack().orElseThrow().team()).contains("T0CONTOSO");
        assertThat(s.served().getFirst().channels().slack()).isEmpty();
        assertThat(s.toString()).contains("contoso").doesNotContain("token-of-contoso");
    }

    @Test
    void tenantsWhoseChannelsAWebhookCouldNotTellApartAreRefused(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("ar-agent.yaml");
        String twilio = """
                twilio:
                  account-sid: AC00000000000000000000000000000001
                  auth-token: token-1
                  number: "+15005550006"
                """;
        Files.writeString(yaml, twilio + "tenants:\n  contoso:\n" + twilio.indent(4));
        assertThatThrownBy(() -> Settings.load(yaml, Map.of()))
                .hasMessageContaining("share a Twilio account (use a subaccount per tenant)");

        String slack = """
                slack:
                  bot-token: xoxb-1
                  signing-secret: e3b0c44298fc1c149afbf4c8996fb924
                """;
        Files.writeString(yaml, slack + "tenants:\n  contoso:\n" + slack.indent(4));
        assertThatThrownBy(() -> Settings.load(yaml, Map.of()))
                .hasMessageContaining("share a Slack app: give each its workspace with slack.team");
        Files.writeString(
                yaml, slack + "  team: T0NORTH\ntenants:\n  contoso:\n" + (slack + "  team: T0CONTOSO\n").indent(4));
        assertThat(Settings.load(yaml, Map.of()).served()).hasSize(2);

        Files.writeString(yaml, "tenants:\n  contoso:\n    database:\n      url: jdbc:postgresql://x/y\n");
        assertThatThrownBy(() -> Settings.load(yaml, Map.of()))
                .hasMessageContaining("tenants.contoso.database.url is not a per-tenant setting");
        Files.writeString(yaml, "tenants:\n  contoso:\n    slack:\n      bot-token: env:NOT_SET_ANYWHERE\n");
        assertThatThrownBy(() -> Settings.load(yaml, Map.of()))
                .hasMessageContaining("reads the environment variable NOT_SET_ANYWHERE, which is not set");
        Files.writeString(yaml, "tenant: contoso\ntenants:\n  contoso:\n    agent:\n      phone: \"1\"\n");
        assertThatThrownBy(() -> Settings.load(yaml, Map.of())).hasMessageContaining("configured twice");
    }
}
