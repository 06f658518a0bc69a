package dev.aragent.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.InMemoryLedger;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding an account by what an AR team has at hand: a name, a number, an email, a phone, an invoice. */
class AccountSearchTest {
    static final TenantId T = TenantId.of("northwind");

    static AccountSearch search() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.apply(
                T,
                Books.aging(
                        List.of(
                                Books.customer("C-1041", "Blue Fern Bistro"),
                                Books.customerWithEmail("C-2002", "Harbor Foods", "ap@harbor.example"),
                                Books.customerWithEmail("C-3003", "Bluewater Catering", "pay@bluewater.example")),
                        List.of(
                                Books.open("C-1041", "INV-1041", LocalDate.of(2026, 10, 1), 100_000, 100_000),
                                Books.open("C-2002", "INV-2002", LocalDate.of(2026, 10, 1), 50_000, 50_000)),
                        List.of()),
                Books.audit(ImportKind.AGING, 3));
        return AccountSearch.create(ledger);
    }

    static List<String> found(String q) {
        return search().find(T, q, 10).stream()
                .map(h -> h.customer().key().value() + " " + h.matched())
                .toList();
    }

    @Test
    void byNameNumberEmailPhoneAndInvoice() {
        assertThat(found("blue")).containsExactly("C-1041 name", "C-3003 name");
        assertThat(found("c-2002")).containsExactly("C-2002 account C-2002");
        assertThat(found("harbor.example")).containsExactly("C-2002 email ap@harbor.example");
        assertThat(found("(555) 555-0100")).containsExactly("C-1041 phone +15555550100");
        assertThat(found("INV-2002")).containsExactly("C-2002 invoice INV-2002");
    }

    @Test
    void anExactNumberComesFirstAndTooShortAQueryFindsNothing() {
        assertThat(found("INV-1041")).first().isEqualTo("C-1041 invoice INV-1041");
        assertThat(found("b")).isEmpty();
        assertThat(found("nobody at all")).isEmpty();
        assertThat(search().find(TenantId.of("other"), "blue", 10))
                .as("another tenant's book")
                .isEmpty();
    }
}
