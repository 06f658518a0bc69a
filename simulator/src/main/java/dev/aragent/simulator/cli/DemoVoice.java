package dev.aragent.simulator.cli;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.VoiceCaller;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.loopback.RelayCaller;
import dev.aragent.server.App;
import dev.aragent.server.Tenancy;
import dev.aragent.voicebridge.MediaCaller;
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
            PrintStream out, App app, TenantId tenant, Tenancy office, FakeTwilio twilio, URI base, String authToken)
            throws InterruptedException {
        Optional<Escalated> escalated = escalate(out, app, tenant, office, twilio, base, "Call");
        if (escalated.isEmpty()) {
            return;
        }
        ConversationId conversation = escalated.get().conversation();
        FakeTwilio.PlacedCall call = escalated.get().call();
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
        outcome(out, app, tenant, conversation, call.sid());
        if (office.speech().isPresent()) {
            media(out, app, tenant, office, twilio, base, authToken);
        } else {
            out.println("  Call over Media Streams: skipped — the offline speech services are not installed"
                    + " (apt-get install espeak-ng pocketsphinx pocketsphinx-en-us).");
        }
    }

    /**
     * A second stalled thread escalated to a call held in audio: the debtor's words synthesized with espeak-ng and played
     * in real time over Media Streams, heard by the service's recognizer, answered in synthesized speech.
     */
    private static void media(
            PrintStream out, App app, TenantId tenant, Tenancy office, FakeTwilio twilio, URI base, String authToken)
            throws InterruptedException {
        Optional<Escalated> escalated = escalate(out, app, tenant, office, twilio, base, "Call over Media Streams");
        if (escalated.isEmpty()) {
            return;
        }
        ConversationId conversation = escalated.get().conversation();
        FakeTwilio.PlacedCall call = escalated.get().call();
        twilio.answer(call, "human");
        out.printf(
                Locale.ROOT,
                "  Call over Media Streams to %s (audio both ways, in real time: the debtor's words synthesized with"
                        + " espeak-ng as 8 kHz μ-law frames; the service detects the end of each utterance, recognizes"
                        + " it with pocketsphinx and speaks with espeak-ng):%n",
                call.to());
        URI media = URI.create(base.toString().replaceFirst("^http", "ws") + "/voice/media");
        var debtor = dev.aragent.voicebridge.EspeakTextToSpeech.create("en-us", 150);
        int shown = 0;
        try (MediaCaller voice = MediaCaller.connect(media, authToken)) {
            voice.start(call.sid(), Map.of("conversation", conversation.value().toString()));
            voice.answer(30, 700);
            for (String words : List.of(
                    "Yes, speaking.", "We can pay half on Friday and the rest in two weeks.", "Yes, that's right.")) {
                shown = transcript(out, app, tenant, call.sid(), shown);
                voice.say(debtor.speak(words));
                voice.finishSaying();
                voice.answer(30, 700);
            }
            voice.answer(10, 300);
        }
        transcript(out, app, tenant, call.sid(), shown);
        twilio.status(call, "completed");
        outcome(out, app, tenant, conversation, call.sid());
    }

    private record Escalated(ConversationId conversation, FakeTwilio.PlacedCall call) {}

    /** The most stalled email conversation with a phone, called through the Calls API (the loopback Twilio). */
    private static Optional<Escalated> escalate(
            PrintStream out, App app, TenantId tenant, Tenancy office, FakeTwilio twilio, URI base, String what) {
        Optional<UUID> stalled = stalled(app, tenant);
        if (stalled.isEmpty()) {
            out.println("  " + what + ": no stalled email conversation with a phone to escalate; skipped.");
            return Optional.empty();
        }
        ConversationId conversation = new ConversationId(stalled.get());
        VoiceCaller.Result placed = office.office().call(conversation, base);
        if (!(placed instanceof VoiceCaller.Placed p)) {
            out.println("  " + what + ": not placed (" + placed + ")");
            return Optional.empty();
        }
        return twilio.calls().stream()
                .filter(c -> c.sid().equals(p.callSid()))
                .findFirst()
                .map(c -> new Escalated(conversation, c));
    }

    /** Prints the call's transcript lines after the first {@code shown}; returns how many there are. */
    private static int transcript(PrintStream out, App app, TenantId tenant, String callSid, int shown) {
        List<String> lines = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        select speaker || ':' || text || coalesce('  [answered in ' || took_ms || ' ms]', '')
                        from call_lines where tenant_id = :t and call_sid = :s
                          and text not like '[%' order by at, line_no""")
                        .bind("t", tenant.value())
                        .bind("s", callSid)
                        .mapTo(String.class)
                        .list());
        for (String l : lines.subList(Math.min(shown, lines.size()), lines.size())) {
            int colon = l.indexOf(':');
            line(out, l.substring(0, colon), (l.startsWith("debtor") ? "(heard) " : "") + l.substring(colon + 1));
        }
        return lines.size();
    }

    private static Optional<UUID> stalled(App app, TenantId tenant) {
        return app.database()
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
    }

    private static void outcome(
            PrintStream out, App app, TenantId tenant, ConversationId conversation, String callSid) {
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
                        .bind("s", callSid)
                        .mapTo(String.class)
                        .one());
        out.println("    call " + outcome + "; disposition: " + disposition);
    }

    private static void line(PrintStream out, String who, String text) {
        out.println("    " + (who.equals("agent") ? "agent:  " : "debtor: ") + text);
    }
}
