package dev.aragent.simulator.book;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A generated year of receivables and the bank receipts that pay them, with the truth of each receipt: who paid and
 * which invoices it meant, so cash application can be scored. Customers have company names (some alike: "Harbor Foods"
 * and "Harbor Foods Market"), a fifth of them recurring invoices of one amount; the bank writes payers' names as banks
 * do (capitals, legal forms dropped or changed, cut at 18 characters, abbreviated, one letter wrong — the same way for
 * one payer's account each time, a tenth of payments from a second account) and some customers
 * pay through someone else (a parent company, a factoring firm). Each receipt is one {@link Kind} in the shares {@link
 * #SHARES} states. Deterministic for a seed.
 */
public final class CashYear {

    /** What kind of receipt: how the payer paid and what the remittance says. */
    public enum Kind {
        /** One invoice named, its amount exactly. */
        REFERENCE,
        /** Two or three invoices named, their sum. */
        SEVERAL,
        /** Invoices named, less a deduction with its reason. */
        SHORT_WITH_REASON,
        /** One invoice named, part of it paid, no reason given. */
        SHORT_WITHOUT_REASON,
        /** An invoice named, a little more than it paid. */
        OVERPAID,
        /** Nothing named: the oldest invoice's amount. */
        NO_REFERENCE,
        /** Nothing named: the two oldest invoices' sum. */
        NO_REFERENCE_TWO,
        /** A reference with a digit wrong (it names another invoice or none); the amount is the meant invoice's. */
        WRONG_REFERENCE,
        /** Paid by someone else (a parent, a factor) under their own name; half name the invoice. */
        THIRD_PARTY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The stated share of each kind among the receipts. */
    public static final Map<Kind, Double> SHARES = shares();

    private static Map<Kind, Double> shares() {
        Map<Kind, Double> m = new LinkedHashMap<>();
        m.put(Kind.REFERENCE, 0.58);
        m.put(Kind.SEVERAL, 0.08);
        m.put(Kind.SHORT_WITH_REASON, 0.06);
        m.put(Kind.SHORT_WITHOUT_REASON, 0.03);
        m.put(Kind.OVERPAID, 0.02);
        m.put(Kind.NO_REFERENCE, 0.10);
        m.put(Kind.NO_REFERENCE_TWO, 0.04);
        m.put(Kind.WRONG_REFERENCE, 0.05);
        m.put(Kind.THIRD_PARTY, 0.04);
        return Collections.unmodifiableMap(m);
    }

    /** A customer: its key, its name, who else pays for it (empty: nobody). */
    public record Customer(String key, String name, String payerFor) {}

    /** An invoice as the aging states it. */
    public record Invoice(String number, String customer, LocalDate issued, LocalDate due, long minor) {}

    /**
     * One receipt: the bank's reference, the day, the amount, the payer's name as the bank writes it, the remittance
     * text, and the truth — the customer and what each invoice was meant to get (minor units, in the payer's order).
     */
    public record Receipt(
            String bankReference,
            LocalDate day,
            long minor,
            String payer,
            String payerAccount,
            String text,
            Kind kind,
            String customer,
            Map<String, Long> meant) {}

    private static final String[] FIRST = {
        "Blue Fern",
        "Harbor",
        "Summit",
        "Oak Ridge",
        "Cedar Point",
        "Golden Gate",
        "Riverbend",
        "Maple Leaf",
        "North Star",
        "Silver Lake",
        "Red Rock",
        "Pine Hill",
        "Lakeside",
        "Stonebridge",
        "Brookfield",
        "Sunrise",
        "Westfield",
        "Eastgate",
        "Highland",
        "Bayview",
        "Crescent",
        "Evergreen",
        "Granite",
        "Liberty",
        "Meadow",
        "Pioneer",
        "Prairie",
        "Redwood",
        "Seaside",
        "Willow",
        "Copper",
        "Ironwood",
        "Juniper",
        "Keystone",
        "Magnolia",
        "Orchard",
        "Parkside",
        "Quarry",
        "Rosewood",
        "Sterling"
    };
    private static final String[] TRADE = {
        "Bistro",
        "Foods",
        "Supply",
        "Hotel",
        "Builders",
        "Dental",
        "Market",
        "Auto Repair",
        "Bakery",
        "Plumbing",
        "Electric",
        "Cafe",
        "Hardware",
        "Logistics",
        "Landscaping",
        "Pharmacy",
        "Printing",
        "Roofing",
        "Catering",
        "Fitness",
        "Clinic",
        "Diner",
        "Brewing",
        "Florist",
        "Motors"
    };
    private static final String[] FORMS = {"LLC", "Inc", "Co", "Ltd", "Group", "Corp", "", ""};
    private static final String[] THIRD = {
        "FIRST CAPITAL FACTORING",
        "APEX HOLDINGS",
        "UNITED PAYABLES SERVICES",
        "MERIDIAN PARENT CO",
        "BLUEWATER FINANCE"
    };
    private static final String[] REASONS = {
        "damaged case",
        "pricing difference",
        "returned goods",
        "short shipment",
        "early payment discount",
        "freight charge not agreed",
        "disputed quantity"
    };

    private final List<Customer> customers;
    private final List<Invoice> invoices;
    private final List<Receipt> receipts;

    private CashYear(List<Customer> customers, List<Invoice> invoices, List<Receipt> receipts) {
        this.customers = List.copyOf(customers);
        this.invoices = List.copyOf(invoices);
        this.receipts = List.copyOf(receipts);
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Invoice> invoices() {
        return invoices;
    }

    public List<Receipt> receipts() {
        return receipts;
    }

    /** The receipts by day, in order. */
    public Map<LocalDate, List<Receipt>> days() {
        Map<LocalDate, List<Receipt>> out = new TreeMap<>();
        receipts.forEach(
                r -> out.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r));
        return out;
    }

    /** A year from {@code start} with {@code payments} receipts over about {@code payments / 9} customers. */
    public static CashYear generate(long seed, LocalDate start, int payments) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = Math.max(20, payments / 9);
        List<Customer> customers = new ArrayList<>();
        Set<String> bases = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        while (customers.size() < count) {
            String base = FIRST[random.nextInt(FIRST.length)] + " " + TRADE[random.nextInt(TRADE.length)];
            if (!bases.add(base)) {
                if (random.nextInt(3) > 0) {
                    continue;
                }
                base = base + (random.nextBoolean() ? " East" : " Two"); // a name like another customer's
            }
            String form = FORMS[random.nextInt(FORMS.length)];
            String name = form.isEmpty() ? base : base + " " + form;
            if (!names.add(name)) {
                continue;
            }
            boolean paidByOther = random.nextInt(100) < 6;
            customers.add(new Customer(
                    String.format(Locale.ROOT, "C-%05d", customers.size() + 1),
                    name,
                    paidByOther ? THIRD[random.nextInt(THIRD.length)] : ""));
        }
        List<Customer> paidByOthers =
                customers.stream().filter(c -> !c.payerFor().isEmpty()).toList();
        // invoices: a year of them per customer, monthly or so; a fifth bill the same amount every time
        List<Invoice> invoices = new ArrayList<>();
        Map<String, List<Invoice>> of = new LinkedHashMap<>();
        int number = 10_000;
        for (Customer c : customers) {
            boolean recurring = random.nextInt(5) == 0;
            long fixed = amount(random);
            int n = 11 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                LocalDate issued = start.minusDays(60).plusDays((long) k * 30 + random.nextInt(10));
                number += 1 + random.nextInt(3);
                Invoice i = new Invoice(
                        "INV-" + number, c.key(), issued, issued.plusDays(30), recurring ? fixed : amount(random));
                invoices.add(i);
                of.computeIfAbsent(c.key(), x -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Long> open = new LinkedHashMap<>();
        invoices.forEach(i -> open.put(i.number(), i.minor()));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = start; d.isBefore(start.plusYears(1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        List<Receipt> receipts = new ArrayList<>();
        int tries = 0;
        while (receipts.size() < payments && tries++ < payments * 20) {
            LocalDate day = days.get(Math.min(days.size() - 1, receipts.size() * days.size() / payments));
            Kind kind = kind(random);
            Customer c = kind == Kind.THIRD_PARTY && !paidByOthers.isEmpty()
                    ? paidByOthers.get(random.nextInt(paidByOthers.size()))
                    : customers.get(random.nextInt(customers.size()));
            List<Invoice> unpaid = of.get(c.key()).stream()
                    .filter(i -> open.get(i.number()) > 0 && !i.issued().isAfter(day))
                    .toList();
            if (unpaid.isEmpty()) {
                continue;
            }
            if (kind == Kind.THIRD_PARTY && c.payerFor().isEmpty()) {
                kind = Kind.REFERENCE;
            }
            if ((kind == Kind.SEVERAL || kind == Kind.NO_REFERENCE_TWO) && unpaid.size() < 2) {
                kind = Kind.REFERENCE;
            }
            Receipt r = receipt(random, seed, receipts.size() + 1, day, c, unpaid, open, kind);
            r.meant().forEach((inv, paid) -> open.merge(inv, -paid, Long::sum));
            receipts.add(r);
        }
        return new CashYear(customers, invoices, receipts);
    }

    private static Kind kind(SplittableRandom random) {
        double x = random.nextDouble();
        double sum = 0;
        for (var e : SHARES.entrySet()) {
            sum += e.getValue();
            if (x < sum) {
                return e.getKey();
            }
        }
        return Kind.REFERENCE;
    }

    private static long amount(SplittableRandom random) {
        // log-normal around $1,200: most invoices hundreds to a few thousand dollars
        double major = Math.exp(7.1 + random.nextGaussian() * 0.9);
        return Math.max(2_500, Math.round(major * 100));
    }

    private static Receipt receipt(
            SplittableRandom random,
            long seed,
            int n,
            LocalDate day,
            Customer c,
            List<Invoice> unpaid,
            Map<String, Long> open,
            Kind kind) {
        Invoice first = unpaid.getFirst();
        long due = open.get(first.number());
        Map<String, Long> meant = new LinkedHashMap<>();
        String text;
        long minor;
        switch (kind) {
            case SEVERAL -> {
                int k = Math.min(unpaid.size(), 2 + random.nextInt(2));
                List<String> refs = new ArrayList<>();
                minor = 0;
                for (Invoice i : unpaid.subList(0, k)) {
                    meant.put(i.number(), open.get(i.number()));
                    minor += open.get(i.number());
                    refs.add(written(random, i.number()));
                }
                text = "Payment " + String.join(random.nextBoolean() ? ", " : " and ", refs);
            }
            case SHORT_WITH_REASON -> {
                // at least 1.00 kept back, at most a quarter of what is due (a balance under 4.00 is paid whole)
                long cut = due < 400
                        ? 0
                        : Math.max(100, Math.min(due / 4, Math.round(due * (0.01 + random.nextDouble() * 0.08))));
                minor = due - cut;
                meant.put(first.number(), minor);
                text = cut == 0
                        ? "Payment " + written(random, first.number())
                        : written(random, first.number()) + " less " + major(cut) + " "
                                + REASONS[random.nextInt(REASONS.length)];
            }
            case SHORT_WITHOUT_REASON -> {
                minor = Math.max(100, Math.round(due * (0.3 + random.nextDouble() * 0.5)));
                meant.put(first.number(), minor);
                text = "Part payment " + written(random, first.number());
            }
            case OVERPAID -> {
                long extra = 100 + random.nextInt(5_000);
                minor = due + extra;
                meant.put(first.number(), due);
                text = "Payment " + written(random, first.number());
            }
            case NO_REFERENCE -> {
                minor = due;
                meant.put(first.number(), due);
                text = random.nextBoolean() ? "" : "Payment thank you";
            }
            case NO_REFERENCE_TWO -> {
                Invoice second = unpaid.get(1);
                minor = due + open.get(second.number());
                meant.put(first.number(), due);
                meant.put(second.number(), open.get(second.number()));
                text = random.nextBoolean()
                        ? ""
                        : "Invoices " + first.issued().getMonth().toString().toLowerCase(Locale.ROOT);
            }
            case WRONG_REFERENCE -> {
                minor = due;
                meant.put(first.number(), due);
                text = "Payment " + mistyped(random, first.number());
            }
            case THIRD_PARTY -> {
                minor = due;
                meant.put(first.number(), due);
                text = random.nextBoolean()
                        ? "On behalf of " + c.name() + " " + written(random, first.number())
                        : "Remittance " + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            }
            default -> {
                minor = due;
                meant.put(first.number(), due);
                text = random.nextInt(10) == 0
                        ? written(random, first.number())
                        : "Payment " + written(random, first.number());
            }
        }
        // a payer's bank writes its name the same way every time; one payment in ten comes from a second account
        long account = random.nextInt(10) == 0 ? 1 : 0;
        String payer = kind == Kind.THIRD_PARTY
                ? c.payerFor()
                : asTheBankWritesIt(
                        new SplittableRandom(seed * 1_000_003L + c.key().hashCode() * 31L + account), c.name());
        return new Receipt(
                String.format(Locale.ROOT, "BK%08d", n),
                day,
                minor,
                payer,
                String.format(
                        Locale.ROOT, "US%02d%010d", Math.abs(c.key().hashCode()) % 97, Math.abs(payer.hashCode())),
                text,
                kind,
                c.key(),
                meant);
    }

    /** An invoice number as payers write it: {@code INV-10423}, {@code Inv 10423}, {@code #10423}, {@code 10423}. */
    private static String written(SplittableRandom random, String number) {
        String digits = number.substring(4);
        return switch (random.nextInt(6)) {
            case 0 -> "Inv " + digits;
            case 1 -> "#" + digits;
            case 2 -> "invoice " + digits;
            case 3 -> digits;
            default -> number;
        };
    }

    /** One digit changed or two swapped. */
    private static String mistyped(SplittableRandom random, String number) {
        char[] d = number.substring(4).toCharArray();
        int at = 1 + random.nextInt(d.length - 1);
        if (random.nextBoolean() && d[at] != d[at - 1]) {
            char t = d[at];
            d[at] = d[at - 1];
            d[at - 1] = t;
        } else {
            d[at] = (char) ('0' + (d[at] - '0' + 1 + random.nextInt(8)) % 10);
        }
        return "INV-" + new String(d);
    }

    /** How a bank writes a payer's name: capitals, the legal form dropped or changed, cut at 18, a letter wrong. */
    static String asTheBankWritesIt(SplittableRandom random, String name) {
        String s = name;
        int how = random.nextInt(10);
        if (how < 3) {
            s = s.replaceAll(" (LLC|Inc|Co|Ltd|Group|Corp)$", "");
        } else if (how == 3) {
            s = s.replaceAll(" (LLC|Inc|Co|Ltd|Corp)$", "") + " INC";
        } else if (how == 4 && s.length() > 18) {
            s = s.substring(0, 18);
        } else if (how == 5) {
            s = s.replace("Group", "GRP").replace(" and ", " & ").replace("Supply", "SUP");
        } else if (how == 6 && s.length() > 6) {
            int at = 2 + random.nextInt(s.length() - 4);
            char c = s.charAt(at);
            if (Character.isLetter(c)) {
                s = s.substring(0, at) + (c == 'e' ? 'a' : 'e') + s.substring(at + 1);
            }
        }
        return random.nextInt(3) == 0 ? s : s.toUpperCase(Locale.ROOT);
    }

    private static String major(long minor) {
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
    }

    /** The aging every invoice is open in, as the generic CSV import reads it. */
    public String agingCsv() {
        Map<String, Customer> byKey = new LinkedHashMap<>();
        customers.forEach(c -> byKey.put(c.key(), c));
        StringBuilder out = new StringBuilder(
                "customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency\n");
        for (Invoice i : invoices) {
            out.append(i.customer())
                    .append(',')
                    .append(cell(byKey.get(i.customer()).name()))
                    .append(',')
                    .append(i.number())
                    .append(',')
                    .append(i.issued())
                    .append(',')
                    .append(i.due())
                    .append(',')
                    .append(major(i.minor()))
                    .append(',')
                    .append(major(i.minor()))
                    .append(",USD\n");
        }
        return out.toString();
    }

    /** One day's receipts as a bank's CSV export (the generic bank profile's columns). */
    public static String bankCsv(List<Receipt> day) {
        StringBuilder out = new StringBuilder("date,amount,currency,name,account,text,reference\n");
        for (Receipt r : day) {
            out.append(r.day())
                    .append(',')
                    .append(major(r.minor()))
                    .append(",USD,")
                    .append(cell(r.payer()))
                    .append(',')
                    .append(r.payerAccount())
                    .append(',')
                    .append(cell(r.text()))
                    .append(',')
                    .append(r.bankReference())
                    .append('\n');
        }
        return out.toString();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** How many receipts of each kind. */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> out = new LinkedHashMap<>();
        SHARES.keySet().forEach(k -> out.put(k, 0));
        receipts.forEach(r -> out.merge(r.kind(), 1, Integer::sum));
        return out;
    }

    /** Every invoice's number, to tell a mistyped reference that names another invoice from one that names none. */
    public Set<String> numbers() {
        Set<String> out = new LinkedHashSet<>();
        invoices.forEach(i -> out.add(i.number()));
        return out;
    }
}
