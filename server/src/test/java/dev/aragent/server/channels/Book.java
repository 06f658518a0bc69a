package dev.aragent.server.channels;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.server.App;
import java.time.LocalDate;
import java.util.List;

/** The channel tests' book (Blue Fern Bistro, two open invoices, $4,250.00) and their one-value queries. */
final class Book {
    private Book() {}

    static void seed(App app, TenantId tenant) {
        app.ledger()
                .apply(
                        tenant,
                        Books.aging(
                                List.of(Books.customer("C-1", "Blue Fern Bistro")),
                                List.of(
                                        Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 125_000, 125_000),
                                        Books.open("C-1", "INV-1042", LocalDate.of(2026, 10, 15), 300_000, 300_000)),
                                List.of()),
                        Books.audit(ImportKind.AGING, 2));
    }

    static <T> T one(App app, TenantId tenant, String sql, Class<T> type) {
        return app.database()
                .jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind("t", tenant.value()).mapTo(type).one());
    }

    static <T> java.util.List<T> list(App app, TenantId tenant, String sql, Class<T> type) {
        return app.database()
                .jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind("t", tenant.value()).mapTo(type).list());
    }
}
