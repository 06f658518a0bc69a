package dev.aragent.simulator.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.DataHealthReport.Verdict;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ParsedImport;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.imports.CsvImport;
import dev.aragent.imports.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleBookTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final Currency USD = Currency.getInstance("USD");
    private static SampleBook book;

    @BeforeAll
    static void generate() {
        book = SampleBook.generate(42, AS_OF, 2_400);
    }

    @Test
    void theSameSeedShouldGiveTheSameBookAndAnotherSeedAnother() {
        SampleBook again = SampleBook.generate(42, AS_OF, 2_400);
        SampleBook other = SampleBook.generate(7, AS_OF, 2_400);

        assertThat(SampleBookWriter.aging(again)).isEqualTo(SampleBookWriter.aging(book));
        assertThat(SampleBookWriter.notes(again)).isEqualTo(SampleBookWriter.notes(book));
        assertThat(SampleBookWriter.aging(other)).isNotEqualTo(SampleBookWriter.aging(book));
    }

    @Test
    void theBookShouldBeShapedLikeTheReferenceDistributor() {
        long past60 = book.openInvoices().stream()
                .filter(i -> i.daysPastDue(AS_OF) > 60)
                .count();
        Set<String> segments =
                book.customers().stream().map(c -> c.segment().orElseThrow()).collect(Collectors.toSet());
        Set<ZoneId> zones =
                book.customers().stream().map(c -> c.timeZone().orElseThrow()).collect(Collectors.toSet());

        assertThat(book.customers()).hasSize(2_400);
        assertThat(past60).as("invoices past 60 days").isBetween(750L, 1_050L);
        assertThat(book.openInvoices())
                .allSatisfy(i -> assertThat(i.dueDate()).isEqualTo(i.issueDate().plusDays(30)));
        assertThat(segments).hasSizeGreaterThanOrEqualTo(8);
        assertThat(zones)
                .contains(
                        ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Honolulu"));
        assertThat(book.history()).hasSizeGreaterThan(10_000);
        assertThat(book.notes()).extracting(n -> n.kind().name()).contains("NOTE", "TICKET");
        assertThat(book.notes().stream().map(n -> n.body()).distinct().count()).isGreaterThan(20);
    }

    @Test
    void everyGenericFileShouldImportCleanly(@TempDir Path dir) throws Exception {
        var files = SampleBookWriter.writeGeneric(book, dir);
        CsvImport reader = CsvImport.create(Profile.GENERIC, USD);
        List<ImportKind> kinds = List.of(
                ImportKind.CUSTOMERS, ImportKind.AGING, ImportKind.HISTORY, ImportKind.PAYMENTS, ImportKind.NOTES);

        for (int k = 0; k < kinds.size(); k++) {
            Path file = files.inImportOrder().get(k);
            byte[] bytes = Files.readAllBytes(file);
            assertThat(reader.detectKind(bytes)).as(file.toString()).isEqualTo(kinds.get(k));
            ParsedImport parsed = reader.read(file.getFileName().toString(), bytes, kinds.get(k));
            assertThat(parsed.report().problems()).as(file.toString()).isEmpty();
            assertThat(parsed.report().verdict()).as(file.toString()).isEqualTo(Verdict.CLEAN);
        }
        ParsedImport customers =
                reader.read("customers.csv", Files.readAllBytes(files.customers()), ImportKind.CUSTOMERS);
        assertThat(customers.batch().customers()).hasSize(2_400);
        assertThat(customers.batch().customers())
                .extracting(Customer::contacts)
                .allSatisfy(c -> assertThat(c).isNotEmpty());
        ParsedImport aging = reader.read("aging.csv", Files.readAllBytes(files.aging()), ImportKind.AGING);
        assertThat(aging.batch().invoices()).containsExactlyElementsOf(book.openInvoices());
        assertThat(aging.batch().creditMemos()).containsExactlyElementsOf(book.creditMemos());
    }

    @Test
    void theQuickBooksAndXeroExportsShouldReadBackToTheSameOpenInvoices() {
        List<String> expected = book.openInvoices().stream()
                .map(i -> i.number() + "=" + i.openBalance())
                .sorted()
                .toList();

        for (Profile profile : List.of(Profile.QUICKBOOKS, Profile.XERO)) {
            String csv = profile == Profile.QUICKBOOKS
                    ? SampleBookWriter.quickbooksAging(book, "Northwind Wholesale")
                    : SampleBookWriter.xeroAging(book, "Northwind Wholesale");
            ParsedImport parsed = CsvImport.create(profile, USD)
                    .read("aging.csv", csv.getBytes(StandardCharsets.UTF_8), ImportKind.AGING);

            assertThat(parsed.report().problems()).as(profile.code()).isEmpty();
            assertThat(parsed.report().verdict()).as(profile.code()).isEqualTo(Verdict.CLEAN);
            assertThat(parsed.batch().asOf()).as(profile.code()).contains(AS_OF);
            assertThat(parsed.batch().invoices().stream()
                            .map(i -> i.number() + "=" + i.openBalance())
                            .sorted()
                            .toList())
                    .as(profile.code())
                    .isEqualTo(expected);
            assertThat(parsed.batch().invoices()).extracting(Invoice::dueDate).doesNotContainNull();
        }
    }
}
