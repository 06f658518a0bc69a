package dev.aragent.simulator.cli;

import dev.aragent.agent.conversation.IntakeResult;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Decision;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.simulator.demo.DebtorReplies;
import dev.aragent.simulator.demo.DemoMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's email step: reminders to the top of the queue, simulated debtors answer from their own mailboxes, the
 * agent reads each reply, decides through the policy engine and answers in the thread; a second round answers the
 * agent; then a week of virtual time passes and the follow-ups run (broken promises, unanswered messages).
 */
final class DemoEmail {
    private DemoEmail() {}

    /** One simulated debtor. */
    private record Debtor(Customer customer, Contact contact, DebtorReplies.Persona persona) {
        String address() {
            return contact.email().orElseThrow();
        }
    }

    static void run(PrintStream out, App app, TenantId tenant, List<QueueEntry> top, long seed, int debtors)
            throws MessagingException {
        Map<CustomerKey, Customer> customers =
                app.ledger().customers(tenant).stream().collect(Collectors.toMap(Customer::key, Function.identity()));
        out.println("Negotiations by email, on an in-process mail server (GreenMail SMTP + IMAP) holding the AR and"
                + " debtor mailboxes.");
        out.println(
                "Each reply is read (intent, entities), decided by the policy engine, worded from templates, checked"
                        + " by the guardrails and answered in its thread.");
        app.mailJournal().forgetConversations(tenant); // a demo run starts its conversations afresh
        DemoClock clock = app.clock() instanceof DemoClock virtual ? virtual : new DemoClock(app.clock());
        try (DemoMail mail = DemoMail.start(app.mailJournal(), clock, app::turnTaker)) {
            List<Debtor> cast = new ArrayList<>();
            for (QueueEntry e : top) {
                Customer c = customers.get(e.customer());
                if (cast.size() >= debtors
                        || c == null
                        || cast.stream().anyMatch(d -> d.customer().equals(c))
                        || e.action().channel() != dev.aragent.agent.queue.Reach.EMAIL) {
                    continue;
                }
                Contact contact = c.contacts().stream()
                        .filter(k -> k.email().isPresent() && !k.emailOptOut())
                        .findFirst()
                        .orElseThrow();
                // the product's own first message: the account's open balance, the invoices due a touch
                Optional<String> opening = app.turnTaker(DemoMail.IDENTITY)
                        .opening(
                                tenant,
                                c,
                                contact.name().isBlank() ? "" : contact.name().split("\\s+")[0],
                                e.invoices(),
                                false,
                                dev.aragent.agent.drafting.CadenceStep.at(e.daysOverdue()),
                                dev.aragent.agent.drafting.Channel.EMAIL,
                                LocalDate.now(clock.withZone(e.timeZone())));
                if (opening.isEmpty()) {
                    continue;
                }
                mail.desk().remind(tenant, c, contact, e.invoices(), opening.get());
                cast.add(new Debtor(c, contact, DebtorReplies.forDebtor(cast.size())));
            }
            int sent = mail.desk().dispatch(tenant, 100);
            out.printf(
                    Locale.ROOT,
                    "  reminders sent: %d (each with its own Message-ID and reply address"
                            + " ar+<token>@northwind.example)%n%n",
                    sent);
            Random random = new Random(seed);
            round(out, mail, tenant, cast, d -> d.persona().first(random, domain(d.address())), "first answers");
            List<Debtor> second =
                    cast.stream().filter(d -> d.persona().answersTwice()).toList();
            round(out, mail, tenant, second, d -> d.persona().second(random), "second answers");
            clock.advance(Duration.ofDays(7));
            List<TurnRecord> followUps = mail.desk().followUps(tenant);
            int nudges = mail.desk().dispatch(tenant, 100);
            Map<String, Long> byKind = followUps.stream()
                    .collect(Collectors.groupingBy(
                            t -> t.strategy()
                                    .map(s -> s.code().replace('_', ' '))
                                    .orElse("no message (escalated)"),
                            java.util.TreeMap::new,
                            Collectors.counting()));
            out.printf(
                    Locale.ROOT,
                    "  a week later (virtual time, no payment arrived): %d follow-ups, %d emails sent: %s%n",
                    followUps.size(),
                    nudges,
                    byKind);
            summary(out, app, tenant);
        }
    }

