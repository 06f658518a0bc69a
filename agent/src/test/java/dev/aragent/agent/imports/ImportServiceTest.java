package dev.aragent.agent.imports;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.customer;
import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.InMemoryLedger;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportServiceTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final ImportService service = ImportService.create(ledger);
    private final ImportBatch batch = aging(
            List.of(customer("c1", "A")), List.of(open("c1", "INV-1", LocalDate.of(2026, 9, 1), 100, 100)), List.of());

    private static DataHealthReport report(
            int rows, int valid, int missingDue, List<DataHealthReport.SchemaProblem> schema) {
        return new DataHealthReport(
                "f.csv",
                ImportKind.AGING,
                "generic",
                1,
                rows,
                valid,
                List.of(new DataHealthReport.FieldHealth("due_date", true, missingDue, 0, rows)),
                schema,
                List.of(new DataHealthReport.RowProblem(3, "due_date", "", "missing")),
                List.of());
    }

    @Test
    void aCleanFileShouldBeWrittenAndTheSameFileAgainShouldChangeNothing() {
        var parsed = new ParsedImport(report(1, 1, 0, List.of()), batch);

        assertThat(service.run(TENANT, parsed, "test", false)).isInstanceOf(ImportOutcome.Applied.class);
        assertThat(service.run(TENANT, parsed, "test", false)).isInstanceOf(ImportOutcome.Unchanged.class);
    }

    @Test
    void invalidRowsShouldWriteNothingUnlessTheReportIsAccepted() {
        var parsed = new ParsedImport(report(20, 19, 1, List.of()), batch);

        var rejected = service.run(TENANT, parsed, "test", false);

        assertThat(rejected)
                .isInstanceOfSatisfying(
                        ImportOutcome.Rejected.class,
                        r -> assertThat(r.reason())
                                .contains("1 of 20 rows are invalid")
                                .contains("--accept-health-report"));
        assertThat(ledger.invoices(TENANT, InvoiceStatus.OPEN)).isEmpty();
        assertThat(service.run(TENANT, parsed, "test", true))
                .isInstanceOfSatisfying(
                        ImportOutcome.Applied.class,
                        a -> assertThat(a.acceptedWithProblems()).isTrue());
    }

    @Test
    void moreThanTenPercentMissingShouldBlock() {
        var parsed = new ParsedImport(report(10, 8, 2, List.of()), batch);

        assertThat(parsed.report().verdict()).isEqualTo(DataHealthReport.Verdict.BLOCKED_MISSING_DATA);
        assertThat(service.run(TENANT, parsed, "test", false))
                .isInstanceOfSatisfying(
                        ImportOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("20.0% of required cells are empty"));
        assertThat(ledger.invoices(TENANT, InvoiceStatus.OPEN)).isEmpty();
    }

    @Test
    void aSchemaMismatchShouldBeRejectedEvenWhenAccepted() {
        var parsed = new ParsedImport(
                report(
                        1,
                        1,
                        0,
                        List.of(new DataHealthReport.SchemaProblem(
                                "due_date", "missing required column", java.util.Optional.empty(), true))),
                batch);

        assertThat(service.run(TENANT, parsed, "test", true)).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(ledger.customers(TENANT)).isEmpty();
    }
}
