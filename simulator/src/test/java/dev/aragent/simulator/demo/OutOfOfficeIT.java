package dev.aragent.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.server.Scheduler;
import dev.aragent.server.Settings;
import dev.aragent.store.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An out-of-office notice on real mail (GreenMail SMTP and IMAP) and the real store: read for its return date, never
 * answered (RFC 3834), no nudges until the debtor is back, and one the day after.
 */
class OutOfOfficeIT {
    private static final TenantId TENANT = TenantId.of("ooo");
    /** Tuesday 24 November 2026, 11:00 in New York. */
    private static final Instant NOW = Instant.parse("2026-11-24T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anAutoReplyIsReadForTheReturnDateAndTheNudgesWaitUntilThen() throws Exception {
        DemoClock clock = new DemoClock(Clock.fixed(NOW, ZoneOffset.UTC));
        Settings settings = Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", TENANT.value()))
                .withDataDir(dir);
        LocalDate today = LocalDate.of(2026, 11, 24);
        try (App app = App.with(settings, clock, TestDatabase.fresh());
                DemoMail mail = DemoMail.start(app.mailJournal(), clock, app::turnTaker)) {
            app.ledger()
                    .apply(
                            TENANT,
                            Books.aging(
                                    List.of(Books.customerWithEmail("C-1", "Blue Fern Bistro", "ap@bluefern.example")),
                                    List.of(Books.open("C-1", "INV-11", today.minusDays(16), 240_000, 240_000)),
                                    List.of()),
                            Books.audit(ImportKind.AGING, 1));
            Scheduler.sendingEmail(app, mail.desk(), DemoMail.IDENTITY).runOnce(TENANT, false, 10);
            assertThat(mail.desk().dispatch(TENANT, 10)).isEqualTo(1);
            MimeMessage reminder = mail.receivedBy("ap@bluefern.example").getFirst();

            clock.advance(Duration.ofHours(1));
            mail.reply(
                    reminder,
                    "Maria Garcia",
                    "ap@bluefern.example",
                    "I am out of the office until Monday, December 7 with limited access to email.",
                    true);
            assertThat(mail.watcher().pollOnce(TENANT, mail.inbox())).hasSize(1);

            assertThat(mail.desk().dispatch(TENANT, 10))
                    .as("automatic mail is never answered")
                    .isZero();
            assertThat(mail.receivedBy("ap@bluefern.example")).hasSize(1);
            assertThat(value(
                            app,
                            "select payment_status || ' ' || retry_date from dispositions"
                                    + " where tenant_id = :t order by created_at desc limit 1"))
                    .isEqualTo("away 2026-12-08");

            clock.advance(Duration.ofDays(4)); // past the 48 hours after which an unanswered reminder is nudged
            assertThat(mail.desk().followUps(TENANT)).as("no nudge while away").isEmpty();
            assertThat(mail.desk().dispatch(TENANT, 10)).isZero();

            clock.advance(Duration.ofDays(10)); // Tuesday, December 8: back since yesterday
            assertThat(mail.desk().followUps(TENANT)).hasSize(1);
            assertThat(mail.desk().dispatch(TENANT, 10)).isEqualTo(1);
            assertThat(mail.receivedBy("ap@bluefern.example")).hasSize(2);
        }
    }

    private static String value(App app, String sql) {
        return app.database()
                .jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("t", TENANT.value())
                        .mapTo(String.class)
                        .one());
    }
}
