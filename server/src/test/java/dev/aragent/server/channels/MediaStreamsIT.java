package dev.aragent.server.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.loopback.FakeTwilio;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.voicebridge.EspeakTextToSpeech;
import dev.aragent.voicebridge.MediaCaller;
import dev.aragent.voicebridge.MediaStreams;
import dev.aragent.voicebridge.PocketsphinxSpeechToText;
import dev.aragent.voicebridge.SpeechText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls over Twilio Media Streams on loopback, four times faster than real time: the debtor's words are synthesized with espeak-ng and
 * played as 20 ms μ-law frames; the service hears them with its own recognizer, answers through the same brain, and
 * speaks; the client plays the answer and recognizes which line the agent said. Needs espeak-ng and pocketsphinx
 * (.ci/run installs them).
 */
class MediaStreamsIT extends VoiceFixture {
    /** The line runs at four times real time: the service counts frames, so the turns are the same, sooner. */
    private static final int SPEED_UP = 4;

    private static final List<String> DECOYS = List.of(
            "Sorry, I didn't catch that. Am I speaking with Pat Doe?",
            "I'm sorry to have bothered you. Goodbye.",
            "Please say yes or no, or press 1 for yes and 2 for no. Is that right?",
            "Of course. I'm connecting you with our accounts receivable team now; please hold.");

    int spoken;
    int recognized;
    static EspeakTextToSpeech debtorVoice;
    static PocketsphinxSpeechToText listener;

    @BeforeAll
    static void speech() {
        if (!EspeakTextToSpeech.available() || !PocketsphinxSpeechToText.available()) {
            throw new IllegalStateException("MediaStreamsIT needs espeak-ng and pocketsphinx: run `apt-get install "
                    + "espeak-ng pocketsphinx pocketsphinx-en-us` (.ci/run does)");
        }
        debtorVoice = EspeakTextToSpeech.create("en-us", 150);
        listener = PocketsphinxSpeechToText.create(1);
    }

    @Override
    ChannelsConfig.VoicePath path() {
        return ChannelsConfig.VoicePath.MEDIA;
    }

    private int calls;

    /** The stream of a call we placed (recorded as the service records it when it dials). */
    MediaCaller caller() {
        MediaCaller call = MediaCaller.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/voice/media"), ChannelsIT.AUTH_TOKEN, SPEED_UP);
        String sid = "CA%032d".formatted(++calls);
        office.office().voiceJournal().started(tenant, sid, conversation, ChannelsIT.PHONE, clock.instant());
        call.start(sid, Map.of("conversation", conversation.value().toString()));
        return call;
    }

    /**
     * The line the agent said last in the transcript, checked against what the caller heard: each sentence played is
     * recognized among the sentences of every line the agent said in this call and some it could have said; none may
     * be another line's, and most must be recognized (the offline recognizer misses some, "AI" among them).
     */
    String heard(MediaCaller call) throws InterruptedException {
        short[] audio = call.answer(30, 700);
        assertThat(audio.length).as("the agent answered in audio").isGreaterThan(8000 / 2);
        List<String> said = Book.list(
                app,
                tenant,
                "select text from call_lines where tenant_id = :t and speaker = 'agent'"
                        + " and text not like '[%' order by at, line_no",
                String.class);
        String last = said.getLast();
        List<String> candidates = new ArrayList<>();
        for (String line : said) {
            candidates.addAll(MediaStreams.sentences(line));
        }
        DECOYS.forEach(d -> candidates.addAll(MediaStreams.sentences(d)));
        List<String> expected = MediaStreams.sentences(last);
        List<short[]> played = call.sentences();
        assertThat(played).as("one mark per sentence").hasSize(expected.size());
        for (int i = 0; i < played.size(); i++) {
            var which = listener.whichOf(played.get(i), candidates);
            if (which.isPresent() && which.get().equals(expected.get(i))) {
                recognized++;
            } else if (which.isPresent()) { // a shorter sentence the audio begins with ("Thank you.") is a near miss
                assertThat(SpeechText.heard(expected.get(i)))
                        .as("sentence %d heard", i)
                        .startsWith(SpeechText.heard(which.get()));
            }
        }
        spoken += played.size();
        return last;
    }

    void say(MediaCaller call, String words) throws InterruptedException {
        call.say(debtorVoice.speak(words));
        call.finishSaying();
    }

