package dev.aragent.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.DataHealthReport.Verdict;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ParsedImport;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CsvImportTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final String HEADER =
            "customer_id,customer_name,invoice_number,po_number,invoice_date,due_date,amount,open_balance,currency\n";

    private static ParsedImport generic(String csv) {
        return CsvImport.create(Profile.GENERIC, USD)
                .read("test.csv", csv.getBytes(StandardCharsets.UTF_8), ImportKind.AGING);
    }

    @Test
    void aCleanGenericAgingShouldParseEveryRow() {
        ParsedImport parsed = generic(HEADER + """
                C-1,Blue Fern Bistro,INV-1,PO-7,2026-10-01,2026-10-31,"1,250.00","1,250.00",USD
                C-1,Blue Fern Bistro,INV-2,,2026-10-05,2026-11-04,400.00,150.00,USD
                C-2,Harbor Hotel,INV-3,,10/07/2026,11/06/2026,$99.99,$99.99,
                """);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(parsed.report().headerLine()).isEqualTo(1);
        assertThat(parsed.batch().invoices())
                .extracting(Invoice::number, i -> i.openBalance().minor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INV-1", 125_000L),
                        org.assertj.core.groups.Tuple.tuple("INV-2", 15_000L),
                        org.assertj.core.groups.Tuple.tuple("INV-3", 9_999L));
        assertThat(parsed.batch().customers()).hasSize(2);
        assertThat(parsed.batch().invoices().get(2).dueDate()).isEqualTo(LocalDate.of(2026, 11, 6));
    }

    @Test
    void anInvoicesFileIsReadInTheAgingsColumnsButOnlyWhenNamed() {
        byte[] csv = (HEADER + "C-1,Blue Fern Bistro,INV-9,,2026-11-02,2026-12-02,310.00,310.00,USD\n")
                .getBytes(StandardCharsets.UTF_8);
        CsvImport reader = CsvImport.create(Profile.GENERIC, USD);

        ParsedImport parsed = reader.read("invoices-2026-11-02.csv", csv, ImportKind.INVOICES);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(parsed.batch().kind()).isEqualTo(ImportKind.INVOICES);
        assertThat(parsed.batch().invoices()).extracting(Invoice::number).containsExactly("INV-9");
        assertThat(reader.detectKind(csv))
                .as("the same columns read as an aging unless the invoices kind is asked for")
                .isEqualTo(ImportKind.AGING);
        assertThat(ImportKind.fromCode("invoices")).isEqualTo(ImportKind.INVOICES);
    }

    @Test
    void anUnquotedThousandsSeparatorShouldRefuseItsRowWithTheLineNotShiftTheValues() {
        ParsedImport parsed = generic(HEADER + """
                C-1,Blue Fern Bistro,INV-1,,2026-10-01,2026-10-31,$1,200.00,$1,200.00,USD
                C-2,Harbor Hotel,INV-3,,2026-10-07,2026-11-06,99.99,99.99,USD
                """);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.INVALID_ROWS);
        assertThat(parsed.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("has 11 columns").contains("the header on line 1 has 9");
        });
        assertThat(parsed.batch().invoices()).extracting(Invoice::number).containsExactly("INV-3");
    }

    @Test
    void aBadOptionalPhoneShouldBeFlaggedAndTheCustomerKept() {
        ParsedImport parsed = CsvImport.create(Profile.GENERIC, USD)
                .read("customers.csv", """
                        customer_id,customer_name,currency,email,phone
                        C-1,Blue Fern Bistro,USD,maria@bluefern.example,call the front desk
                        C-2,Harbor Hotel,USD,not-an-address,+15551230000
                        """.getBytes(StandardCharsets.UTF_8), ImportKind.CUSTOMERS);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(parsed.report().problems())
                .extracting(p -> p.line() + " " + p.field() + " " + p.kept())
                .containsExactly("2 phone true", "3 email true");
        assertThat(parsed.batch().customers())
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.contacts())
                        .singleElement()
                        .satisfies(k -> assertThat(
                                        k.email().isPresent() != k.phone().isPresent())
                                .isTrue()));
    }

    @Test
    void aFileWithTheWrongHeaderShouldBeASchemaMismatch() {
        ParsedImport parsed = generic("""
                sku,description,qty,unit_price
                A-1,Widget,3,4.50
                """);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.SCHEMA_MISMATCH);
        assertThat(parsed.report().schemaProblems().getFirst().message())
                .contains("no header row found")
                .contains("invoice_number");
        assertThat(parsed.batch().records()).isZero();
    }

    @Test
    void aRenamedColumnShouldBeNamedWithItsNewName() {
        ParsedImport parsed = generic("""
                customer_id,customer_name,invoice_number,invoice_date,payment_due_dt,open_balance
                C-1,Blue Fern Bistro,INV-1,2026-10-01,2026-10-31,100.00
                """);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.SCHEMA_MISMATCH);
        assertThat(parsed.report().schemaProblems())
                .filteredOn(DataHealthReport.SchemaProblem::fatal)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.column()).isEqualTo("due_date");
                    assertThat(p.renamedTo()).contains("payment_due_dt");
                    assertThat(p.message())
                            .contains("missing required column 'due_date'")
                            .contains("payment_due_dt");
                });
    }

    @Test
    void badDatesShouldBeReportedWithTheirLines() {
        ParsedImport parsed = generic(HEADER + """
                C-1,A,INV-1,,2026-10-01,2026-10-31,1.00,1.00,USD
                C-1,A,INV-2,,2026-02-30,2026-10-31,1.00,1.00,USD
                C-1,A,INV-3,,2026-10-01,next week,1.00,1.00,USD
                C-1,A,INV-4,,2026-10-01,2026-09-01,1.00,1.00,USD
                """);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.INVALID_ROWS);
        assertThat(parsed.report().problems())
                .extracting(DataHealthReport.RowProblem::line, DataHealthReport.RowProblem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "invoice_date"),
                        org.assertj.core.groups.Tuple.tuple(4, "due_date"),
                        org.assertj.core.groups.Tuple.tuple(5, "due_date"));
        assertThat(parsed.report().problems().get(2).reason()).contains("before the invoice date");
        assertThat(parsed.batch().invoices()).extracting(Invoice::number).containsExactly("INV-1");
    }

    @Test
    void mixedCurrenciesShouldBeKeptApartAndAConflictingSymbolRejected() {
        ParsedImport parsed = generic(HEADER + """
                C-1,A,INV-1,,2026-10-01,2026-10-31,100.00,100.00,USD
                C-2,B,INV-2,,2026-10-01,2026-10-31,€250.00,€250.00,
                C-3,C,INV-3,,2026-10-01,2026-10-31,£10.00,£10.00,GBP
                C-4,D,INV-4,,2026-10-01,2026-10-31,€5.00,€5.00,USD
                """);

        assertThat(parsed.batch().invoices())
                .extracting(i -> i.amount())
                .containsExactly(Money.of(10_000, "USD"), Money.of(25_000, "EUR"), Money.of(1_000, "GBP"));
        assertThat(parsed.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).contains("mixed currencies");
        });
        assertThat(parsed.report().notes()).anySatisfy(n -> assertThat(n).contains("3 currencies (EUR, GBP, USD)"));
    }

    @Test
    void twentyPercentEmptyRequiredFieldsShouldBlock() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10; i++) {
            // rows 1-6 lack both dates: 12 of 60 required cells
            String due = i <= 6 ? "" : "2026-10-31";
            String issued = i <= 6 ? "" : "2026-10-01";
            csv.append("C-%d,Name %d,INV-%d,,%s,%s,1.00,1.00,USD\n".formatted(i, i, i, issued, due));
        }
        ParsedImport parsed = generic(csv.toString());

        // 12 of 60 required cells empty = 20%
        assertThat(parsed.report().requiredMissingRatio()).isEqualTo(0.2);
        assertThat(parsed.report().verdict()).isEqualTo(Verdict.BLOCKED_MISSING_DATA);
        assertThat(parsed.report().fields())
                .filteredOn(f -> f.field().equals("due_date"))
                .singleElement()
                .satisfies(f -> assertThat(f.missingRatio()).isEqualTo(0.6));
    }

    @Test
    void aUtf8BomCrlfFileShouldParse() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = (HEADER + "C-1,Café Ñandú,INV-1,,2026-10-01,2026-10-31,1.00,1.00,USD\n").replace("\n", "\r\n");
        byte[] bytes = concat(bom, body.getBytes(StandardCharsets.UTF_8));

        ParsedImport parsed = CsvImport.create(Profile.GENERIC, USD).read("bom.csv", bytes, ImportKind.AGING);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(parsed.batch().customers().getFirst().name()).isEqualTo("Café Ñandú");
    }

    @Test
    void aNulByteAHugeFieldOrTooManyColumnsAreRefusedWithTheLineNotAStorageError() {
        CsvImport csv = CsvImport.create(Profile.GENERIC, USD);
        ParsedImport nul = csv.read(
                "nul.csv",
                (HEADER + "C-1,Blue Fern,INV-1,,2026-10-01,2026-10-31,1.00,1.00,USD\n"
                                + "C-2,Bad\u0000Name,INV-2,,2026-10-01,2026-10-31,1.00,1.00,USD\n")
                        .getBytes(StandardCharsets.UTF_8),
                ImportKind.AGING);
        assertThat(nul.report().verdict()).isEqualTo(Verdict.SCHEMA_MISMATCH);
        assertThat(nul.report().schemaProblems().getFirst().message()).contains("line 3", "NUL byte");
        assertThat(nul.batch().customers()).isEmpty();

        ParsedImport huge = csv.read(
                "huge.csv",
                (HEADER + "C-1," + "x".repeat(20_000) + ",INV-1,,2026-10-01,2026-10-31,1.00,1.00,USD\n")
                        .getBytes(StandardCharsets.UTF_8),
                ImportKind.AGING);
        assertThat(huge.report().schemaProblems().getFirst().message()).contains("line 2", "column 2", "at most 10000");

        ParsedImport wide = csv.read(
                "wide.csv", ("a" + ",a".repeat(200_000) + "\n").getBytes(StandardCharsets.UTF_8), ImportKind.AGING);
        assertThat(wide.report().schemaProblems().getFirst().message()).contains("200001 columns; at most 500");
    }

    @Test
    void aPlaceholderDateIsInvalidNotClean() {
        ParsedImport parsed = CsvImport.create(Profile.GENERIC, USD)
                .read(
                        "far.csv",
                        (HEADER + "C-1,Blue Fern,INV-1,,2026-10-01,9999-12-31,1.00,1.00,USD\n")
                                .getBytes(StandardCharsets.UTF_8),
                        ImportKind.AGING);
        assertThat(parsed.report().verdict()).isEqualTo(Verdict.INVALID_ROWS);
        assertThat(parsed.report().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("between 1970 and 2100"));
    }

    @Test
    void aWindows1252FileShouldBeDecodedAndSaidSo() {
        String body = HEADER + "C-1,Café Ñandú,INV-1,,2026-10-01,2026-10-31,1.00,1.00,USD\n";
        ParsedImport parsed = CsvImport.create(Profile.GENERIC, USD)
                .read("latin.csv", body.getBytes(Charset.forName("windows-1252")), ImportKind.AGING);

        assertThat(parsed.batch().customers().getFirst().name()).isEqualTo("Café Ñandú");
        assertThat(parsed.report().notes()).contains("encoding: windows-1252");
    }

    @Test
    void aSemicolonDelimitedFileWithDecimalCommasShouldParse() {
        ParsedImport parsed = generic("""
                customer_id;customer_name;invoice_number;invoice_date;due_date;amount;open_balance;currency
                C-1;Bäckerei Sonne;R-1;2026-10-01;2026-10-31;1.234,56;1.234,56;EUR
                C-2;Café Lune;R-2;2026-10-01;2026-10-31;99,50;10,00;EUR
                """);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(parsed.batch().invoices())
                .extracting(Invoice::openBalance)
                .containsExactly(Money.of(123_456, "EUR"), Money.of(1_000, "EUR"));
        assertThat(parsed.report().notes()).contains("delimiter: ';'");
    }

    @Test
    void duplicateNumbersAndNegativeBalancesShouldBeInvalidRows() {
        ParsedImport parsed = generic(HEADER + """
                C-1,A,INV-1,,2026-10-01,2026-10-31,10.00,10.00,USD
                C-1,A,INV-1,,2026-10-02,2026-11-01,20.00,20.00,USD
                C-1,A,INV-2,,2026-10-01,2026-10-31,10.00,-10.00,USD
                C-1,A,INV-3,,2026-10-01,2026-10-31,10.00,11.00,USD
                """);

        assertThat(parsed.report().problems())
                .extracting(DataHealthReport.RowProblem::line, DataHealthReport.RowProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "duplicate number INV-1 (first on line 2)"),
                        org.assertj.core.groups.Tuple.tuple(
                                4,
                                "negative balance on an invoice: a credit belongs on its own row typed 'credit_memo'"),
                        org.assertj.core.groups.Tuple.tuple(5, "open balance is larger than the invoice amount 10.00"));
        assertThat(parsed.report().validRows()).isEqualTo(1);
    }

    @Test
    void brokenQuotingShouldBeAnUnreadableFileNamingTheLine() {
        ParsedImport parsed = generic(HEADER + "C-1,\"A,INV-1,,2026-10-01,2026-10-31,10.00,10.00,USD\n");

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.SCHEMA_MISMATCH);
        assertThat(parsed.report().schemaProblems().getFirst().message()).contains("line 2");
        assertThat(parsed.batch().records()).isZero();
    }

    @Test
    void aQuickBooksExportWithTitleSectionAndTotalLinesShouldParse() {
        String csv = """
                "A/R Aging Detail"
                "Northwind Wholesale"
                "As of November 22, 2026"

                "","Date","Transaction Type","Num","Customer","Due Date","Past Due","Amount","Open Balance"
                "Current"
                "","11/10/2026","Invoice","1041","Blue Fern Bistro","12/10/2026","0","850.00","850.00"
                "Total for Current","","","","","","","","$850.00"
                "31 - 60 days past due"
                "","09/01/2026","Invoice","1017","Harbor Hotel","10/01/2026","52","2,400.00","1,200.00"
                "","09/03/2026","Credit Memo","1019","Harbor Hotel","","","-100.00","-100.00"
                "","09/04/2026","Payment","","Harbor Hotel","","","-40.00","-40.00"
                "Total for 31 - 60 days past due","","","","","","","","$1,060.00"
                "TOTAL","","","","","","","","$1,910.00"

                "Sunday, Nov 22, 2026 09:15:02 AM GMT-05:00"
                """;
        ParsedImport parsed = CsvImport.create(Profile.QUICKBOOKS, USD)
                .read("qb.csv", csv.getBytes(StandardCharsets.UTF_8), ImportKind.AGING);

        assertThat(parsed.report().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(parsed.report().headerLine()).isEqualTo(5);
        assertThat(parsed.batch().asOf()).contains(LocalDate.of(2026, 11, 22));
        assertThat(parsed.batch().invoices()).extracting(Invoice::number).containsExactly("1041", "1017");
        assertThat(parsed.batch().invoices().get(1).openBalance()).isEqualTo(Money.of(120_000, "USD"));
        assertThat(parsed.batch().creditMemos())
                .singleElement()
                .satisfies(m -> assertThat(m.amount()).isEqualTo(Money.of(10_000, "USD")));
        assertThat(parsed.batch().customers())
                .extracting(c -> c.name())
                .containsExactly("Blue Fern Bistro", "Harbor Hotel");
        assertThat(parsed.report().notes())
                .anySatisfy(n -> assertThat(n).contains("skipped 4 title line(s)"))
                .anySatisfy(n -> assertThat(n).contains("line 12: Payment skipped"))
                .anySatisfy(n -> assertThat(n).contains("skipped 3 total/subtotal line(s)"));
    }

    @Test
    void theGenericProfileShouldDetectTheKindFromTheHeader() {
        CsvImport reader = CsvImport.create(Profile.GENERIC, USD);
        assertThat(reader.detectKind("payment_id,customer_id,payment_date,amount\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ImportKind.PAYMENTS);
        assertThat(reader.detectKind("customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed\n"
                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ImportKind.HISTORY);
        assertThat(reader.detectKind("note_id,customer_id,created_at,body,kind\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ImportKind.NOTES);
        assertThat(reader.detectKind(HEADER.getBytes(StandardCharsets.UTF_8))).isEqualTo(ImportKind.AGING);
        assertThat(reader.detectKind("customer_id,name,segment,email\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ImportKind.CUSTOMERS);
    }

    @Test
    void paymentsSplitOverSeveralRowsShouldBecomeOnePaymentWithAllocations() {
        ParsedImport parsed = CsvImport.create(Profile.GENERIC, USD)
                .read("p.csv", """
                payment_id,customer_id,payment_date,amount,currency,method,invoice_number,applied_amount
                P-1,C-1,2026-10-15,300.00,USD,ach,INV-1,100.00
                P-1,C-1,2026-10-15,300.00,USD,ach,INV-2,200.00
                P-2,C-1,2026-10-16,50.00,USD,check,INV-3,60.00
                """.getBytes(StandardCharsets.UTF_8), ImportKind.PAYMENTS);

        assertThat(parsed.batch().payments()).hasSize(2);
        assertThat(parsed.batch().payments().getFirst().allocations()).hasSize(2);
        assertThat(parsed.report().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
