package dev.aragent.simulator.book;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic AR book shaped like our reference customer: a wholesale distributor with commercial accounts
 * on Net-30 across US time zones, six months of invoice and payment history, open invoices aging into every bucket,
 * CRM notes and support tickets in varied tones. The same seed and date always give the same book.
 *
 * <p>The book also goes on: {@code issuing} holds the invoices each account will be sent over the next
 * {@link #HORIZON_DAYS} days (at its own rhythm, amounts and terms), and {@code settles} the day each open or coming
 * invoice would be paid of the customer's own accord, as its history shows it pays (absent: an account in distress,
 * which stops paying). They come from a random source of their own, so the book as it stands is the same with or without
 * them.
 */
public record SampleBook(
        LocalDate asOf,
        List<Customer> customers,
        List<Invoice> openInvoices,
        List<CreditMemo> creditMemos,
        List<Invoice> history,
        List<Payment> payments,
        List<Note> notes,
        List<Invoice> issuing,
        java.util.Map<String, LocalDate> settles) {

    public SampleBook {
        issuing = List.copyOf(issuing);
        settles = java.util.Map.copyOf(settles);
    }

    /** How far ahead {@code issuing} goes. */
    public static final int HORIZON_DAYS = 180;

    /** The invoices issued on {@code day} (after {@code asOf}), in account order. */
    public List<Invoice> issuedOn(LocalDate day) {
        return issuing.stream().filter(i -> i.issueDate().equals(day)).toList();
    }

    /** The day {@code invoice} is paid of its customer's own accord, as its history shows; empty: never. */
    public java.util.Optional<LocalDate> settlesOn(String invoice) {
        return java.util.Optional.ofNullable(settles.get(invoice));
    }

    /** How many days of history the book holds before {@code asOf}. */
    public static final int HISTORY_DAYS = 180;

    private static final String[] ZONES = {
        "America/New_York",
        "America/New_York",
        "America/New_York",
        "America/New_York",
        "America/New_York",
        "America/New_York",
        "America/New_York",
        "America/Chicago",
        "America/Chicago",
        "America/Chicago",
        "America/Chicago",
        "America/Chicago",
        "America/Chicago",
        "America/Denver",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Los_Angeles",
        "America/Los_Angeles",
        "America/Los_Angeles",
        "America/Anchorage",
        "Pacific/Honolulu"
    };

    /** Draws a book of {@code accounts} accounts as it stands on {@code asOf}. */
    public static SampleBook generate(long seed, LocalDate asOf, int accounts) {
        return new Generator(new SplittableRandom(seed), seed, asOf).book(accounts);
    }

    private static final class Generator {
        private final SplittableRandom random;
        private final Random gaussian;
        private final LocalDate asOf;
        private final List<Customer> customers = new ArrayList<>();
        private final List<Invoice> open = new ArrayList<>();
        private final List<CreditMemo> credits = new ArrayList<>();
        private final List<Invoice> history = new ArrayList<>();
        private final List<Payment> payments = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private int invoiceSeq = 100_000;
        private int paymentSeq = 500_000;
        private int noteSeq = 1;
        private final long seed;
        private final List<Invoice> issuing = new ArrayList<>();
        private final java.util.Map<String, LocalDate> settles = new java.util.HashMap<>();
        private int issuingSeq = 300_000;

        Generator(SplittableRandom random, long seed, LocalDate asOf) {
            this.random = random;
            this.seed = seed;
            this.gaussian = new Random(random.nextLong());
            this.asOf = asOf;
        }

        SampleBook book(int accounts) {
            SampleNames names = new SampleNames(random);
            for (int i = 0; i < accounts; i++) {
                Segment segment = segment();
                CustomerKey key = CustomerKey.of(String.format(Locale.ROOT, "C-%05d", 10_001 + i));
                String name = names.company(segment);
                double reliability = Math.exp(gaussian.nextGaussian() * 0.5);
                boolean distressed = random.nextDouble() < segment.distressRate * 5.4;
                customers.add(customer(key, name, segment, names));
                invoices(key, segment, reliability, distressed);
                SampleNotes.forCustomer(random, key, name, segment, reliability, distressed, asOf, this::nextNoteId)
                        .forEach(notes::add);
                if (random.nextDouble() < 0.02) {
                    credits.add(new CreditMemo(
                            key,
                            "CM-" + (3_001 + credits.size()),
                            asOf.minusDays(random.nextInt(5, 60)),
                            Money.of(random.nextLong(5_000, 80_000), "USD"),
                            Optional.empty()));
                }
            }
            return new SampleBook(asOf, customers, open, credits, history, payments, notes, issuing, settles);
        }

        private String nextNoteId() {
            return String.format(Locale.ROOT, "N-%06d", noteSeq++);
        }

        private Segment segment() {
            double u = random.nextDouble();
            double acc = 0;
            for (Segment s : Segment.values()) {
                acc += s.share;
                if (u < acc) {
                    return s;
                }
            }
            return Segment.RESTAURANTS;
        }

        private Customer customer(CustomerKey key, String name, Segment segment, SampleNames names) {
            String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
            List<Contact> contacts = new ArrayList<>();
            int n = random.nextDouble() < 0.3 ? 2 : 1;
            for (int c = 0; c < n; c++) {
                String person = names.person();
                String local = c == 0 ? "ap" : person.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
                Optional<String> phone = random.nextDouble() < 0.92
                        ? Optional.of(String.format(
                                Locale.ROOT, "+1%03d555%04d", random.nextInt(201, 990), random.nextInt(100, 10_000)))
                        : Optional.empty();
                boolean emailOptOut = random.nextDouble() < 0.03;
                boolean smsOptOut = random.nextDouble() < 0.05;
                // consent to AI-voice calls on record for about seven phones in ten (given on the credit
                // application); drawn from the number, not the book's random source, so the book is otherwise as before
                boolean voiceConsent =
                        phone.map(p -> Math.floorMod(p.hashCode(), 10) < 7).orElse(false);
                contacts.add(new Contact(
                        person,
                        Optional.of(local + "@" + domain),
                        phone,
                        c == 0 ? "accounts payable" : "owner",
                        emailOptOut,
                        smsOptOut,
                        voiceConsent));
            }
            long limit = Math.round(segment.meanInvoiceDollars * (4 + random.nextInt(8)) / 500.0) * 500 * 100;
            return new Customer(
                    key,
                    name,
                    Optional.of(segment.code),
                    Optional.of(segment.industry),
                    Optional.of(ZoneId.of(ZONES[random.nextInt(ZONES.length)])),
                    Optional.of(Money.of(limit, "USD")),
                    Optional.of(asOf.minusDays(random.nextInt(200, 4_000))),
                    List.of("net30"),
                    contacts);
        }

        private void invoices(CustomerKey key, Segment segment, double reliability, boolean distressed) {
            int gap = 8 + random.nextInt(14);
            LocalDate distressFrom = asOf.minusDays(random.nextInt(60, 170));
            LocalDate issued = asOf.minusDays(HISTORY_DAYS - random.nextInt(gap));
            for (; !issued.isAfter(asOf); issued = issued.plusDays(gap - 3 + random.nextInt(7))) {
                LocalDate due = issued.plusDays(30);
                long cents = Math.max(
                        4_000,
                        Math.round(segment.meanInvoiceDollars * 100 * Math.exp(gaussian.nextGaussian() * 0.55 - 0.15)));
                Money amount = Money.of(cents, "USD");
                String number = "INV-" + invoiceSeq++;
                boolean disputed = random.nextDouble() < segment.disputeRate;
                boolean stops = distressed && issued.isAfter(distressFrom);
                long late = random.nextDouble() < segment.lateProbability
                        ? Math.round(-Math.log(1 - random.nextDouble()) * segment.meanDaysLate * reliability) + 1
                        : -random.nextInt(0, 6);
                LocalDate settled = due.plusDays(late + (disputed ? 25 : 0));
                if (!stops && !settled.isAfter(asOf)) {
                    history.add(Invoice.settled(key, number, issued, due, amount, settled, disputed));
                    payments.add(new Payment(
                            key,
                            "PMT-" + paymentSeq++,
                            settled,
                            amount,
                            Optional.of(
                                    random.nextDouble() < 0.6 ? "ach" : random.nextDouble() < 0.7 ? "check" : "card"),
                            List.of(new Payment.Allocation(number, amount))));
                } else {
                    Money balance = amount;
                    if (random.nextDouble() < 0.08 && due.isBefore(asOf)) {
                        Money part = Money.of(cents / 2, "USD");
                        balance = amount.minus(part);
                        LocalDate paidOn = due.plusDays(random.nextInt(0, 10));
                        payments.add(new Payment(
                                key,
                                "PMT-" + paymentSeq++,
                                paidOn.isAfter(asOf) ? asOf : paidOn,
                                part,
                                Optional.of("check"),
                                List.of(new Payment.Allocation(number, part))));
                    }
                    if (!stops) {
                        settles.put(number, settled);
                    }
                    open.add(new Invoice(
                            key,
                            number,
                            Optional.of("PO-" + (7_000 + random.nextInt(3_000))),
                            issued,
                            due,
                            amount,
                            balance,
                            InvoiceStatus.OPEN,
                            Optional.empty(),
                            disputed && due.isBefore(asOf)));
                }
            }
            coming(key, segment, reliability, distressed, gap, issued);
        }

        /**
         * The invoices the account will be sent after {@code asOf}, from {@code next} on at its rhythm, and the day it
         * would pay each of its own accord (as in its history; never, for an account in distress).
         */
        private void coming(
                CustomerKey key, Segment segment, double reliability, boolean distressed, int gap, LocalDate next) {
            SplittableRandom own = new SplittableRandom(seed * 31 + key.value().hashCode());
            for (LocalDate issued = next;
                    !issued.isAfter(asOf.plusDays(HORIZON_DAYS));
                    issued = issued.plusDays(gap - 3 + own.nextInt(7))) {
                LocalDate due = issued.plusDays(30);
                long cents = Math.max(
                        4_000,
                        Math.round(segment.meanInvoiceDollars * 100 * Math.exp(own.nextGaussian() * 0.55 - 0.15)));
                String number = "INV-" + issuingSeq++;
                long late = own.nextDouble() < segment.lateProbability
                        ? Math.round(-Math.log(1 - own.nextDouble()) * segment.meanDaysLate * reliability) + 1
                        : -own.nextInt(0, 6);
                if (!distressed) {
                    settles.put(number, due.plusDays(late));
                }
                issuing.add(Invoice.unpaid(key, number, issued, due, Money.of(cents, "USD"), false));
            }
        }
    }
}
