package dev.aragent.server.cli;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.VoiceCaller;
import dev.aragent.server.App;
import dev.aragent.server.Backoffice;
import dev.aragent.server.demo.FakeTwilio;
import dev.aragent.server.demo.RelayCaller;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's call: an email conversation that stalled is escalated to a call placed through the Twilio SDK (a loopback
 * Calls API), answered by a person, and held over ConversationRelay on loopback — disclosure, right party, a plan,
 * a read-back confirmed — then its disposition is shown as stored.
 */
final class DemoVoice {
    private static final Pattern CONVERSATION = Pattern.compile("name=\"conversation\" value=\"([0-9a-f-]{36})\"");

    private DemoVoice() {}

    static void run(
            PrintStream out, App app, TenantId tenant, Backoffice office, FakeTwilio twilio, URI base, String authToken)
            throws InterruptedException {
        Optional<UUID> stalled = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        select c.conversation_id from conversations c
                        join contacts k on k.tenant_id = c.tenant_id and k.customer_key = c.customer_key
                        where c.tenant_id = :t and c.channel = 'email' and c.stage in ('open', 'engaged')
                          and k.phone is not null and not k.sms_opt_out
                          and not exists (select 1 from promises p where p.tenant_id = c.tenant_id
                                          and p.conversation_id = c.conversation_id)
                          and not exists (select 1 from approvals a where a.tenant_id = c.tenant_id
                                          and a.conversation_id = c.conversation_id and a.status = 'pending')
                        order by c.unanswered desc, c.updated_at limit 1""")
                        .bind("t", tenant.value())
                        .mapTo(UUID.class)
                        .findOne());
        if (stalled.isEmpty()) {
            out.println("  Call: no stalled email conversation with a phone to escalate; skipped.");
            return;
        }
        ConversationId conversation = new ConversationId(stalled.get());
        VoiceCaller.Result placed = office.call(conversation, base);
        if (!(placed instanceof VoiceCaller.Placed p)) {
            out.println("  Call: not placed (" + placed + ")");
            return;
        }
        FakeTwilio.PlacedCall call = twilio.calls().stream()
                .filter(c -> c.sid().equals(p.callSid()))
                .findFirst()
                .orElseThrow();
        String twiml = twilio.answer(call, "human").body();
        Matcher m = CONVERSATION.matcher(twiml);
        if (!m.find()) {
            out.println("  Call: the TwiML did not connect ConversationRelay: " + twiml);
            return;
        }
        out.printf(
                Locale.ROOT,
                "  Call (a stalled email thread escalated; Twilio Calls API with answering-machine"
                        + " detection, then ConversationRelay over WebSocket) to %s:%n",
                call.to());
        URI relay = URI.create(base.toString().replaceFirst("^http", "ws") + "/voice/relay");
        try (RelayCaller voice = RelayCaller.connect(relay, authToken)) {
            voice.setup(call.sid(), call.from(), call.to(), Map.of("conversation", m.group(1)));
            voice.next(); // language
            line(out, "agent", voice.reply());
            for (String words : List.of(
                    "Yes, speaking.", "We can pay half on Friday and the rest in two weeks.", "Yes, that's right.")) {
                line(out, "debtor", words);
                line(out, "agent", voice.say(words));
            }
        }
        twilio.status(call, "completed");
        String disposition = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        select payment_status || coalesce(', expected ' || expected_payment_date, '')
                        from dispositions where tenant_id = :t and conversation_id = :c
                        order by created_at desc limit 1""")
                        .bind("t", tenant.value())
                        .bind("c", conversation.value())
                        .mapTo(String.class)
                        .findOne()
                        .orElse("none"));
        String outcome = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select coalesce(outcome, '?') || ', ' || (select count(*) from call_lines l where l.tenant_id ="
                                        + " calls.tenant_id and l.call_sid = calls.call_sid) || ' transcript lines' from calls"
                                        + " where tenant_id = :t and call_sid = :s")
                        .bind("t", tenant.value())
                        .bind("s", call.sid())
                        .mapTo(String.class)
                        .one());
        out.println("    call " + outcome + "; disposition: " + disposition);
    }

    private static void line(PrintStream out, String who, String text) {
        out.println("    " + (who.equals("agent") ? "agent:  " : "debtor: ") + text);
    }
}
