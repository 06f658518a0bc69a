package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.grounding.Grounding;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.HashingEmbedder;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryMailJournal;
import dev.aragent.agent.spi.InMemoryOutreachLog;
import dev.aragent.agent.spi.InMemoryRetriever;
import dev.aragent.agent.spi.VoiceCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue actions carried out on in-memory fakes of the ledger, the outreach log and the mail journal. */
class OutreacherTest {
    private static final TenantId T = TenantId.of("t1");
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** What a queue call action did: its outcome line, the tasks for people and the mail queued. */
    private record Done(String line, InMemoryOutreachLog log, InMemoryMailJournal journal) {}

    /** A call action, 40 days late, for {@code customer}'s first contact, carried out by {@code calls}. */
    private static Done callAction(
            Customer customer,
            java.util.function.BiFunction<CustomerKey, List<String>, java.util.Optional<VoiceCaller.Result>> calls) {
        InMemoryLedger ledger = new InMemoryLedger();
        Invoice invoice = Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 15), 1_250_000, 1_250_000);
        ledger.apply(T, Books.aging(List.of(customer), List.of(invoice), List.of()), Books.audit(ImportKind.AGING, 1));
        InMemoryMailJournal journal = new InMemoryMailJournal();
        journal.addContact(T, customer.key(), "maria@bluefern.example");
        TurnTaker turns = TurnTakerTest.turnTaker(
                ledger,
                Grounding.create(new HashingEmbedder(), new InMemoryRetriever(), CLOCK),
                r -> new Draft(
                        "Invoice INV-1041 is past due: " + r.balance().format() + " open. "
                                + String.join(" ", r.disclosures()),
                        "plain"));
        MailDesk desk = MailDesk.create(
                journal,
                new MailDeskTest.LineReader(),
                email -> new SendResult.Sent(),
                CLOCK,
                new MailSettings("ar@northwind.example", "Dana", "Northwind"),
                turns);
        InMemoryOutreachLog log = new InMemoryOutreachLog();
        Outreacher outreacher =
                Outreacher.withEmail(ledger, log, desk, turns, CLOCK).calling(calls);
        String done = outreacher.execute(
                T,
                new QueueEntry(
                        1,
                        CustomerKey.of("C-1"),
                        "Blue Fern Bistro",
                        "retail",
                        customer.contacts().stream().findFirst(),
                        List.of(invoice),
                        Money.of(1_250_000, "USD"),
                        40,
                        ZoneId.of("America/New_York"),
                        1.0,
                        0.5,
                        List.of(),
                        new QueueEntry.Action(
                                Reach.CALL, Outreach.ESCALATION_NOTICE, NOW.atZone(ZoneId.of("America/New_York")), 30),
                        List.of("high value and 40 days late: call")));
        return new Done(done, log, journal);
    }

    @Test
    void aCallTheAgentCannotPlaceGoesToAPersonAndTheStepStillGoesOutInWriting() {
        Customer customer = Books.customerWithEmail("C-1", "Blue Fern Bistro", "maria@bluefern.example");
        Done done = callAction(customer, (c, i) -> java.util.Optional.empty()); // no voice: calls are people's

        assertThat(done.line()).startsWith("task for the AR team: call").contains("; meanwhile email queued to");
        assertThat(done.log().handOffs(T)).singleElement().asString().contains("call_debtor");
        assertThat(done.journal().claim(T, 10, NOW, Duration.ofMinutes(5)))
                .singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo("maria@bluefern.example"));
    }

    @Test
    void aCallTheAgentPlacesIsFollowedByTheStepInWriting() {
        Customer customer = Books.customerWith(
                "C-1",
                "Blue Fern Bistro",
                new dev.aragent.agent.ledger.Contact(
                        "Maria Garcia",
                        java.util.Optional.of("maria@bluefern.example"),
                        java.util.Optional.of("+15550104477"),
                        "ap",
                        false,
                        false,
                        true));
        Done done = callAction(customer, (c, i) -> java.util.Optional.of(new VoiceCaller.Placed("CA-1")));

        assertThat(done.line())
                .startsWith("call placed (CA-1) to +15550104477")
                .as("a voicemail is no record: the invoices and the ways to pay go by email too")
                .contains("; in writing, email queued to maria@bluefern.example");
        assertThat(done.log().handOffs(T)).as("nothing for a person").isEmpty();
        assertThat(done.journal().claim(T, 10, NOW, Duration.ofMinutes(5))).hasSize(1);
    }
}
