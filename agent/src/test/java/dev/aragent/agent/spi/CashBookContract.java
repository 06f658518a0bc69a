package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link CashBook} adapter must do. Each test uses a fresh tenant. */
public interface CashBookContract {
    CashBook cash();

    /** Makes {@code tenant} known to the adapter's store (with customer {@code C-1}). */
    void givenTenant(TenantId tenant);

    Instant AT = Instant.parse("2026-10-05T09:00:00Z");
    Currency USD = Currency.getInstance("USD");

    default TenantId freshTenant() {
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenTenant(tenant);
        return tenant;
    }

    static BankTransaction entry(String ref, long minor, boolean credit, String payer, String text) {
        return new BankTransaction(
                ref,
                Money.of(minor, "USD"),
                credit,
                false,
                "BOOK",
                Optional.of(LocalDate.of(2026, 10, 2)),
                Optional.of(LocalDate.of(2026, 10, 2)),
                payer,
                "DE0012",
                List.of(),
                List.of(text));
    }

    static BankFile file(String sha, BankTransaction... entries) {
        return new BankFile(
                "statement.xml",
                sha,
                "camt.053.001.02",
                List.of(new BankStatement(
                        "camt.053.001.02",
                        "S-1",
                        "CH93-0076",
                        USD,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(entries))));
    }

    @Test
    default void aFileShouldBeFiledOnceAndEachEntryOnceWhateverFileStatesIt() {
        TenantId tenant = freshTenant();
        BankTransaction a = entry("R-1", 100_00, true, "Acme", "INV-1");
        BankTransaction b = entry("R-2", 40_00, false, "Bank fees", "fees");

        CashBook.Filed first = cash().file(tenant, file("aa", a, b), "cli:import", AT);
        CashBook.Filed again = cash().file(tenant, file("aa", a, b), "cli:import", AT);
        CashBook.Filed notification = cash().file(tenant, file("bb", a), "cli:import", AT);

        assertThat(first.added()).hasSize(2);
        assertThat(first.added())
                .extracting(BankLine::state)
                .containsExactly(BankLine.State.OPEN, BankLine.State.NOT_RECEIPT);
        assertThat(again.unchanged()).isTrue();
        assertThat(again.sameFile()).isTrue();
        assertThat(notification.unchanged()).isTrue();
        assertThat(notification.known()).isEqualTo(1);
        assertThat(cash().lines(tenant, BankLine.State.OPEN, 10)).hasSize(1);
        assertThat(cash().files(tenant, 10))
                .extracting(f -> f.sha256() + " " + f.entries() + " " + f.added() + " " + f.by())
                .containsExactly("bb 1 0 cli:import", "aa 2 2 cli:import");
    }

    @Test
    default void entriesWithoutAReferenceShouldBeToldApartByWhatTheySayAndTheirPlace() {
        TenantId tenant = freshTenant();
        BankTransaction twice = entry("", 25_00, true, "Acme", "coffee");

        CashBook.Filed first = cash().file(tenant, file("cc", twice, twice), "cli:import", AT);
        CashBook.Filed again = cash().file(tenant, file("dd", twice, twice), "cli:import", AT);

        assertThat(first.added()).hasSize(2);
        assertThat(again.unchanged()).isTrue();
    }

    @Test
    default void aLineShouldKeepItsEntryAndBeClosedOnce() {
        TenantId tenant = freshTenant();
        BankTransaction a = new BankTransaction(
                "R-9",
                Money.of(1_234_56, "USD"),
                true,
                false,
                "BOOK",
                Optional.of(LocalDate.of(2026, 10, 1)),
                Optional.of(LocalDate.of(2026, 10, 2)),
                "Acme Corp",
                "DE0012",
                List.of("RF18539007547034"),
                List.of("INV-1 INV-2", "less 40.00 damaged"));
        long id = cash().file(tenant, file("ee", a), "cli:import", AT)
                .added()
                .getFirst()
                .id();

        BankLine read = cash().line(tenant, id).orElseThrow();
        assertThat(read.entry()).isEqualTo(a);
        assertThat(read.account()).isEqualTo("CH93-0076");
        assertThat(read.state()).isEqualTo(BankLine.State.OPEN);

        BankLine.Closing closing = new BankLine.Closing(
                BankLine.State.APPLIED, Optional.of(new CustomerKey("C-1")), "paid INV-1, INV-2", BankLine.AGENT, AT);
        assertThat(cash().close(tenant, id, closing)).isTrue();
        assertThat(cash().close(tenant, id, closing)).isFalse();

        BankLine closed = cash().line(tenant, id).orElseThrow();
        assertThat(closed.state()).isEqualTo(BankLine.State.APPLIED);
        assertThat(closed.customer()).contains(new CustomerKey("C-1"));
        assertThat(closed.outcome()).contains("paid INV-1, INV-2");
        assertThat(cash().lines(tenant, BankLine.State.OPEN, 10)).isEmpty();
        assertThat(cash().tally(tenant).count("auto")).isEqualTo(1);
        assertThat(cash().tally(tenant).amounts().get("auto")).containsEntry("USD", 1_234_56L);
    }

