package dev.aragent.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A debtor emails its remittance advice (a CSV attached: two invoices, one short for a damaged case); the next
 * morning's bank file carries the transfer with no reference at all. The service keeps what the email and its
 * attachment said, and the receipt is applied by itself to those invoices, the deduction noted for billing.
 */
class RemittanceEmailIT {
    private static final TenantId TENANT = TenantId.of("remit");
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static App app;

    @BeforeAll
    static void start() {
        app = App.with(
                Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", TENANT.value())),
                Clock.fixed(NOW, ZoneOffset.UTC),
                TestDatabase.fresh());
        LocalDate due = LocalDate.of(2026, 10, 1);
        app.ledger()
                .apply(
                        TENANT,
                        Books.aging(
                                List.of(
                                        Books.customerWithEmail("C-1041", "Blue Fern Bistro", "ap@bluefern.example"),
                                        Books.customerWithEmail("C-2002", "Harbor Foods", "ap@harbor.example")),
                                List.of(
                                        Books.open("C-1041", "INV-1041", due, 1_250_00, 1_250_00),
                                        Books.open("C-1041", "INV-1043", due.plusDays(5), 480_00, 480_00),
                                        Books.open("C-1041", "INV-1050", due.plusDays(9), 300_00, 300_00),
                                        Books.open("C-2002", "INV-2002", due, 1_690_00, 1_690_00)),
                                List.of()),
                        Books.audit(ImportKind.AGING, 4));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdviceEmailedWithItsCsvPlacesTheTransferThatNamesNothing() {
        String advice = Base64.getMimeEncoder()
                .encodeToString("invoice,amount,note\nINV-1041,1250.00,\nINV-1043,440.00,less 40.00 damaged case\n"
                        .getBytes(StandardCharsets.UTF_8));
        String mail = "From: Maria <ap@bluefern.example>\r\nTo: ar@northwind.example\r\nSubject: Payment sent\r\n"
                + "Message-ID: <adv1@bluefern.example>\r\nDate: Mon, 23 Nov 2026 09:30:00 -0500\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe paid today, remittance attached.\r\n"
                + "--b\r\nContent-Type: text/csv; name=\"remittance.csv\"\r\n"
                + "Content-Disposition: attachment; filename=\"remittance.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + advice + "\r\n--b--\r\n";
        app.replyDesk().receive(TENANT, new RawEmail("INBOX", 1, 1, mail.getBytes(StandardCharsets.UTF_8), NOW));
        String bank = "date,amount,currency,name,account,text,reference\n"
                + "2026-11-24,1690.00,USD,BLUE FERN BISTRO,US12BANK0001,,B-1\n";

        var taken = app.takeBankFile(TENANT, "ops.csv", bank.getBytes(StandardCharsets.UTF_8), "test");

        assertThat(taken.applied())
                .as("1,690.00 is Harbor Foods' balance too, but Blue Fern wrote what it paid")
                .isEqualTo(1);
        var file = app.ledger().accountFile(TENANT, CustomerKey.of("C-1041"));
        assertThat(file.invoices())
                .filteredOn(i -> i.number().equals("INV-1041"))
                .singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(InvoiceStatus.PAID));
        assertThat(file.invoices())
                .filteredOn(i -> i.number().equals("INV-1043"))
                .singleElement()
                .satisfies(i -> assertThat(i.openBalance()).isEqualTo(Money.of(40_00, "USD")));
        assertThat(file.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.TICKET);
            assertThat(n.body()).contains("damaged case");
        });
        assertThat(app.ledger()
                        .accountFile(TENANT, CustomerKey.of("C-2002"))
                        .invoices()
                        .getFirst()
                        .status())
                .isEqualTo(InvoiceStatus.OPEN);
    }
}
