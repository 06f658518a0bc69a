package dev.aragent.server.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.loopback.RelayCaller;
import dev.aragent.server.Tenancy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calls over Twilio ConversationRelay on loopback: a WebSocket client speaks the protocol as Twilio does (signed
 * upgrade, setup, prompts, DTMF, interrupts) to the service's {@code /voice/relay}; what the agent says streams back
 * token by token; only a confirmed read-back becomes a promise.
 */
class VoiceRelayIT extends VoiceFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    URI relay() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/voice/relay");
    }

    RelayCaller caller() {
        return RelayCaller.connect(relay(), ChannelsIT.AUTH_TOKEN);
    }

    private int calls;

    /** A call we placed (recorded as the service records it when it dials), then its stream's setup. */
    void setup(RelayCaller call, String conversationId) {
        String sid = "CA%032d".formatted(++calls);
        placed(sid);
        call.setup(sid, ChannelsIT.OURS, ChannelsIT.PHONE, Map.of("conversation", conversationId));
    }

    void placed(String sid) {
        office.office().voiceJournal().started(tenant, sid, conversation, ChannelsIT.PHONE, clock.instant());
    }

    /** The call is set up and its greeting (after the language message) has been heard. */
    void greeted(RelayCaller call) throws InterruptedException {
        setup(call, conversation.value().toString());
        call.next();
        call.reply();
    }

    @Test
    void aPromiseCountsOnlyAfterTheReadBackIsConfirmed() throws Exception {
        try (RelayCaller call = caller()) {
            setup(call, conversation.value().toString());
            assertThat(call.next().path("type").asText()).isEqualTo("language");
            String hello = call.reply();
            assertThat(hello)
                    .contains("an AI")
                    .contains("This call is recorded")
                    .endsWith("Am I speaking with Pat Doe?")
                    .doesNotContain("$");
            assertThat(call.say("Yes, speaking."))
                    .contains("$4,250.00")
                    .contains("INV-1041")
                    .contains("When could you");
            String readBack = call.say("We can pay the full balance on Friday.");
            assertThat(readBack)
                    .startsWith("So that's $4,250.00 on Friday, November 6")
                    .endsWith("is that right?");
            assertThat(rows("select count(*) from promises where tenant_id = :t"))
                    .isZero();
            call.send("{\"type\":\"dtmf\",\"digit\":\"1\"}");
            assertThat(call.reply()).contains("confirmed");
            assertThat(call.next().path("type").asText()).isEqualTo("end");
        }
        assertThat(rows("select count(*) from promises where tenant_id = :t and status = 'open'"))
                .isEqualTo(1);
        assertThat(value("select payment_status from dispositions where tenant_id = :t"))
                .isEqualTo("promised");
        assertThat(value("select outcome from calls where tenant_id = :t")).isEqualTo("promise_confirmed");
        // greeting, yes, thanks, the promise, the read-back, the key press, the confirmation (the hang-up line may
        // follow)
        assertThat(rows("select count(*) from call_lines where tenant_id = :t")).isGreaterThanOrEqualTo(7);
        // turn timings: each answer to the debtor carries how long it took; the greeting answers nobody
        assertThat(rows("select count(*) from call_lines where tenant_id = :t and speaker = 'agent'"
                        + " and took_ms between 0 and 10000"))
                .isEqualTo(3);
        assertThat(rows("select count(*) from call_lines where tenant_id = :t and took_ms is not null"
                        + " and (speaker = 'debtor' or text like 'Hello%')"))
                .isZero();
        assertThat(rows("select count(*) from outbox where tenant_id = :t and topic = 'crm'"
                        + " and payload->>'kind' = 'promise'"))
                .isEqualTo(1);
    }

    @Test
    void aCardIsNeverTakenOnACallItsNumberNeverKeptAndAPayLinkIsTextedInstead() throws Exception {
        try (RelayCaller call = caller()) {
            greeted(call);
            call.say("Yes, speaking.");
            String answer = call.say("Can I just give you my card? It's 4242 4242 4242 4242, security code 123.");
            assertThat(answer)
                    .contains("can't take card details")
                    .contains("sent a text to this number with a secure link to pay the $4,250.00");
            assertThat(call.say("OK, we will pay the full balance by credit card on Friday."))
                    .contains("The link in the text I sent")
                    .contains("So that's $4,250.00 on Friday, November 6");
        }
        assertThat(value("select string_agg(text, ' | ') from call_lines where tenant_id = :t"))
                .doesNotContain("4242")
                .doesNotContain("123")
                .contains("[card details removed]");
        office.office().pump(tenant);
        assertThat(twilio.textsTo(ChannelsIT.PHONE))
                .anySatisfy(t -> assertThat(t.body())
                        .containsPattern("Pay \\$4,250\\.00: http://127\\.0\\.0\\.1:\\d+/pay/plink_"));
        assertThat(stripe.linksCreated()).isEqualTo(1);
    }

    @Test
    void whatADebtorSaysOnACallAboutTheirPaymentIsKeptForCashApplication() throws Exception {
        try (RelayCaller call = caller()) {
            greeted(call);
            call.say("Yes, speaking.");
            call.say("We paid invoices 1041 and 1042 yesterday by wire transfer.");
        }
        assertThat(value("select body from remittance_advices where tenant_id = :t and source like 'call CA%'"))
                .isEqualTo("We paid invoices 1041 and 1042 yesterday by wire transfer.");
    }

    @Test
    void aDeniedReadBackPromisesNothingAndAPersonIsAWarmTransferAway() throws Exception {
        try (RelayCaller call = caller()) {
            greeted(call);
            call.say("Yes, this is Pat.");
            call.say("We can pay the full balance on Friday.");
            assertThat(call.say("No, that's not right.")).contains("What amount and date");
            assertThat(call.say("Can I speak to a real person please?")).contains("connecting you");
            JsonNode end = call.next();
            assertThat(end.path("type").asText()).isEqualTo("end");
            JsonNode handoff = JSON.readTree(end.path("handoffData").asText());
            assertThat(handoff.path("to").asText()).isEqualTo(TRANSFER_TO);
            assertThat(handoff.path("summary").asText())
                    .contains("Blue Fern Bistro")
                    .contains("$4,250.00");
        }
        assertThat(rows("select count(*) from promises where tenant_id = :t")).isZero();
        assertThat(value("select outcome from calls where tenant_id = :t")).isEqualTo("transferred");
        assertThat(value("select text from notices where tenant_id = :t and kind = 'call_transfer'"))
                .contains("transferred to " + TRANSFER_TO);
    }

    @Test
    void theWrongPartyHearsNoAccountDetail() throws Exception {
        try (RelayCaller call = caller()) {
            greeted(call);
            String bye = call.say("No, you have the wrong number.");
            assertThat(bye).contains("sorry").doesNotContain("$").doesNotContain("INV-");
            assertThat(call.next().path("type").asText()).isEqualTo("end");
        }
        assertThat(value("select outcome from calls where tenant_id = :t")).isEqualTo("wrong_party");
        assertThat(value("select kind || ' ' || status || ' ' || customer_key || ' ' || (conversation_id is not null)"
                        + " from tasks where tenant_id = :t and kind = 'find_contact'"))
                .as("a person is asked to find who handles the account")
                .isEqualTo("find_contact open C-1 true");
    }

    @Test
    void anInterruptStopsTheReplyAndTheCallGoesOnFromWhatTheyAsk() throws Exception {
        try (RelayCaller call = caller()) {
            setup(call, conversation.value().toString());
            call.next();
            JsonNode first = call.next();
            assertThat(first.path("type").asText()).isEqualTo("text");
            call.send(
                    "{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"Hello, this is\",\"durationUntilInterruptMs\":300}");
            Thread.sleep(400);
            long lastFlags = call.inbox().stream()
                    .filter(m -> m.path("last").asBoolean())
                    .count();
            assertThat(lastFlags).as("the interrupted greeting never finishes").isZero();
            call.inbox().clear();
            assertThat(call.say("Yes it's me.")).contains("$4,250.00");
        }
        assertThat(value("select string_agg(text, ' | ') from call_lines where tenant_id = :t"))
                .contains("[interrupted after: Hello, this is]");
    }

    @Test
    void aPlacedCallConnectsAPersonAndLeavesAMachineAVoicemail() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        var placed = office.office().call(conversation, base);
        assertThat(placed).isInstanceOf(dev.aragent.agent.spi.VoiceCaller.Placed.class);
        FakeTwilio.PlacedCall call = twilio.calls().getFirst();
        assertThat(call.to()).isEqualTo(ChannelsIT.PHONE);
        assertThat(call.from()).isEqualTo(ChannelsIT.OURS);
        assertThat(call.machineDetection()).isEqualTo("Enable");
        assertThat(call.statusCallback()).endsWith("/webhooks/twilio/voice");

        var human = twilio.answer(call, "human");
        assertThat(human.status()).isEqualTo(200);
        assertThat(human.body())
                .contains("<Connect action=\"http://127.0.0.1:" + server.port() + "/voice/after?conversation=")
                .contains("><ConversationRelay url=\"ws://127.0.0.1:" + server.port() + "/voice/relay\"")
                .contains("<Parameter name=\"conversation\" value=\"" + conversation.value() + "\"/>");
        assertThat(twilio.status(call, "completed").status()).isEqualTo(200);
        assertThat(value("select outcome from calls where tenant_id = :t")).isEqualTo("completed");

        office.office().call(conversation, base);
        FakeTwilio.PlacedCall second = twilio.calls().get(1);
        var machine = twilio.answer(second, "machine_end_beep");
        assertThat(machine.body())
                .contains("<Say>")
                .contains("<Hangup/>")
                .doesNotContain("$")
                .doesNotContain("INV-");
        assertThat(value("select outcome from calls where tenant_id = :t and call_sid = '" + second.sid() + "'"))
                .isEqualTo("voicemail");

        var forged = twilio.post(
                URI.create(call.url()),
                Map.of("CallSid", call.sid(), "AnsweredBy", "human"),
                Optional.of("bm90IGEgc2lnbmF0dXJl"));
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aCallAnsweredAfterThePaymentsImportSettledTheAccountHangsUpAndAsksForNothing() {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        office.office().call(conversation, base);
        FakeTwilio.PlacedCall call = twilio.calls().getFirst();
        // the day after the book's import, a payments file settles both invoices the call was about
        String day = java.time.LocalDate.ofInstant(ChannelsIT.START, java.time.ZoneOffset.UTC)
                .plusDays(1)
                .toString();
        StringBuilder csv = new StringBuilder(
                "payment_id,customer_id,payment_date,amount,currency,invoice_number,applied_amount\n");
        for (String invoice : List.of("INV-1041", "INV-1042")) {
            long open = Long.parseLong(
                    value("select open_minor::text from invoices where tenant_id = :t and number = '" + invoice + "'"));
            String amount = String.format(java.util.Locale.ROOT, "%d.%02d", open / 100, open % 100);
            csv.append("P-")
                    .append(invoice)
                    .append(",C-1,")
                    .append(day)
                    .append(',')
                    .append(amount)
                    .append(",USD,")
                    .append(invoice)
                    .append(',')
                    .append(amount)
                    .append('\n');
        }
        app.importFile(
                tenant,
                "payments.csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                dev.aragent.imports.Profile.GENERIC,
                Optional.of(dev.aragent.agent.imports.ImportKind.PAYMENTS),
                false,
                "test");
        assertThat(value("select string_agg(status, ',' order by number) from invoices where tenant_id = :t"
                        + " and number in ('INV-1041', 'INV-1042')"))
                .isEqualTo("paid,paid");

        var answered = twilio.answer(call, "human");

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("<Hangup/>").doesNotContain("ConversationRelay");
        assertThat(value("select outcome from calls where tenant_id = :t")).isEqualTo("nothing_owed");
    }

    @Test
    void theQueueCallsOnlyWhereTwilioCanReachUs() {
        var refused = office.office().callAbout(CustomerKey.of("C-1"), List.of("INV-1041"));
        assertThat(refused).isInstanceOf(dev.aragent.agent.spi.VoiceCaller.Rejected.class);
        assertThat(((dev.aragent.agent.spi.VoiceCaller.Rejected) refused).reason())
                .contains("AR_PUBLIC_URL");
        URI base = URI.create("http://127.0.0.1:" + server.port());
        Tenancy reachable = reachable(base);
        assertThat(reachable.office().places()).isTrue();
        var placed = reachable.office().callAbout(CustomerKey.of("C-1"), List.of("INV-1041", "INV-1042"));
        assertThat(placed).isInstanceOf(dev.aragent.agent.spi.VoiceCaller.Placed.class);
        assertThat(twilio.calls().getFirst().url()).startsWith(base + "/voice/twiml?conversation=");
        assertThat(value(
                        "select channel || ' ' || stage from conversations where tenant_id = :t and channel = 'voice'"))
                .isEqualTo("voice open");
        assertThat(twilio.answer(twilio.calls().getFirst(), "human").body()).contains("<ConversationRelay");
    }

    @Test
    void anAiVoiceCallsOnlyANumberWithConsentOnRecordAndAskingForACallGivesIt() {
        app.database()
                .jdbi()
                .useHandle(h -> h.createUpdate("update contacts set voice_consent = false where tenant_id = :t")
                        .bind("t", tenant.value())
                        .execute());
        Tenancy reachable = reachable(URI.create("http://127.0.0.1:" + server.port()));
        var refused = reachable.office().callAbout(CustomerKey.of("C-1"), List.of("INV-1041"));
        assertThat(refused)
                .isInstanceOfSatisfying(
                        dev.aragent.agent.spi.VoiceCaller.Rejected.class,
                        r -> assertThat(r.reason()).contains("no consent on record for an AI-voice call"));
        assertThat(twilio.calls()).isEmpty();
        assertThat(rows("select count(*) from conversations where tenant_id = :t and channel = 'voice'"))
                .as("nothing opened for a call nobody may place")
                .isZero();
        // "call me": the debtor's own request is consent to a call at that number
        twilio.webhook(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/twilio/conversations"));
        assertThat(twilio.debtorTexts(ChannelsIT.PHONE, ChannelsIT.OURS, "Can someone call me to discuss this?"))
                .isEqualTo(200);
        assertThat(value("select bool_or(voice_consent)::text from contacts where tenant_id = :t"))
                .isEqualTo("true");
        assertThat(reachable.office().callAbout(CustomerKey.of("C-1"), List.of("INV-1041")))
                .isInstanceOf(dev.aragent.agent.spi.VoiceCaller.Placed.class);
    }

    @Test
    void aCallTheDebtorAskedForIsPlacedInTheirHoursAndRetriedAfterAVoicemail() {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        twilio.webhook(URI.create(base + "/webhooks/twilio/conversations"));
        Tenancy reachable = reachable(base);
        assertThat(office.office().callsDue(tenant))
                .as("without a public URL calls stay tasks")
                .isZero();
        assertThat(twilio.debtorTexts(ChannelsIT.PHONE, ChannelsIT.OURS, "Can someone call me to discuss this?"))
                .isEqualTo(200);
        String open = "select count(*) from tasks where tenant_id = :t and kind = 'call_debtor' and status = 'open'";
        assertThat(rows(open)).isEqualTo(1);

        assertThat(reachable.office().callsDue(tenant))
                .as("Monday 10:00 in New York: called")
                .isEqualTo(1);
        assertThat(reachable.office().callsDue(tenant)).as("one call at a time").isZero();
        FakeTwilio.PlacedCall first = twilio.calls().getFirst();
        assertThat(first.to()).isEqualTo(ChannelsIT.PHONE);
        twilio.answer(first, "machine_end_beep");
        assertThat(reachable.office().callsDue(tenant))
                .as("after a voicemail, not again the same day")
                .isZero();
        assertThat(value("select to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from tasks"
                        + " where tenant_id = :t and kind = 'call_debtor'"))
                .isEqualTo("2026-11-03 15:00");

        clock.advance(Duration.ofDays(1));
        assertThat(reachable.office().callsDue(tenant))
                .as("the retry a day later")
                .isEqualTo(1);
        FakeTwilio.PlacedCall second = twilio.calls().get(1);
        twilio.answer(second, "human");
        twilio.status(second, "completed");
        assertThat(reachable.office().callsDue(tenant)).isZero();
        assertThat(value("select status || ' ' || attempts || ' ' || detail from tasks where tenant_id = :t"
                        + " and kind = 'call_debtor'"))
                .startsWith("done 2 ")
                .endsWith("called: completed");
        assertThat(rows(open)).isZero();
    }

    @Test
    void aForgedUpgradeIsRefusedAndAnUnknownCallEnds() throws Exception {
        assertThatThrownBy(() -> RelayCaller.connectSigned(relay(), "bm90IGEgc2lnbmF0dXJl"))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
        try (RelayCaller call = caller()) {
            setup(call, UUID.randomUUID().toString());
            assertThat(call.next().path("type").asText()).isEqualTo("end");
        }
        assertThat(rows("select count(*) from calls where tenant_id = :t and stream_opened_at is not null"))
                .isZero();
    }

    @Test
    void aCallWeDidNotPlaceOrAStreamOpenedTwiceGetsNoSession() throws Exception {
        try (RelayCaller stranger = caller()) {
            stranger.setup(
                    "CA_NOT_PLACED",
                    ChannelsIT.OURS,
                    ChannelsIT.PHONE,
                    Map.of("conversation", conversation.value().toString()));
            assertThat(stranger.next().path("type").asText()).isEqualTo("end");
        }
        placed("CA_REPLAYED");
        try (RelayCaller first = caller()) {
            first.setup(
                    "CA_REPLAYED",
                    ChannelsIT.OURS,
                    ChannelsIT.PHONE,
                    Map.of("conversation", conversation.value().toString()));
            first.next();
            assertThat(first.reply()).isNotBlank();
        }
        try (RelayCaller replay = caller()) {
            replay.setup(
                    "CA_REPLAYED",
                    ChannelsIT.OURS,
                    ChannelsIT.PHONE,
                    Map.of("conversation", conversation.value().toString()));
            assertThat(replay.next().path("type").asText()).isEqualTo("end");
        }
        assertThat(rows("select count(*) from call_lines where tenant_id = :t and call_sid = 'CA_NOT_PLACED'"))
                .isZero();
    }
}
