package dev.aragent.simulator.cli;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Edits;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.channels.SlackApprovalGateway;
import dev.aragent.loopback.DemoClock;
import dev.aragent.loopback.FakeHubSpot;
import dev.aragent.loopback.FakeSlack;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.loopback.SlackUser;
import dev.aragent.server.App;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.server.Tenancy;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.simulator.demo.DemoMail;
import io.helidon.webserver.WebServer;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's SMS and approvals: three debtors at the top of the queue are texted over a loopback Twilio Conversations
 * API (the Twilio SDK), answer by text through signed webhooks, and the AR manager decides the approvals in a loopback
 * Slack workspace by clicking — interaction requests signed as Slack signs them, through the same endpoint Slack
 * calls. Every disposition is written back to a loopback HubSpot through the outbox; the counts close the section.
 */
final class DemoChannels {
    static final String OUR_NUMBER = "+15005550006";

    private DemoChannels() {}

    /** One texting debtor and what they will say. */
    private record Texter(Customer customer, String phone, List<String> lines, String manager) {}

    /** Runs the section; returns the closing report's line on the CRM write-back (empty when skipped). */
    static Optional<String> run(PrintStream out, App app, TenantId tenant, List<QueueEntry> top, int texters) {
        List<QueueEntry> picked = pick(app, tenant, top, texters);
        if (picked.isEmpty()) {
            out.println("SMS: no account at the top of the queue has a phone to text; skipped.");
            return Optional.empty();
        }
        out.println("SMS and approvals: texts over a loopback Twilio Conversations API (through the Twilio SDK), the"
                + " debtors' answers as signed webhooks, approvals in a loopback Slack workspace (Bolt) decided by a"
                + " simulated AR manager, every outcome written back to a loopback HubSpot.");
        DemoClock clock = app.clock() instanceof DemoClock virtual ? virtual : new DemoClock(app.clock());
        String secret = random(16);
        String bot = "xoxb-demo-" + random(8);
        String account = "AC" + random(16);
        String token = random(16);
        String hubToken = "pat-demo-" + random(8);
        try (FakeSlack slack = FakeSlack.start(bot);
                FakeTwilio twilio = FakeTwilio.start(account, token, clock);
                FakeHubSpot hubspot = FakeHubSpot.start(hubToken)) {
            ChannelsConfig channels = ChannelsConfig.none()
                    .withSlack(new SlackApprovalGateway.Settings(bot, secret, "#ar-approvals", slack.apiUrlPrefix()))
                    .withTwilio(new ChannelsConfig.Twilio(account, token, OUR_NUMBER, Optional.of(twilio.apiBase())))
                    .withCrm(new ChannelsConfig.Crm.HubSpot(hubspot.base(), hubToken));
            TurnTaker turnTaker = app.turnTaker(DemoMail.IDENTITY);
            Tenancy office = app.tenancy(app.replyDesk(DemoMail.IDENTITY), turnTaker, channels, clock);
            WebServer server = ServeCommand.start(app, Optional.of(office), "127.0.0.1", 0);
            try {
                URI base = URI.create("http://127.0.0.1:" + server.port());
                twilio.webhook(base.resolve("/webhooks/twilio/conversations"));
                SlackUser manager =
                        new SlackUser(slack, base.resolve("/webhooks/slack/interactions"), secret, "U0DANA", "dana");
                converse(out, app, tenant, office, twilio, manager, turnTaker, clock, picked);
                try {
                    DemoVoice.run(out, app, tenant, office, twilio, base, token);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.println("  Call: interrupted");
                }
                return Optional.of(report(out, app, tenant, office, slack, twilio, hubspot, clock));
            } finally {
                server.stop();
            }
        }
    }

