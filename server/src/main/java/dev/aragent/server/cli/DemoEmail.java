package dev.aragent.server.cli;

import dev.aragent.agent.conversation.IntakeResult;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.server.App;
import dev.aragent.server.demo.DebtorReplies;
import dev.aragent.server.demo.DemoMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The demo's email step: first reminders to the top of the queue, debtors answer, replies threaded and answered. */
final class DemoEmail {
    private DemoEmail() {}

    static void run(PrintStream out, App app, TenantId tenant, List<QueueEntry> top, long seed, int debtors)
            throws MessagingException {
        LocalDate today = LocalDate.now(app.clock());
        Map<CustomerKey, Customer> customers =
                app.ledger().customers(tenant).stream().collect(Collectors.toMap(Customer::key, Function.identity()));
        Map<CustomerKey, List<Invoice>> pastDue = app.ledger().invoices(tenant, InvoiceStatus.OPEN).stream()
                .filter(i -> i.daysPastDue(today) > 0)
                .collect(Collectors.groupingBy(Invoice::customer));
        out.println("Email, on an in-process mail server (GreenMail SMTP + IMAP) holding the AR and debtor mailboxes:");
        try (DemoMail mail = DemoMail.start(app.mailJournal(), app.clock(), app::collector)) {
            Map<Customer, Contact> reminded = new LinkedHashMap<>();
            for (QueueEntry e : top) {
                Customer c = customers.get(e.invoice().customer());
                if (reminded.size() >= debtors
                        || c == null
                        || reminded.containsKey(c)
                        || e.channel() != QueueEntry.Channel.EMAIL) {
                    continue;
                }
                Contact contact = c.contacts().stream()
                        .filter(k -> k.email().isPresent() && !k.emailOptOut())
                        .findFirst()
                        .orElseThrow();
                List<Invoice> invoices = pastDue.get(c.key()).stream().limit(3).toList();
                mail.desk().remind(tenant, c, contact, invoices, reminder(contact, invoices, today));
                reminded.put(c, contact);
            }
            int sent = mail.desk().dispatch(tenant, 100);
            out.printf(
                    Locale.ROOT,
                    "  first reminders sent: %d, each with its own Message-ID and reply address ar+<token>@northwind.example%n",
                    sent);
            Random random = new Random(seed);
            int n = 0;
            for (Map.Entry<Customer, Contact> r : reminded.entrySet()) {
                String address = r.getValue().email().orElseThrow();
                List<MimeMessage> inbox = mail.receivedBy(address);
                DebtorReplies.Reply reply = DebtorReplies.forDebtor(n++, random);
                mail.reply(inbox.getLast(), r.getValue().name(), address, reply.text(), reply.automatic());
            }
            List<IntakeResult> results = mail.watcher().pollOnce(tenant, mail.inbox());
            out.printf(Locale.ROOT, "  replies read from %s: %d%n", DemoMail.AR_ADDRESS, results.size());
            List<Customer> order = new ArrayList<>(reminded.keySet());
            for (int i = 0; i < results.size(); i++) {
                String who = i < order.size() ? order.get(i).name() : "?";
                switch (results.get(i)) {
                    case IntakeResult.Processed p ->
                        out.printf(
                                Locale.ROOT,
                                "    %-30s %-11s conversation %s%n      new text: \"%s\"%n",
                                cut(who),
                                p.kind() == dev.aragent.agent.conversation.EmailFacts.Kind.PERSONAL
                                        ? "[person]"
                                        : "[auto-reply]",
                                p.conversation()
                                        .map(c -> c.toString().substring(0, 8))
                                        .orElse("(triage)"),
                                oneLine(p.newText()));
                    case IntakeResult.Duplicate d -> out.printf(Locale.ROOT, "    %-30s already read%n", cut(who));
                    case IntakeResult.Quarantined q ->
                        out.printf(Locale.ROOT, "    %-30s quarantined: %s%n", cut(who), q.reason());
                }
            }
            int answers = mail.desk().dispatch(tenant, 100);
            out.printf(
                    Locale.ROOT,
                    "  answers sent in the same threads (In-Reply-To/References): %d; auto-replies are recorded, never answered%n",
                    answers);
        }
    }

    private static String reminder(Contact contact, List<Invoice> invoices, LocalDate today) {
        StringBuilder b = new StringBuilder("Hello")
                .append(contact.name().isBlank() ? "" : " " + contact.name().split(" ")[0])
                .append(",\n\n");
        b.append("Our records show ")
                .append(invoices.size() == 1 ? "this invoice" : "these invoices")
                .append(" as past due:\n");
        Money total = Money.zero(invoices.getFirst().openBalance().currency());
        for (Invoice i : invoices) {
            b.append("  ")
                    .append(i.number())
                    .append(": ")
                    .append(i.openBalance().format())
                    .append(" open, due ")
                    .append(i.dueDate())
                    .append(" (")
                    .append(i.daysPastDue(today))
                    .append(" days ago)\n");
            total = total.plus(i.openBalance());
        }
        b.append("\nTotal open: ").append(total.format()).append(".\n\n");
        b.append(
                "If you have already paid, just reply with the payment date so we can match it. If something is holding the"
                        + " payment up, reply and tell us: we can usually work something out.\n\nDana\nNorthwind Wholesale, Accounts Receivable");
        return b.toString();
    }

    private static String cut(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "…";
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= 110 ? t : t.substring(0, 109) + "…";
    }
}