    @Test
    default void aTenantShouldSeeOnlyItsOwnLinesAndNames() {
        TenantId one = freshTenant();
        TenantId other = freshTenant();
        long id = cash().file(one, file("ff", entry("R-1", 5_00, true, "Acme", "")), "cli:import", AT)
                .added()
                .getFirst()
                .id();
        cash().learn(one, "acme", new CustomerKey("C-1"), "ana", AT);

        assertThat(cash().line(other, id)).isEmpty();
        assertThat(cash().lines(other, BankLine.State.OPEN, 10)).isEmpty();
        assertThat(cash().aliases(other)).isEmpty();
        assertThat(cash().aliases(one)).containsEntry("acme", new CustomerKey("C-1"));
        assertThat(cash().file(other, file("ff", entry("R-1", 5_00, true, "Acme", "")), "cli:import", AT)
                        .added())
                .hasSize(1);
    }

    @Test
    default void aLaterConfirmationShouldMoveAName() {
        TenantId tenant = freshTenant();
        cash().learn(tenant, "acme", new CustomerKey("C-1"), "ana", AT);
        cash().learn(tenant, "acme", new CustomerKey("C-2"), "bo", AT);

        assertThat(cash().aliases(tenant)).containsEntry("acme", new CustomerKey("C-2"));
    }

    @Test
    default void whatACustomerSaidItPaidShouldBeKeptForItsTenantNewestFirst() {
        TenantId tenant = freshTenant();
        TenantId other = freshTenant();
        var older = new dev.aragent.agent.cash.Advised(
                new CustomerKey("C-1"), "email <a@x>", "Paid INV-1041 less 40.00 damaged", AT.minusSeconds(3_600));
        var newer = new dev.aragent.agent.cash.Advised(new CustomerKey("C-1"), "sms", "I paid 1043 yesterday", AT);
        cash().advise(tenant, older);
        cash().advise(tenant, newer);

        assertThat(cash().advices(tenant, AT.minusSeconds(7_200))).containsExactly(newer, older);
        assertThat(cash().advices(tenant, AT.minusSeconds(60))).containsExactly(newer);
        assertThat(cash().advices(other, AT.minusSeconds(7_200))).isEmpty();
    }

    @Test
    default void aPayLinkShouldBeKeptOnceFoundLiveForItsCustomerAndRetiredOnce() {
        TenantId tenant = freshTenant();
        TenantId other = freshTenant();
        CustomerKey c = CustomerKey.of("C-1");
        var first = new dev.aragent.agent.cash.PayLink(
                "plink_1",
                "https://pay.example/1",
                c,
                List.of("INV-1041", "INV-1043"),
                Money.of(169000, "USD"),
                "reminder",
                AT,
                true);
        var second = new dev.aragent.agent.cash.PayLink(
                "plink_2",
                "https://pay.example/2",
                c,
                List.of("INV-1043"),
                Money.of(44000, "USD"),
                "installment 2026-10-20",
                AT.plusSeconds(60),
                true);
        cash().keepLink(tenant, first);
        cash().keepLink(tenant, first);
        cash().keepLink(tenant, second);

        assertThat(cash().payLink(tenant, "plink_1")).contains(first);
        assertThat(cash().liveLinks(tenant, c)).containsExactly(second, first);
        assertThat(cash().payLink(other, "plink_1")).isEmpty();
        assertThat(cash().liveLinks(other, c)).isEmpty();
        assertThat(cash().retireLink(other, "plink_1")).isFalse();

        assertThat(cash().retireLink(tenant, "plink_1")).isTrue();
        assertThat(cash().retireLink(tenant, "plink_1")).isFalse();
        assertThat(cash().liveLinks(tenant, c)).containsExactly(second);
        assertThat(cash().payLink(tenant, "plink_1")).contains(first.retired());
    }
}
