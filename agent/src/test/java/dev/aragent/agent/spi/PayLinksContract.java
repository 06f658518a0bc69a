package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link PayLinks} adapter must do. */
public interface PayLinksContract {
    PayLinks links();

    /** Whether the processor still takes a payment through {@code linkId}. */
    boolean takesPayments(String linkId);

    TenantId TENANT = TenantId.of("acme");
    Instant AT = Instant.parse("2026-10-05T09:00:00Z");

    static PayLink.Order order(long minor, String... invoices) {
        return new PayLink.Order(
                CustomerKey.of("C-1"), "Brightside Dental", List.of(invoices), Money.of(minor, "USD"), "reminder");
    }

    @Test
    default void aLinkShouldAskExactlyTheOrderAndTakePayments() {
        PayLink link = links().create(TENANT, order(169000, "INV-1041", "INV-1043"), AT);

        assertThat(link.id()).isNotBlank();
        assertThat(link.url()).startsWith("http");
        assertThat(link.amount()).isEqualTo(Money.of(169000, "USD"));
        assertThat(link.invoices()).containsExactly("INV-1041", "INV-1043");
        assertThat(link.customer()).isEqualTo(CustomerKey.of("C-1"));
        assertThat(link.createdAt()).isEqualTo(AT);
        assertThat(link.active()).isTrue();
        assertThat(takesPayments(link.id())).isTrue();
    }

    @Test
    default void theSameOrderAskedAgainShouldMakeOneLinkAndAnotherAmountAnother() {
        PayLink first = links().create(TENANT, order(44000, "INV-2001"), AT);
        PayLink again = links().create(TENANT, order(44000, "INV-2001"), AT.plusSeconds(5));
        PayLink other = links().create(TENANT, order(22000, "INV-2001"), AT);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    default void aRetiredLinkShouldTakeNoPaymentAndRetiringTwiceShouldChangeNothing() {
        PayLink link = links().create(TENANT, order(12500, "INV-3001"), AT);

        links().retire(TENANT, link.id());
        links().retire(TENANT, link.id());

        assertThat(takesPayments(link.id())).isFalse();
    }
}
