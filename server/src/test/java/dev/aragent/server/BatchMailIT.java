package dev.aragent.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.spi.Books;
import dev.aragent.mailbox.MimeMailReader;
import dev.aragent.mailbox.SmtpSender;
import dev.aragent.store.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch on real components: the queue's due email actions are drafted, checked by the guardrails, queued in the
 * outbox and delivered by SMTP (GreenMail) to each debtor once; a second pass sends nothing again.
 */
class BatchMailIT {
    private static final String AR = "ar@northwind.example";
    /** Tuesday 24 November 2026, 11:00 in New York. */
    private static final Instant NOW = Instant.parse("2026-11-24T16:00:00Z");

    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void dueEmailsAreDraftedGuardedAndSentOnce(@TempDir Path dir) throws Exception {
        mail.start();
        TenantId tenant = TenantId.of("batch");
        LocalDate today = LocalDate.of(2026, 11, 24);
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", tenant.value()))
                .withDataDir(dir);
        try (App app = App.with(settings, Clock.fixed(NOW, ZoneOffset.UTC), TestDatabase.fresh())) {
            app.ledger()
                    .apply(
                            tenant,
                            Books.aging(
                                    List.of(
                                            Books.customerWithEmail("C-1", "Blue Fern Bistro", "ap@bluefern.example"),
                                            Books.customerWithEmail("C-2", "Granite Supply", "ap@granite.example"),
                                            Books.customerWithEmail("C-3", "Oak Cafe", "ap@oak.example")),
                                    List.of(
                                            Books.open("C-1", "INV-11", today.minusDays(16), 240_000, 240_000),
                                            Books.open("C-1", "INV-12", today.minusDays(3), 60_000, 60_000),
                                            Books.open("C-2", "INV-21", today.minusDays(35), 90_000, 90_000),
                                            Books.open("C-3", "INV-31", today.plusDays(20), 5_000, 5_000)),
                                    List.of()),
                            Books.audit(ImportKind.AGING, 4));
            MailSettings identity = new MailSettings(AR, "Dana at Northwind AR", "Northwind Wholesale");
            MailDesk desk = MailDesk.create(
                    app.mailJournal(),
                    MimeMailReader.create(),
                    SmtpSender.create(
                            new SmtpSender.Config("127.0.0.1", mail.getSmtp().getPort(), "", "", false)),
                    app.clock(),
                    identity,
                    app.turnTaker(identity));
            Scheduler scheduler = Scheduler.sendingEmail(app, desk, identity);

            dev.aragent.agent.app.Schedule.Pass first = scheduler.runOnce(tenant, false, 50);
            int sent = desk.dispatch(tenant, 100);

            assertThat(first.report().executed()).isEqualTo(2); // C-3 is not due a touch yet
            assertThat(first.report().byChannel()).containsEntry(Reach.EMAIL, 2);
            assertThat(sent).isEqualTo(2);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(2);
            MimeMessage bistro = null;
            for (MimeMessage m : received) {
                if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains("ap@bluefern.example")) {
                    bistro = m;
                }
            }
            assertThat(bistro).isNotNull();
            String body = GreenMailUtil.getBody(bistro);
            assertThat(body).contains("INV-11", "INV-12", "Blue Fern Bistro").doesNotContain("INV-21");
            assertThat(bistro.getHeader("List-Unsubscribe")).isNotNull();

            dev.aragent.agent.app.Schedule.Pass second = scheduler.runOnce(tenant, false, 50);
            assertThat(desk.dispatch(tenant, 100)).isZero();
            assertThat(second.report().executed()).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(2);
        }
    }
}