    /** Accounts at the top of the queue with a phone, no SMS opt-out and no conversation yet. */
    private static List<QueueEntry> pick(App app, TenantId tenant, List<QueueEntry> top, int n) {
        List<String> busy = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery("select distinct customer_key from conversations where tenant_id = :t")
                        .bind("t", tenant.value())
                        .mapTo(String.class)
                        .list());
        List<QueueEntry> out = new ArrayList<>();
        for (QueueEntry e : top) {
            if (out.size() < n
                    && !busy.contains(e.customer().value())
                    && e.contact().flatMap(Contact::phone).isPresent()
                    && !e.contact().get().smsOptOut()) {
                out.add(e);
            }
        }
        return out;
    }

    private static void converse(
            PrintStream out,
            App app,
            TenantId tenant,
            Tenancy office,
            FakeTwilio twilio,
            SlackUser manager,
            TurnTaker turnTaker,
            DemoClock clock,
            List<QueueEntry> picked) {
        List<List<String>> scripts = List.of(
                List.of(
                        "We can only do $100 a month for the next year.",
                        "No, that is too much for us right now, we can't."),
                List.of(
                        "Business is slow this quarter. Could we pay $300 a month for the next 18 months?",
                        "No, that won't work for us."),
                List.of("STOP"));
        List<String> decisions = List.of("approve", "edit", "");
        ZoneId zone = picked.getFirst().timeZone();
        toDaytime(clock, zone);
        List<Texter> cast = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            QueueEntry e = picked.get(i);
            Customer c = app.ledger().customer(tenant, e.customer()).orElseThrow();
            Contact contact = e.contact().orElseThrow();
            List<Invoice> invoices = e.invoices();
            String opening = turnTaker
                    .opening(
                            tenant,
                            c,
                            contact.name().isBlank() ? "" : contact.name().split("\\s+")[0],
                            invoices,
                            false,
                            CadenceStep.at(e.daysOverdue()),
                            Channel.SMS,
                            LocalDate.now(clock.withZone(zone)))
                    .orElse(c.name() + ": invoices "
                            + String.join(
                                    ", ", invoices.stream().map(Invoice::number).toList())
                            + " are past due. Reply to talk about a plan.");
            office.office()
                    .sms()
                    .orElseThrow()
                    .remind(
                            tenant,
                            c.key(),
                            contact.phone().orElseThrow(),
                            invoices.stream().map(Invoice::number).toList(),
                            opening);
            cast.add(new Texter(
                    c,
                    contact.phone().orElseThrow(),
                    scripts.get(i % scripts.size()),
                    decisions.get(i % decisions.size())));
        }
        office.office().pump(tenant);
        for (int round = 0; round < 2; round++) {
            clock.advance(Duration.ofMinutes(20));
            for (Texter t : cast) {
                if (round < t.lines().size()) {
                    twilio.debtorTexts(t.phone(), OUR_NUMBER, t.lines().get(round));
                }
            }
            office.office().pump(tenant);
        }
        clock.advance(Duration.ofHours(2));
        for (Texter t : cast) {
            decide(out, tenant, office, manager, t);
        }
        office.office().pump(tenant);
        for (Texter t : cast) {
            out.printf(
                    Locale.ROOT,
                    "  %s (%s, %s):%n",
                    t.customer().name(),
                    t.customer().key(),
                    t.phone());
            for (FakeTwilio.Text x : twilio.texts()) {
                if (twilio.textsTo(t.phone()).contains(x) || x.author().equals(t.phone())) {
                    out.println("    " + (x.author().equals(t.phone()) ? "debtor: " : "agent:  ")
                            + x.body().replace("\n", " "));
                }
            }
        }
    }

    /** The simulated AR manager decides the debtor's approval in Slack, by clicking as a person would. */
    private static void decide(PrintStream out, TenantId tenant, Tenancy office, SlackUser manager, Texter t) {
        Optional<Approval> pending = office.office().approvals().pending(tenant).stream()
                .filter(a -> a.customer().equals(t.customer().key()))
                .findFirst();
        if (pending.isEmpty() || t.manager().isEmpty()) {
            return;
        }
        Approval a = pending.get();
        String id = a.id().toString();
        if (t.manager().equals("approve")) {
            manager.click("ar_approve", id);
        } else {
            manager.click("ar_edit", id);
            Terms edited = fourPayments(
                    a.proposed().balance(),
                    LocalDate.now(office.office()
                            .clock()
                            .withZone(t.customer().timeZone().orElse(ZoneId.of("America/New_York")))));
            manager.submit(id, Map.of("amounts", Edits.amounts(edited), "dates", Edits.dates(edited), "text", ""));
        }
        Approval after = office.office().approvals().find(tenant, a.id()).orElseThrow();
        out.printf(
                Locale.ROOT,
                "  Slack: %s — %s (%s) %s by %s%s; offered to the debtor by text, agreed only if they accept%n",
                t.customer().name(),
                a.debtorsOwn() ? "their proposal" : "the most a person may approve, after they refused our offer",
                a.proposed().describe(),
                after.status().code(),
                after.decidedBy().orElse("nobody"),
                after.agreed()
                        .filter(x -> after.status() == Approval.Status.EDITED)
                        .map(x -> " to " + x.describe())
                        .orElse(""));
    }

    /** A quarter now, the rest over three months: inside what the AR manager may approve. */
    static Terms fourPayments(Money balance, LocalDate today) {
        long first = balance.minor() / 4;
        long rest = balance.minor() - first;
        long each = rest / 3;
        List<dev.aragent.agent.policy.Installment> list = new ArrayList<>();
        list.add(new dev.aragent.agent.policy.Installment(today.plusDays(5), new Money(first, balance.currency())));
        for (int i = 1; i <= 3; i++) {
            long amount = i == 3 ? rest - 2 * each : each;
            list.add(new dev.aragent.agent.policy.Installment(
                    today.plusDays(5 + 30L * i), new Money(amount, balance.currency())));
        }
        return new Terms(balance, 0, false, list);
    }

    /** Texts go out in the debtor's daytime: move virtual time to 10:00 on a weekday there if it is not. */
    private static void toDaytime(DemoClock clock, ZoneId zone) {
        ZonedDateTime now = clock.instant().atZone(zone);
        boolean weekday = now.getDayOfWeek() != DayOfWeek.SATURDAY && now.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (weekday && now.getHour() >= 9 && now.getHour() < 17) {
            return;
        }
        ZonedDateTime next = now.toLocalDate()
                .plusDays(now.getHour() >= 9 ? 1 : 0)
                .atTime(10, 0)
                .atZone(zone);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        clock.advance(Duration.between(now, next));
    }

    private static String report(
            PrintStream out,
            App app,
            TenantId tenant,
            Tenancy office,
            FakeSlack slack,
            FakeTwilio twilio,
            FakeHubSpot hubspot,
            DemoClock clock) {
        for (int i = 0; i < 5 && office.crmOutbox().counts(tenant).waiting() > 0; i++) {
            clock.advance(Duration.ofMinutes(5));
            office.office().pump(tenant);
        }
        var counts = office.crmOutbox().counts(tenant);
        Map<String, Object> kinds = new java.util.TreeMap<>();
        app.database()
                .jdbi()
                .useHandle(h -> h.createQuery("""
                        select payload->>'kind' as k, count(*) as n from outbox where tenant_id = :t and topic = 'crm'
                        group by 1""")
                        .bind("t", tenant.value())
                        .mapToMap()
                        .forEach(r -> kinds.put((String) r.get("k"), r.get("n"))));
        long optOuts = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(distinct phone) from contacts where tenant_id = :t and sms_opt_out"
                                        + " and phone = any(:phones)")
                        .bind("t", tenant.value())
                        .bind(
                                "phones",
                                twilio.texts().stream()
                                        .map(FakeTwilio.Text::author)
                                        .filter(a -> !a.equals(OUR_NUMBER))
                                        .distinct()
                                        .toArray(String[]::new))
                        .mapTo(Long.class)
                        .one());
        long inbound = twilio.texts().stream()
                .filter(x -> !x.author().equals(OUR_NUMBER))
                .count();
        long cards =
                slack.messages().stream().filter(m -> !m.blocks().isEmpty()).count();
        long waiting = office.office().approvals().pending(tenant).size();
        out.printf(
                Locale.ROOT,
                "  texts: %d sent, %d received (%d phones opted out by STOP, recorded); Slack: %d approval cards (%d updated with"
                        + " the decision, %d still waiting for the AR manager), %d notices%n",
                twilio.texts().size() - inbound,
                inbound,
                optOuts,
                cards,
                slack.messages().stream().filter(m -> m.updates() > 0).count(),
                waiting,
                slack.messages().size() - cards);
        String crm = String.format(
                Locale.ROOT,
                "CRM write-back (HubSpot): %d events delivered, %d waiting, %d failed %s; %d companies, %d notes,"
                        + " %d tasks",
                counts.delivered(),
                counts.waiting(),
                counts.failed(),
                kinds,
                hubspot.all("companies").size(),
                hubspot.all("notes").size(),
                hubspot.all("tasks").size());
        out.println("  " + crm);
        return crm;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
