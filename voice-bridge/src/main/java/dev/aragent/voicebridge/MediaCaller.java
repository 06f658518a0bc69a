package dev.aragent.voicebridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Twilio's side of one Media Streams WebSocket, on loopback, in real time: opens the connection signed as Twilio does,
 * sends {@code connected} and {@code start}, then a 20 ms μ-law frame every 20 ms — the caller's words when they speak,
 * silence otherwise — and plays what the service sends back at the same pace, answering each {@code mark} when the
 * audio before it has been played and every pending one at a {@code clear}, as Twilio does. The other end of
 * {@link MediaStreams}, for the voice tests, the demo's voice tour and the voice benchmark; no production path uses it.
 *
 * <p>A test may run the line {@linkplain #connect(URI, String, int) faster than real time}: the service counts frames,
 * not the wall clock (speech starts after three loud frames and ends after the silent frames its end-of-utterance
 * takes), so a call heard at four times the pace takes the same turns; only latency figures need real time.
 */
public final class MediaCaller implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SILENCE = new byte[MuLaw.FRAME];

    static {
        Arrays.fill(SILENCE, MuLaw.encode((short) 0));
    }

    private final WebSocket ws;
    private final StringBuilder partial = new StringBuilder();
    private final BlockingQueue<byte[]> speaking = new LinkedBlockingQueue<>();
    private final ArrayDeque<Object> playing = new ArrayDeque<>(); // byte[] frames and String marks, in order
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final List<short[]> sentences = new ArrayList<>();
    private int sentenceStart;
    private final List<String> events = new ArrayList<>();
    private volatile boolean open = true;
    private volatile long lastAudioIn;
    private volatile int clears;
    private volatile boolean closedByService;
    private String streamSid = "";
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
    private final long frameNanos;

    private MediaCaller(URI media, String signature, int speedUp) {
        this.frameNanos = 20_000_000L / speedUp;
        this.ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("X-Twilio-Signature", signature)
                .buildAsync(media, this)
                .join();
    }

    /** Connects to {@code media} (ws://…/voice/media) signed with {@code authToken}; the line runs in real time. */
    public static MediaCaller connect(URI media, String authToken) {
        return connect(media, authToken, 1);
    }

    /** The same, the line running {@code speedUp} times faster than real time (a frame every 20 / speedUp ms). */
    public static MediaCaller connect(URI media, String authToken, int speedUp) {
        if (speedUp < 1 || speedUp > 20) {
            throw new IllegalArgumentException("speedUp must be 1 to 20, was " + speedUp);
        }
        // Twilio signs an upgrade as it signs a request with no parameters: base64(HMAC-SHA1(token, URL))
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    authToken.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
            return new MediaCaller(
                    media,
                    java.util.Base64.getEncoder()
                            .encodeToString(
                                    mac.doFinal(media.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    speedUp);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
    }

    /** The call starts: {@code connected}, {@code start} with the TwiML's parameters, then the line is live. */
    public void start(String callSid, Map<String, String> parameters) {
        streamSid = "MZ" + callSid.substring(2);
        send(JSON.createObjectNode()
                .put("event", "connected")
                .put("protocol", "Call")
                .put("version", "1.0.0"));
        ObjectNode m = message("start");
        ObjectNode s = m.putObject("start")
                .put("streamSid", streamSid)
                .put("accountSid", "AC" + "0".repeat(32))
                .put("callSid", callSid);
        s.putArray("tracks").add("inbound");
        parameters.forEach(s.putObject("customParameters")::put);
        s.putObject("mediaFormat")
                .put("encoding", "audio/x-mulaw")
                .put("sampleRate", 8000)
                .put("channels", 1);
        send(m);
        Thread.ofVirtual().name("media-caller").start(this::line);
    }

    /** Every 20 ms (or its share when sped up): one frame of the caller's words (or silence) out, one frame of the agent's audio played. */
    private void line() {
        long next = System.nanoTime();
        int chunk = 0;
        while (open) {
            byte[] frame = speaking.poll();
            ObjectNode m = message("media");
            m.putObject("media")
                    .put("track", "inbound")
                    .put("chunk", Integer.toString(++chunk))
                    .put("timestamp", Integer.toString(chunk * 20))
                    .put("payload", Base64.getEncoder().encodeToString(frame == null ? SILENCE : frame));
            send(m);
            play();
            next += frameNanos;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private void play() {
        synchronized (playing) {
            while (!playing.isEmpty() && playing.peekFirst() instanceof String mark) {
                playing.removeFirst();
                byte[] all = heard.toByteArray();
                sentences.add(MuLaw.decode(Arrays.copyOfRange(all, sentenceStart, all.length)));
                sentenceStart = all.length;
                markPlayed(mark);
            }
            if (!playing.isEmpty()) {
                heard.writeBytes((byte[]) playing.removeFirst());
            }
        }
    }

    private void markPlayed(String mark) {
        ObjectNode m = message("mark");
        m.putObject("mark").put("name", mark);
        send(m);
    }

    /** The caller says {@code pcm8k} (queued behind anything still being said), then the line is quiet. */
    public void say(short[] pcm8k) {
        byte[] ulaw = MuLaw.encode(pcm8k);
        for (int off = 0; off < ulaw.length; off += MuLaw.FRAME) {
            byte[] frame = Arrays.copyOf(SILENCE, MuLaw.FRAME);
            System.arraycopy(ulaw, off, frame, 0, Math.min(MuLaw.FRAME, ulaw.length - off));
            speaking.add(frame);
        }
    }

    /** Presses a key. */
    public void press(String digit) {
        ObjectNode m = message("dtmf");
        m.putObject("dtmf").put("track", "inbound_track").put("digit", digit);
        send(m);
    }

    /** Waits until the caller's words have all been sent. */
    public void finishSaying() throws InterruptedException {
        while (!speaking.isEmpty()) {
            Thread.sleep(5);
        }
    }

    /**
     * The agent's next answer as played to the caller: waits up to {@code seconds} for its audio to start, then until
     * it has all been played and nothing new came for {@code quietMillis}. Returns 8 kHz PCM (empty when none came).
     */
    public short[] answer(int seconds, int quietMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lastAudioIn == 0 || !drained(quietMillis)) {
            if (System.nanoTime() > deadline || closedByService && drained(0)) {
                break;
            }
            Thread.sleep(10);
        }
        byte[] ulaw;
        synchronized (playing) {
            ulaw = heard.toByteArray();
            heard.reset();
            sentenceStart = 0;
        }
        lastAudioIn = 0;
        return MuLaw.decode(ulaw);
    }

    /** The sentences played so far (each ends at one of the service's marks), taken. */
    public List<short[]> sentences() {
        synchronized (playing) {
            List<short[]> out = List.copyOf(sentences);
            sentences.clear();
            return out;
        }
    }

    private boolean drained(int quietMillis) {
        synchronized (playing) {
            return playing.isEmpty() && System.nanoTime() - lastAudioIn > TimeUnit.MILLISECONDS.toNanos(quietMillis);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode m;
            try {
                m = JSON.readTree(partial.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
            received(m);
        }
        webSocket.request(1);
        return null;
    }

    private void received(JsonNode m) {
        String event = m.path("event").asText();
        synchronized (playing) {
            events.add(event);
            switch (event) {
                case "media" -> {
                    playing.addLast(Base64.getDecoder()
                            .decode(m.path("media").path("payload").asText()));
                    lastAudioIn = System.nanoTime();
                }
                case "mark" -> playing.addLast(m.path("mark").path("name").asText());
                case "clear" -> {
                    clears++;
                    List<String> pending = new ArrayList<>();
                    playing.forEach(x -> {
                        if (x instanceof String mark) {
                            pending.add(mark);
                        }
                    });
                    playing.clear();
                    pending.forEach(this::markPlayed);
                }
                default -> {}
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedByService = true;
        return null;
    }

    /** How many times the service told us to drop buffered audio (barge-in). */
    public int clears() {
        return clears;
    }

    /** Whether the service closed the stream (the call ended or was handed over). */
    public boolean closedByService() {
        return closedByService;
    }

    /** The kinds of message received, in order. */
    public List<String> events() {
        synchronized (playing) {
            return List.copyOf(events);
        }
    }

    private ObjectNode message(String event) {
        return JSON.createObjectNode()
                .put("event", event)
                .put("sequenceNumber", Integer.toString(sequence.incrementAndGet()))
                .put("streamSid", streamSid);
    }

    private synchronized void send(ObjectNode m) {
        if (!closedByService) {
            ws.sendText(m.toString(), true).join();
        }
    }

    /** Twilio ends the stream ({@code stop}) and closes. */
    @Override
    public void close() {
        if (!closedByService) {
            ObjectNode m = message("stop");
            m.putObject("stop").put("callSid", "CA" + streamSid.substring(2));
            send(m);
        }
        open = false;
        if (!closedByService) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