    @Test
    void aCallHeldInAudioNegotiatesAndEndsWithAConfirmedReadBack() throws Exception {
        try (MediaCaller call = caller()) {
            assertThat(heard(call)).contains("an AI").endsWith("Am I speaking with Pat Doe?");
            say(call, "Yes, speaking.");
            assertThat(heard(call)).contains("$4,250.00").contains("When could you");
            say(call, "We can pay the full balance on Friday.");
            assertThat(heard(call)).startsWith("So that's $4,250.00 on Friday, November 6");
            assertThat(rows("select count(*) from promises where tenant_id = :t"))
                    .isZero();
            say(call, "Yes, that's right.");
            assertThat(heard(call)).contains("confirmed");
            call.answer(10, 300);
            assertThat(call.closedByService())
                    .as("the service ends the stream after its last words")
                    .isTrue();
        }
        assertThat(rows("select count(*) from promises where tenant_id = :t and status = 'open'"))
                .isEqualTo(1);
        assertThat(value("select outcome from calls where tenant_id = :t")).isEqualTo("promise_confirmed");
        assertThat(value("select string_agg(text, ' | ' order by at, line_no) from call_lines"
                        + " where tenant_id = :t and speaker = 'debtor'"))
                .containsPattern("(Yes|Yeah) speaking")
                .contains("We can pay the full balance on friday");
        assertThat(rows("select count(*) from outbox where tenant_id = :t and topic = 'crm'"
                        + " and payload->>'kind' = 'promise'"))
                .isEqualTo(1);
    }

    @Test
    void speakingOverTheAgentClearsItsAudioAndTheCallGoesOnFromWhatTheySaid() throws Exception {
        try (MediaCaller call = caller()) {
            Thread.sleep(1500 / SPEED_UP); // the greeting is playing
            say(call, "Yes, speaking.");
            assertThat(call.clears()).as("a barge-in clears Twilio's buffer").isEqualTo(1);
            for (int i = 0; i < 100 && rows("select count(*) from call_lines where tenant_id = :t") < 4; i++) {
                Thread.sleep(100);
            }
        }
        assertThat(value("select string_agg(text, ' | ' order by at, line_no) from call_lines where tenant_id = :t"))
                .contains("[interrupted after:")
                .contains("$4,250.00 open on invoices INV-1041");
    }

    @Test
    void theTwimlStreamsAudioAndATransferredCallIsDialledThrough() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        office.office().call(conversation, base);
        FakeTwilio.PlacedCall placed = twilio.calls().getFirst();
        String twiml = twilio.answer(placed, "human").body();
        assertThat(twiml)
                .contains("<Stream url=\"ws://127.0.0.1:" + server.port() + "/voice/media\">")
                .contains("<Parameter name=\"conversation\" value=\"" + conversation.value() + "\"/>");
        MediaCaller call = MediaCaller.connect(
                URI.create(base.toString().replace("http", "ws") + "/voice/media"), ChannelsIT.AUTH_TOKEN, SPEED_UP);
        call.start(placed.sid(), Map.of("conversation", conversation.value().toString()));
        heard(call);
        say(call, "Yes, speaking.");
        heard(call);
        say(call, "Can I speak to a real person please?");
        assertThat(heard(call)).contains("connecting you");
        call.answer(10, 300);
        assertThat(call.closedByService()).isTrue();
        call.close();
        URI after = URI.create(base + "/voice/after?conversation=" + conversation.value());
        Map<String, String> form = Map.of("CallSid", placed.sid(), "AccountSid", ChannelsIT.ACCOUNT);
        var dial =
                twilio.post(after, form, Optional.of(FakeTwilio.sign(ChannelsIT.AUTH_TOKEN, after.toString(), form)));
        assertThat(dial.body()).contains("<Dial>" + TRANSFER_TO + "</Dial>");
        assertThat(value("select text from notices where tenant_id = :t and kind = 'call_transfer'"))
                .contains("transferred to " + TRANSFER_TO);
        assertThat(twilio.post(after, form, Optional.of("bm90IGEgc2lnbmF0dXJl")).status())
                .isEqualTo(401);
    }

    @Test
    void aForgedUpgradeIsRefused() {
        URI media = URI.create("ws://127.0.0.1:" + server.port() + "/voice/media");
        assertThatThrownBy(() -> MediaCaller.connect(media, "not the auth token"))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
    }
}