    /** The debtors write, the agent reads them all from the AR mailbox and answers. */
    private static void round(
            PrintStream out,
            DemoMail mail,
            TenantId tenant,
            List<Debtor> debtors,
            Function<Debtor, String> say,
            String title)
            throws MessagingException {
        if (debtors.isEmpty()) {
            return;
        }
        Map<String, Debtor> byAddress = new LinkedHashMap<>();
        for (Debtor d : debtors) {
            List<MimeMessage> inbox = mail.receivedBy(d.address());
            mail.reply(
                    inbox.getLast(),
                    d.contact().name(),
                    d.address(),
                    say.apply(d),
                    d.persona().automatic());
            byAddress.put(d.address().toLowerCase(Locale.ROOT), d);
        }
        List<IntakeResult> results = mail.watcher().pollOnce(tenant, mail.inbox());
        int answers = mail.desk().dispatch(tenant, 100);
        out.printf(Locale.ROOT, "  %s: %d read, %d answered in thread%n", title, results.size(), answers);
        int i = 0;
        for (IntakeResult r : results) {
            Debtor d = debtors.get(Math.min(i++, debtors.size() - 1));
            if (r instanceof IntakeResult.Processed p) {
                out.printf(
                        Locale.ROOT,
                        "    %s (%s)%n      they wrote: \"%s\"%n",
                        cut(d.customer().name(), 40),
                        d.persona().label(),
                        oneLine(p.newText(), 100));
                if (p.turn().isEmpty()) {
                    out.println("      automatic reply: recorded, never answered");
                    continue;
                }
                TurnRecord t = p.turn().get();
                var u = t.turn().reading();
                out.printf(
                        Locale.ROOT,
                        "      read: %s (%.2f)%s%s%n",
                        u.intent().code(),
                        u.confidence(),
                        u.amounts().isEmpty()
                                ? ""
                                : " amounts "
                                        + u.amounts().stream()
                                                .map(Amount::display)
                                                .toList(),
                        u.dates().isEmpty() ? "" : " dates " + u.dates());
                out.printf(
                        Locale.ROOT,
                        "      decided: %s → stage %s%s%n",
                        decision(t),
                        t.turn().stage().code(),
                        t.turn().effects().isEmpty()
                                ? ""
                                : ", "
                                        + t.turn().effects().stream()
                                                .map(e -> e.getClass().getSimpleName())
                                                .toList());
                List<MimeMessage> inbox = mail.receivedBy(d.address());
                if (t.replyText().isPresent() && !inbox.isEmpty()) {
                    out.printf(
                            Locale.ROOT,
                            "      answered (%s): \"%s\"%n",
                            t.drafter(),
                            oneLine(need(DemoMail.textOf(inbox.getLast())), 150));
                }
            }
        }
        out.println();
    }

    private static String decision(TurnRecord t) {
        return t.turn()
                .decision()
                .map(d -> switch (d) {
                    case Decision.Accept a -> "accepted within policy " + d.policyVersion();
                    case Decision.Counter c ->
                        "countered with " + c.terms().installments().size() + " payment(s) ("
                                + c.reasons().getFirst() + ")";
                    case Decision.NeedsApproval n ->
                        "needs approval by " + n.approver() + " (" + n.reasons().getFirst() + ")";
                    case Decision.Decline x -> "declined";
                })
                .orElse(t.strategy().map(s -> s.code().replace('_', ' ')).orElse("no reply"));
    }

    /** The part of a reply after the greeting and the situation: what the agent actually says to this message. */
    private static String need(String text) {
        String[] paragraphs = text.split("\n\n");
        for (int i = 1; i < paragraphs.length; i++) {
            if (paragraphs[i].startsWith("Kind regards")) {
                return paragraphs[i - 1];
            }
        }
        return text;
    }

    /** What the negotiations left in the store, for people to act on. */
    private static void summary(PrintStream out, App app, TenantId tenant) {
        String q = """
                select 'tasks' as what, kind as k, count(*) as n from tasks where tenant_id = :t group by kind
                union all select 'promises', status, count(*) from promises where tenant_id = :t group by status
                union all select 'disputes', status, count(*) from disputes where tenant_id = :t group by status
                union all select 'approvals', status || ' (' || approver || ')', count(*) from approvals
                    where tenant_id = :t group by status, approver
                union all select 'dispositions', payment_status, count(*) from dispositions where tenant_id = :t
                    group by payment_status
                order by 1, 2""";
        Map<String, List<String>> rows = new LinkedHashMap<>();
        app.database()
                .jdbi()
                .useHandle(h -> h.createQuery(q)
                        .bind("t", tenant.value())
                        .mapToMap()
                        .forEach(r -> rows.computeIfAbsent((String) r.get("what"), k -> new ArrayList<>())
                                .add(r.get("k") + " " + r.get("n"))));
        out.println(
                "  left in the store (each turn wrote its effects, disposition and audit record with its message):");
        rows.forEach((what, list) -> out.printf(Locale.ROOT, "    %-13s %s%n", what, String.join(", ", list)));
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String oneLine(String s, int n) {
        return cut(s.replaceAll("\\s+", " ").strip(), n);
    }
}
