package dev.aragent.simulator.book;

import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link SampleBook} in the formats {@link CsvImport} reads: the generic files (one per kind), and the AR
 * aging as QuickBooks Online and Xero export it. The demo imports what this writes, through the real import path.
 */
public final class SampleBookWriter {
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter XERO = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

    private SampleBookWriter() {}

    /** The generic files, in the order they should be imported. */
    public record Files5(Path customers, Path aging, Path history, Path payments, Path notes) {
        public List<Path> inImportOrder() {
            return List.of(customers, aging, history, payments, notes);
        }
    }

    public static Files5 writeGeneric(SampleBook book, Path dir) {
        try {
            Files.createDirectories(dir);
            Files5 files = new Files5(
                    dir.resolve("customers.csv"),
                    dir.resolve("aging.csv"),
                    dir.resolve("history.csv"),
                    dir.resolve("payments.csv"),
                    dir.resolve("notes.csv"));
            Files.writeString(files.customers(), customers(book), StandardCharsets.UTF_8);
            Files.writeString(files.aging(), aging(book), StandardCharsets.UTF_8);
            Files.writeString(files.history(), history(book), StandardCharsets.UTF_8);
            Files.writeString(files.payments(), payments(book), StandardCharsets.UTF_8);
            Files.writeString(files.notes(), notes(book), StandardCharsets.UTF_8);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample book to " + dir, e);
        }
    }

    /**
     * The book's invoices (settled and open) as a risk-history file: the seven documented columns plus {@code segment}
     * and {@code payment_method} as extra features. Returns the rows written.
     */
    public static int writeHistory(SampleBook book, Path file) {
        String text = history(book, true);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return book.history().size() + book.openInvoices().size();
    }

    static String customers(SampleBook book) {
        return csv(
                List.of(
                        "customer_id",
                        "name",
                        "segment",
                        "industry",
                        "time_zone",
                        "credit_limit",
                        "currency",
                        "customer_since",
                        "tags",
                        "contact_name",
                        "email",
                        "phone",
                        "role",
                        "email_opt_out",
                        "sms_opt_out",
                        "voice_consent"),
                p -> {
                    for (Customer c : book.customers()) {
                        for (Contact k : c.contacts()) {
                            p.printRecord(
                                    c.key(),
                                    c.name(),
                                    c.segment().orElse(""),
                                    c.industry().orElse(""),
                                    c.timeZone().map(Object::toString).orElse(""),
                                    c.creditLimit().map(Money::toPlainString).orElse(""),
                                    "USD",
                                    c.customerSince().map(Object::toString).orElse(""),
                                    String.join("|", c.tags()),
                                    k.name(),
                                    k.email().orElse(""),
                                    k.phone().orElse(""),
                                    k.role(),
                                    k.emailOptOut(),
                                    k.smsOptOut(),
                                    k.voiceConsent());
                        }
                    }
                });
    }

    private static final List<String> AGING_COLUMNS = List.of(
            "customer_id",
            "customer_name",
            "invoice_number",
            "po_number",
            "invoice_date",
            "due_date",
            "amount",
            "open_balance",
            "currency",
            "type",
            "disputed");

