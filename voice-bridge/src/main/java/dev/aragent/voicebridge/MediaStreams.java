package dev.aragent.voicebridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aragent.agent.app.VoiceCalls;
import dev.aragent.agent.spi.SpeechToText;
import dev.aragent.agent.spi.TextToSpeech;
import dev.aragent.agent.voice.Say;
import dev.aragent.agent.voice.VoiceSession;
import io.helidon.websocket.WsSession;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Media Streams connection (Twilio's audio protocol: we hear the caller and speak ourselves). In: {@code connected},
 * {@code start} (stream and call SIDs, custom parameters), {@code media} (base64 μ-law, 8 kHz, 20 ms frames),
 * {@code mark} (our audio up to a label was played), {@code dtmf}, {@code stop}. Out: {@code media} (our speech),
 * {@code mark} after each sentence, {@code clear} (drop what is buffered: the caller spoke over us).
 *
 * <p>Incoming frames go through the {@link Endpointer}; speech is fed to the recognizer while it is spoken, so at the
 * end of the utterance only the last frames remain to decode. The reply is synthesized a sentence at a time, the first
 * sent while the next is made. Speech that starts while we talk is a barge-in: {@code clear}, the rest of the reply is
 * dropped, and the conversation goes on from what the caller says.
 */
public final class MediaStreams extends TwilioSocket {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStreams.class);
    private static final Pattern SENTENCE = Pattern.compile("(?s).+?(?:[.!?]+(?=\\s|$)|$)\\s*");
    private static final int PRE_ROLL_FRAMES = 10;

    /** Settings of the audio path. */
    public record Options(Duration endOfUtterance, Observer observer) {
        public static Options defaults() {
            return new Options(Duration.ofMillis(600), Observer.NONE);
        }
    }

    /** Timings of each answered utterance, for the benchmark and the logs. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = t -> {};

        void answered(Timing timing);
    }

    /**
     * One turn, in {@link System#nanoTime()}: the last frame with speech arrived, the end of the utterance was decided,
     * the text was recognized, the agent had its answer, its first audio frame left.
     */
    public record Timing(long lastSpeech, long endpointed, long recognized, long answered, long firstAudio) {}

    private final VoiceCalls calls;
    private final SpeechToText stt;
    private final TextToSpeech tts;
    private final Options options;
    private final Endpointer endpointer;
    private final ExecutorService turns =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final Object sending = new Object();
    private final List<String> played = new ArrayList<>();
    private final Map<String, String> unplayed = new LinkedHashMap<>();
    private Optional<VoiceSession> voice = Optional.empty();
    private Optional<SpeechToText.Utterance> utterance = Optional.empty();
    private String streamSid = "";
    private String callSid = "";
    private long lastSpeech;
    private volatile boolean synthesizing;
    private volatile Optional<Say> closing = Optional.empty();

    private MediaStreams(VoiceCalls calls, UpgradeGate gate, SpeechToText stt, TextToSpeech tts, Options options) {
        super(gate, "Media Streams", LOG);
        this.calls = calls;
        this.stt = stt;
        this.tts = tts;
        this.options = options;
        this.endpointer = new Endpointer(options.endOfUtterance());
    }

    public static MediaStreams create(
            VoiceCalls calls, UpgradeGate gate, SpeechToText stt, TextToSpeech tts, Options options) {
        return new MediaStreams(calls, gate, stt, tts, options);
    }

    @Override
    void handle(WsSession session, JsonNode m) {
        switch (m.path("event").asText()) {
            case "start" -> start(session, m);
            case "media" -> {
                if (voice.isPresent()
                        && m.path("media").path("track").asText("inbound").startsWith("inbound")) {
                    hear(session, m.path("media").path("payload").asText(""));
                }
            }
            case "mark" -> played(session, m.path("mark").path("name").asText(""));
            case "dtmf" ->
                voice.ifPresent(v -> {
                    String digit = m.path("dtmf").path("digit").asText("");
                    later(() -> speak(session, v.dtmf(digit), generation.incrementAndGet()));
                });
            case "stop" -> hangUp("stream stopped");
            case "connected" -> {}
            default ->
                LOG.atDebug().addKeyValue("event", m.path("event").asText()).log("Media Streams message ignored");
        }
    }

    private void start(WsSession session, JsonNode m) {
        JsonNode start = m.path("start");
        streamSid = m.path("streamSid").asText(start.path("streamSid").asText(""));
        callSid = start.path("callSid").asText("");
        Map<String, String> params = new LinkedHashMap<>();
        start.path("customParameters")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        String encoding = start.path("mediaFormat").path("encoding").asText("audio/x-mulaw");
        voice = callSid.isBlank() || !encoding.equals("audio/x-mulaw") ? Optional.empty() : calls.open(callSid, params);
        if (voice.isEmpty()) {
            LOG.atWarn().addKeyValue("call", callSid).log("Media Stream for an unknown call closed");
            session.close(1008, "unknown call");
            return;
        }
        VoiceSession v = voice.get();
        later(() -> speak(session, v.open(), generation.incrementAndGet()));
    }

    private void hear(WsSession session, String payload) {
        byte[] ulaw;
        try {
            ulaw = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            LOG.atWarn().addKeyValue("call", callSid).log("Media Streams frame with bad base64 ignored");
            return;
        }
        short[] frame = MuLaw.decode(ulaw);
        Endpointer.Event event = endpointer.accept(frame);
        if (endpointer.voiced()) {
            lastSpeech = System.nanoTime();
        }
        switch (event) {
            case STARTED -> {
                if (talking()) {
                    bargeIn(session);
                }
                SpeechToText.Utterance u = stt.begin(voice.orElseThrow().hints());
                preRoll.forEach(u::accept);
                preRoll.clear();
                u.accept(frame);
                utterance = Optional.of(u);
            }
            case ENDED -> {
                long endpointed = System.nanoTime();
                long spoke = lastSpeech;
                SpeechToText.Utterance u = utterance.orElseThrow();
                utterance = Optional.empty();
                later(() -> answer(session, u, spoke, endpointed));
            }
            case NONE -> {
                if (utterance.isPresent()) {
                    utterance.get().accept(frame);
                } else {
                    preRoll.addLast(frame);
                    if (preRoll.size() > PRE_ROLL_FRAMES) {
                        preRoll.removeFirst();
                    }
                }
            }
        }
    }

    /** Runs {@code work} on the call's turn thread, in order; a failure is logged, the call goes on. */
    private void later(Runnable work) {
        turns.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .addKeyValue("call", callSid)
                        .addKeyValue("error", e.toString())
                        .setCause(e)
                        .log("a voice turn failed");
            }
        });
    }

    private void answer(WsSession session, SpeechToText.Utterance u, long spoke, long endpointed) {
        String words = u.end();
        long recognized = System.nanoTime();
        LOG.atDebug().addKeyValue("call", callSid).addKeyValue("words", words).log("heard");
        if (words.isBlank() || voice.isEmpty()) {
            return;
        }
        Say say = voice.get().hear(words);
        long answered = System.nanoTime();
        long first = speak(session, say, generation.incrementAndGet());
        options.observer().answered(new Timing(spoke, endpointed, recognized, answered, first));
    }

    /** Speaks {@code say} a sentence at a time; returns when the first audio frame left (0 when none did). */
    private long speak(WsSession session, Say say, int mine) {
        long first = 0;
        synthesizing = true;
        try {
            List<String> sentences = sentences(say.text());
            for (int i = 0; i < sentences.size(); i++) {
                short[] pcm = tts.speak(sentences.get(i));
                if (generation.get() != mine) {
                    return first;
                }
                long sent = sendAudio(session, MuLaw.encode(pcm));
                first = first == 0 ? sent : first;
                String mark = "say-" + mine + "-" + i;
                synchronized (sending) {
                    unplayed.put(mark, sentences.get(i));
                }
                send(
                        session,
                        JSON.createObjectNode()
                                .put("event", "mark")
                                .put("streamSid", streamSid)
                                .set("mark", JSON.createObjectNode().put("name", mark)));
            }
            if (say.next() != Say.Next.LISTEN) {
                closing = Optional.of(say);
                synchronized (sending) {
                    if (unplayed.isEmpty()) {
                        finish(session);
                    }
                }
            }
            return first;
        } finally {
            synthesizing = false;
        }
    }

    private long sendAudio(WsSession session, byte[] ulaw) {
        long first = 0;
        Base64.Encoder b64 = Base64.getEncoder();
        for (int off = 0; off < ulaw.length; off += MuLaw.FRAME) {
            int len = Math.min(MuLaw.FRAME, ulaw.length - off);
            byte[] chunk = java.util.Arrays.copyOfRange(ulaw, off, off + len);
            ObjectNode msg = JSON.createObjectNode().put("event", "media").put("streamSid", streamSid);
            msg.putObject("media").put("payload", b64.encodeToString(chunk));
            send(session, msg);
            first = first == 0 ? System.nanoTime() : first;
        }
        return first;
    }

    private boolean talking() {
        synchronized (sending) {
            return synthesizing || !unplayed.isEmpty();
        }
    }

    /** The caller spoke over us: Twilio drops what it buffered, we drop the rest of the reply. */
    private void bargeIn(WsSession session) {
        generation.incrementAndGet();
        String unheard;
        synchronized (sending) {
            unheard = String.join(" ", unplayed.values());
            unplayed.clear();
        }
        send(session, JSON.createObjectNode().put("event", "clear").put("streamSid", streamSid));
        String heard = String.join(" ", played);
        LOG.atDebug()
                .addKeyValue("call", callSid)
                .addKeyValue("unheard", unheard.length())
                .log("barge-in");
        voice.ifPresent(v -> v.interrupted(heard));
    }

    private void played(WsSession session, String mark) {
        synchronized (sending) {
            String sentence = unplayed.remove(mark);
            if (sentence != null) {
                played.add(sentence);
                while (played.size() > 3) {
                    played.removeFirst();
                }
            }
            if (unplayed.isEmpty() && closing.isPresent() && !synthesizing) {
                finish(session);
            }
        }
    }

    /** The last words were played: a transfer is handed over and the stream closed (the TwiML goes on). */
    private void finish(WsSession session) {
        Say say = closing.orElseThrow();
        closing = Optional.empty();
        if (say.next() == Say.Next.TRANSFER) {
            VoiceCalls.handOver(calls, callSid, say, LOG);
        }
        session.close(1000, say.next() == Say.Next.TRANSFER ? "transfer" : "end");
    }

    private void hangUp(String why) {
        generation.incrementAndGet();
        utterance.ifPresent(SpeechToText.Utterance::close);
        utterance = Optional.empty();
        voice.ifPresent(v -> later(() -> v.hangUp(why)));
        voice = Optional.empty();
        turns.shutdown();
    }

    private void send(WsSession session, ObjectNode message) {
        synchronized (sending) {
            session.send(message.toString(), true);
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        if (voice.isPresent()) {
            hangUp("connection closed (" + status + ")");
        }
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.atWarn()
                .addKeyValue("call", callSid)
                .addKeyValue("error", t.toString())
                .log("Media Streams error");
    }

    /** A reply as sentences, each synthesized on its own. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text.strip());
        while (m.find()) {
            if (!m.group().isBlank()) {
                out.add(m.group().strip());
            }
        }
        return out;
    }
}
