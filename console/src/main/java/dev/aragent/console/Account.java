package dev.aragent.console;

import dev.aragent.agent.app.Workbench;
import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRisk;
import dev.aragent.agent.risk.Assessment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One account's page: what is owed and how old it is, the invoices, payments and credit memos, the contacts with their
 * opt-outs, the risk with its top factors (a probability indicator, not a verdict), and one timeline of everything
 * that happened on it.
 */
public record Account(
        Who who,
        String key,
        String name,
        String segment,
        String timeZone,
        String open,
        List<Bucket> aging,
        List<Line> invoices,
        List<Paid> payments,
        List<String> creditMemos,
        List<Person> contacts,
        Optional<String> risk,
        List<String> factors,
        HoldView hold,
        Timeline timeline) {

    /** An aging bucket with what is open in it. */
    public record Bucket(String label, String amount) {}

    /** An invoice as the page lists it; {@code state} is open, paid or closed, with "disputed" when it is. */
    public record Line(
            String number, String issued, String due, String amount, String open, String overdue, String state) {}

    /** A payment received. */
    public record Paid(String on, String reference, String amount, String method) {}

    /** A contact and how they may be reached. */
    public record Person(
            String name,
            String role,
            String email,
            String phone,
            String reach,
            String key,
            boolean emailOptOut,
            boolean smsOptOut,
            boolean voiceConsent) {}

    public static Account of(Who who, Workbench.AccountPage page) {
        return of(
                who,
                page.record(),
                page.risk(),
                page.today(),
                HoldView.of(
                        page.record().customer().key().value(), page.hold(), Optional.empty(), page.zone(), who.csrf()),
                Timeline.of(page.timeline(), page.events(), page.zone()));
    }

    public static Account of(
            Who who, AccountRecord r, Optional<AccountRisk> risk, LocalDate today, HoldView hold, Timeline timeline) {
        var c = r.customer();
        List<Invoice> open = r.invoices().stream()
                .filter(i -> i.status() == InvoiceStatus.OPEN)
                .toList();
        Optional<Money> total = open.stream().map(Invoice::openBalance).reduce(Money::plus);
        Map<AgingBucket, Money> buckets = new EnumMap<>(AgingBucket.class);
        for (Invoice i : open) {
            buckets.merge(
                    AgingBucket.of(Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), today))),
                    i.openBalance(),
                    Money::plus);
        }
        List<Bucket> aging = new ArrayList<>();
        buckets.forEach((b, m) -> aging.add(new Bucket(b.label(), m.format())));
        return new Account(
                who,
                c.key().value(),
                c.name(),
                c.segment().orElse("—"),
                c.timeZone().map(Object::toString).orElse("the tenant's"),
                total.map(Money::format).orElse("nothing open"),
                aging,
                r.invoices().stream()
                        .sorted(Comparator.comparing(Invoice::dueDate).reversed())
                        .map(i -> line(i, today))
                        .toList(),
                r.payments().stream()
                        .map(p -> new Paid(
                                p.receivedOn().toString(),
                                p.reference(),
                                p.amount().format(),
                                p.method().orElse("")))
                        .toList(),
                r.creditMemos().stream()
                        .map(m -> m.number() + " " + m.amount().format() + " of " + m.issueDate()
                                + m.appliesTo().map(n -> " against " + n).orElse(""))
                        .toList(),
                c.contacts().stream().map(Account::person).toList(),
                risk.map(k -> Risk.percent(k.probability())),
                risk.map(AccountRisk::factors).orElse(List.of()),
                hold,
                timeline);
    }

    private static Line line(Invoice i, LocalDate today) {
        long days = ChronoUnit.DAYS.between(i.dueDate(), today);
        String state = i.status().name().toLowerCase(Locale.ROOT) + (i.disputed() ? ", disputed" : "");
        return new Line(
                i.number(),
                i.issueDate().toString(),
                i.dueDate().toString(),
                i.amount().format(),
                i.openBalance().format(),
                i.status() == InvoiceStatus.OPEN && days > 0 ? days + " days" : "",
                state);
    }

    private static Person person(Contact k) {
        List<String> reach = new ArrayList<>();
        reach.add(k.emailOptOut() ? "no email (opted out)" : "email");
        reach.add(k.smsOptOut() ? "no texts (opted out)" : "texts");
        reach.add(k.voiceConsent() ? "calls (consent on file)" : "no automated calls");
        return new Person(
                k.name(),
                k.role(),
                k.email().orElse(""),
                k.phone().orElse(""),
                String.join(", ", reach),
                k.email().or(k::phone).orElseThrow(),
                k.emailOptOut(),
                k.smsOptOut(),
                k.voiceConsent());
    }

    /** How risk is to be read. */
    public String riskNote() {
        return Assessment.FRAMING;
    }
}