    /**
     * The invoices issued on {@code day} as an ERP's "new invoices" export (the aging's columns; imported with the kind
     * {@code invoices}), or empty when none were.
     */
    public static java.util.Optional<String> invoicesIssued(SampleBook book, java.time.LocalDate day) {
        List<Invoice> issued = book.issuedOn(day);
        if (issued.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<CustomerKey, Customer> byKey = byKey(book);
        return java.util.Optional.of(csv(AGING_COLUMNS, p -> invoiceRows(p, issued, byKey)));
    }

    private static void invoiceRows(CSVPrinter p, List<Invoice> invoices, Map<CustomerKey, Customer> byKey)
            throws IOException {
        for (Invoice i : invoices) {
            p.printRecord(
                    i.customer(),
                    byKey.get(i.customer()).name(),
                    i.number(),
                    i.poNumber().orElse(""),
                    i.issueDate(),
                    i.dueDate(),
                    i.amount().toPlainString(),
                    i.openBalance().toPlainString(),
                    "USD",
                    "invoice",
                    i.disputed());
        }
    }

    static String aging(SampleBook book) {
        Map<CustomerKey, Customer> byKey = byKey(book);
        return csv(AGING_COLUMNS, p -> {
            invoiceRows(p, book.openInvoices(), byKey);
            for (CreditMemo m : book.creditMemos()) {
                p.printRecord(
                        m.customer(),
                        byKey.get(m.customer()).name(),
                        m.number(),
                        "",
                        m.issueDate(),
                        "",
                        m.amount().toPlainString(),
                        m.amount().toPlainString(),
                        "USD",
                        "credit_memo",
                        false);
            }
        });
    }

    static String history(SampleBook book) {
        return history(book, false);
    }

    /** Settled and open invoices; with {@code extras}, also each customer's segment and the paying method. */
    private static String history(SampleBook book, boolean extras) {
        Map<CustomerKey, Customer> byKey = byKey(book);
        Map<String, String> methods = new java.util.HashMap<>();
        book.payments()
                .forEach(p -> p.allocations()
                        .forEach(a -> methods.put(a.invoiceNumber(), p.method().orElse(""))));
        List<Invoice> all = new ArrayList<>(book.history());
        all.addAll(book.openInvoices());
        all.sort(Comparator.comparing(Invoice::issueDate).thenComparing(Invoice::number));
        List<String> header = new ArrayList<>(
                List.of("customer_id", "invoice_id", "invoice_date", "due_date", "amount", "settled_date", "disputed"));
        if (extras) {
            header.addAll(List.of("segment", "payment_method"));
        }
        return csv(header, p -> {
            for (Invoice i : all) {
                List<Object> row = new ArrayList<>(List.of(
                        i.customer(),
                        i.number(),
                        i.issueDate(),
                        i.dueDate(),
                        i.amount().toPlainString(),
                        i.settledDate().map(Object::toString).orElse(""),
                        i.disputed()));
                if (extras) {
                    row.add(byKey.get(i.customer()).segment().orElse(""));
                    row.add(methods.getOrDefault(i.number(), ""));
                }
                p.printRecord(row);
            }
        });
    }

    static String payments(SampleBook book) {
        return csv(
                List.of(
                        "payment_id",
                        "customer_id",
                        "payment_date",
                        "amount",
                        "currency",
                        "method",
                        "invoice_number",
                        "applied_amount"),
                p -> {
                    for (Payment pay : book.payments()) {
                        for (Payment.Allocation a : pay.allocations()) {
                            p.printRecord(
                                    pay.reference(),
                                    pay.customer(),
                                    pay.receivedOn(),
                                    pay.amount().toPlainString(),
                                    "USD",
                                    pay.method().orElse(""),
                                    a.invoiceNumber(),
                                    a.amount().toPlainString());
                        }
                    }
                });
    }

    static String notes(SampleBook book) {
        return csv(
                List.of(
                        "note_id",
                        "customer_id",
                        "kind",
                        "created_at",
                        "source",
                        "author",
                        "subject",
                        "body",
                        "status"),
                p -> {
                    for (Note n : book.notes()) {
                        p.printRecord(
                                n.reference(),
                                n.customer(),
                                n.kind().name().toLowerCase(Locale.ROOT),
                                n.createdAt(),
                                n.source(),
                                n.author(),
                                n.subject().orElse(""),
                                n.body(),
                                n.ticketStatus().orElse(""));
                    }
                });
    }

    /** The open invoices as QuickBooks Online's "A/R Aging Detail" CSV: titles, bucket sections, subtotals, TOTAL. */
    public static String quickbooksAging(SampleBook book, String company) {
        Map<CustomerKey, Customer> byKey = byKey(book);
        Map<AgingBucket, List<Invoice>> buckets = book.openInvoices().stream()
                .collect(Collectors.groupingBy(
                        i -> AgingBucket.of(i.daysPastDue(book.asOf())),
                        () -> new java.util.EnumMap<>(AgingBucket.class),
                        Collectors.toList()));
        Map<AgingBucket, String> titles = Map.of(
                AgingBucket.CURRENT,
                "Current",
                AgingBucket.DAYS_1_30,
                "1 - 30 days past due",
                AgingBucket.DAYS_31_60,
                "31 - 60 days past due",
                AgingBucket.DAYS_61_90,
                "61 - 90 days past due",
                AgingBucket.DAYS_90_PLUS,
                "91 or more days past due");
        return csv(List.of(), p -> {
            p.printRecord("A/R Aging Detail");
            p.printRecord(company);
            p.printRecord("As of " + book.asOf().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)));
            p.println();
            p.printRecord(
                    "",
                    "Date",
                    "Transaction Type",
                    "Num",
                    "Customer",
                    "Due Date",
                    "Past Due",
                    "Amount",
                    "Open Balance");
            Money grand = Money.zero(java.util.Currency.getInstance("USD"));
            for (var e : buckets.entrySet()) {
                p.printRecord(titles.get(e.getKey()));
                Money sum = Money.zero(grand.currency());
                for (Invoice i : e.getValue()) {
                    p.printRecord(
                            "",
                            i.issueDate().format(US),
                            "Invoice",
                            i.number(),
                            byKey.get(i.customer()).name(),
                            i.dueDate().format(US),
                            Math.max(0, i.daysPastDue(book.asOf())),
                            qb(i.amount()),
                            qb(i.openBalance()));
                    sum = sum.plus(i.openBalance());
                }
                p.printRecord("Total for " + titles.get(e.getKey()), "", "", "", "", "", "", "", qb(sum));
                grand = grand.plus(sum);
            }
            p.printRecord("TOTAL", "", "", "", "", "", "", "", qb(grand));
            p.println();
            p.printRecord(book.asOf().format(DateTimeFormatter.ofPattern("EEEE, MMM d, yyyy", Locale.US))
                    + " 09:15:02 AM GMT-05:00");
        });
    }

    /** The open invoices as Xero's "Aged Receivables Detail" CSV: titles, one section per contact, totals. */
    public static String xeroAging(SampleBook book, String company) {
        Map<CustomerKey, Customer> byKey = byKey(book);
        Map<CustomerKey, List<Invoice>> byContact = book.openInvoices().stream()
                .collect(Collectors.groupingBy(Invoice::customer, LinkedHashMap::new, Collectors.toList()));
        return csv(List.of(), p -> {
            p.printRecord("Aged Receivables Detail");
            p.printRecord(company);
            p.printRecord("As at " + book.asOf().format(XERO));
            p.printRecord("Ageing by due date");
            p.println();
            p.printRecord(
                    "Invoice Date",
                    "Invoice Number",
                    "Reference",
                    "Due Date",
                    "Current",
                    "< 1 Month",
                    "1 Month",
                    "2 Months",
                    "3 Months",
                    "Older",
                    "Total");
            for (var e : byContact.entrySet()) {
                p.printRecord(byKey.get(e.getKey()).name());
                for (Invoice i : e.getValue()) {
                    String[] ageing = {"", "", "", "", "", ""};
                    ageing[
                            Math.min(
                                    5,
                                    AgingBucket.of(i.daysPastDue(book.asOf())).ordinal())] = i.openBalance()
                            .toPlainString();
                    List<Object> cells = new ArrayList<>(List.of(
                            i.issueDate().format(XERO),
                            "Invoice " + i.number(),
                            i.poNumber().orElse(""),
                            i.dueDate().format(XERO)));
                    cells.addAll(List.of(ageing));
                    cells.add(i.openBalance().toPlainString());
                    p.printRecord(cells);
                }
                Money sum = e.getValue().stream()
                        .map(Invoice::openBalance)
                        .reduce(Money::plus)
                        .orElseThrow();
                p.printRecord(
                        "Total " + byKey.get(e.getKey()).name(),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        sum.toPlainString());
            }
            p.printRecord("Total", "", "", "", "", "", "", "", "", "", "");
        });
    }

    private static String qb(Money m) {
        return String.format(Locale.US, "%,.2f", m.toMajor());
    }

    private static Map<CustomerKey, Customer> byKey(SampleBook book) {
        return book.customers().stream().collect(Collectors.toMap(Customer::key, Function.identity()));
    }

    @FunctionalInterface
    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String csv(List<String> header, Body body) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            if (!header.isEmpty()) {
                printer.printRecord(header);
            }
            body.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
