package dev.aragent.simulator.cli;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Progress;
import dev.aragent.imports.Profile;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.loopback.RelayCaller;
import dev.aragent.server.App;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.server.Settings;
import dev.aragent.server.Tenancy;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.Database;
import dev.aragent.voicebridge.EspeakTextToSpeech;
import dev.aragent.voicebridge.MediaCaller;
import dev.aragent.voicebridge.MediaStreams;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ar-agent bench voice}: server-side turn latency of calls over ConversationRelay on loopback, and over Media
 * Streams in real time with the offline speech services.
 */
@Command(
        name = "voice",
        mixinStandardHelpOptions = true,
        header = "Time call turns over ConversationRelay and Media Streams on loopback.",
        description = {
            "Starts the service on an embedded PostgreSQL with a loopback Twilio, then holds N calls over the"
                    + " ConversationRelay WebSocket, each: setup, right party confirmed, a promise read back and"
                    + " denied, a plan read back and confirmed. Each turn is timed from the final transcript sent to"
                    + " the first token received (no LLM: rules, policy engine, templates, guardrails; the store"
                    + " written when a read-back is confirmed). The first 10 calls warm up and are not counted."
                    + " Goal: ≤ 50 ms p95.",
            "Then holds --media calls over Media Streams in real time: the debtor's words synthesized with espeak-ng"
                    + " and played as 20 ms μ-law frames, heard by the service's endpointer and pocketsphinx, answered"
                    + " through the same brain, spoken with espeak-ng. Each turn is timed from the last frame with"
                    + " speech to the first audio frame sent (the 600 ms of silence that ends an utterance included),"
                    + " and by stage. The first Media Streams call warms up and is not counted.",
            "Figures: voice.relay.turns, voice.relay.first_token_ms.p50/p95/p99, the same for the turns that go"
                    + " through the brain (voice.relay.brain_ms.*), voice.media.end_of_speech_to_first_audio_ms.*,"
                    + " voice.media.endpointed_to_first_audio_ms.* and the stages (recognize, brain, synthesize)."
        })
public final class VoiceBench implements Callable<Integer> {
    private static final String TOKEN = "bench-auth-token";
    private static final String ACCOUNT = "AC00000000000000000000000000000b01";

    @Option(
            names = "--calls",
            paramLabel = "N",
            defaultValue = "100",
            description = "calls (default: ${DEFAULT-VALUE})")
    int calls = 100;

    @Option(
            names = "--media",
            paramLabel = "N",
            defaultValue = "5",
            description = "calls over Media Streams, in real time with the offline speech services (default:"
                    + " ${DEFAULT-VALUE}; 0 skips them)")
    int media = 5;

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || calls > 10_000) {
            throw new IllegalArgumentException("--calls must be 1-10000");
        }
        if (media < 0 || media > 1000) {
            throw new IllegalArgumentException("--media must be 0-1000");
        }
        int warm = 10;
        int total = calls + warm + (media > 0 ? media + 1 : 0);
        Progress progress = new Progress(System.err, 3);
        progress.step("starting PostgreSQL and the service");
        Path dir = Files.createTempDirectory("ar-agent-voice-bench-");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T16:00:00Z"), ZoneOffset.UTC);
        TenantId tenant = TenantId.of("voice-bench");
        try (FakeTwilio twilio = FakeTwilio.start(ACCOUNT, TOKEN, clock);
                App app = App.with(
                        Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", tenant.value()))
                                .withDataDir(dir)
                                .withChannels(ChannelsConfig.none()
                                        .withTwilio(new ChannelsConfig.Twilio(
                                                ACCOUNT, TOKEN, "+15005550006", Optional.of(twilio.apiBase())))),
                        clock,
                        Database.throwaway())) {
            StringBuilder csv = new StringBuilder(
                    "customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency\n");
            for (int i = 0; i < total; i++) {
                csv.append(String.format(
                        Locale.ROOT,
                        "B-%04d,Bench Account %d,INV-B%04d,2026-09-01,2026-10-01," + "2400.00,2400.00,USD%n",
                        i,
                        i,
                        i));
            }
            app.importFile(
                    tenant,
                    "bench-aging.csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8),
                    Profile.GENERIC,
                    Optional.empty(),
                    false,
                    "bench:voice");
            Tenancy office = app.tenancy(app.replyDesk(), app.turnTaker(app.identity()));
            List<ConversationId> conversations = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                conversations.add(office.office()
                        .sms()
                        .orElseThrow()
                        .remind(
                                tenant,
                                CustomerKey.of(String.format(Locale.ROOT, "B-%04d", i)),
                                String.format(Locale.ROOT, "+1555555%04d", i),
                                List.of(String.format(Locale.ROOT, "INV-B%04d", i)),
                                "Bench Account: an invoice is past due."));
            }
            List<MediaStreams.Timing> timings = java.util.Collections.synchronizedList(new ArrayList<>());
            WebServer server = ServeCommand.start(
                    app,
                    Optional.of(office),
                    "127.0.0.1",
                    0,
                    java.time.Duration.ZERO,
                    new MediaStreams.Options(java.time.Duration.ofMillis(600), timings::add));
            progress.advance("service on port " + server.port());
            progress.step("holding " + calls + " calls (+" + warm + " to warm up)");
            URI relay = URI.create("ws://127.0.0.1:" + server.port() + "/voice/relay");
            List<Long> all = new ArrayList<>();
            List<Long> brain = new ArrayList<>();
            try {
                for (int i = 0; i < calls + warm; i++) {
                    boolean counted = i >= warm;
                    String sid = placed(office, tenant, conversations, i, clock);
                    try (RelayCaller voice = RelayCaller.connect(relay, TOKEN)) {
                        voice.setup(
                                sid,
                                "+15005550006",
                                "+15555550000",
                                Map.of(
                                        "conversation",
                                        conversations.get(i).value().toString()));
                        voice.next();
                        voice.reply();
                        time(voice, "Yes, speaking.", counted ? all : null, null);
                        time(
                                voice,
                                "We can pay the full balance on Friday.",
                                counted ? all : null,
                                counted ? brain : null);
                        time(voice, "No, that's not right.", counted ? all : null, null);
                        time(
                                voice,
                                "Could we pay half on Friday and the rest in two weeks?",
                                counted ? all : null,
                                counted ? brain : null);
                        time(voice, "Yes, that's right.", counted ? all : null, null);
                    }
                    if (i % 10 == 9) {
                        progress.step("call " + (i + 1) + " of " + (calls + warm));
                    }
                }
                if (media > 0 && office.speech().isPresent()) {
                    URI stream = URI.create("ws://127.0.0.1:" + server.port() + "/voice/media");
                    EspeakTextToSpeech debtor = EspeakTextToSpeech.create("en-us", 150);
                    for (int i = calls + warm; i < total; i++) {
                        if (i == calls + warm + 1) {
                            timings.clear(); // the first call warms up the decoders
                        }
                        progress.step(
                                "Media Streams call " + (i - calls - warm + 1) + " of " + (media + 1) + " (real time)");
                        try (MediaCaller voice = MediaCaller.connect(stream, TOKEN)) {
                            voice.start(
                                    placed(office, tenant, conversations, i, clock),
                                    Map.of(
                                            "conversation",
                                            conversations.get(i).value().toString()));
                            voice.answer(30, 700);
                            for (String words : List.of(
                                    "Yes, speaking.", "We can pay the full balance on Friday.", "Yes, that's right.")) {
                                voice.say(debtor.speak(words));
                                voice.finishSaying();
                                voice.answer(30, 700);
                            }
                        }
                    }
                }
            } finally {
                server.stop();
            }
            progress.advance("done");
            progress.finish("calls held");
            print("voice.relay", all);
            print("voice.relay.brain", brain);
            System.out.printf(Locale.ROOT, "voice.relay.calls: %d%n", calls);
            if (media > 0 && office.speech().isEmpty()) {
                System.out.println("voice.media: not measured — the offline speech services are not installed (apt-get"
                        + " install espeak-ng pocketsphinx pocketsphinx-en-us)");
            } else if (media > 0) {
                List<MediaStreams.Timing> t = List.copyOf(timings);
                System.out.printf(Locale.ROOT, "voice.media.calls: %d%n", media);
                stage("voice.media.end_of_speech_to_first_audio", t, x -> x.firstAudio() - x.lastSpeech());
                stage("voice.media.endpointed_to_first_audio", t, x -> x.firstAudio() - x.endpointed());
                stage("voice.media.recognize", t, x -> x.recognized() - x.endpointed());
                stage("voice.media.brain", t, x -> x.answered() - x.recognized());
                stage("voice.media.synthesize_first_sentence", t, x -> x.firstAudio() - x.answered());
            }
            return 0;
        }
    }

    /** One turn: the final transcript out, the time to the reply's first token, then the rest of the reply. */
    private static void time(RelayCaller voice, String words, List<Long> all, List<Long> brain)
            throws InterruptedException {
        voice.send("{\"type\":\"prompt\",\"voicePrompt\":\"" + words + "\",\"last\":true}");
        long t0 = System.nanoTime();
        var m = voice.next();
        while (!m.path("type").asText().equals("text")) {
            m = voice.next();
        }
        long micros = (System.nanoTime() - t0) / 1_000;
        while (!m.path("last").asBoolean(false)) {
            m = voice.next();
        }
        if (all != null) {
            all.add(micros);
        }
        if (brain != null) {
            brain.add(micros);
        }
    }

    /** One stage of the Media Streams turns, in milliseconds. */
    private static void stage(
            String name, List<MediaStreams.Timing> timings, java.util.function.ToLongFunction<MediaStreams.Timing> ns) {
        long[] v =
                timings.stream().filter(x -> x.firstAudio() > 0).mapToLong(ns).toArray();
        percentiles(name, name + "_ms", v, 1e6, "%.1f");
    }

    private static void print(String name, List<Long> micros) {
        long[] v = micros.stream().mapToLong(Long::longValue).toArray();
        if (percentiles(name, name + ".first_token_ms", v, 1000.0, "%.2f")) {
            System.out.printf(
                    Locale.ROOT,
                    "%s.first_token_ms.mean: %.2f ms%n",
                    name,
                    Arrays.stream(v).average().orElse(0) / 1000.0);
        }
    }

    /** Prints {@code NAME.turns} and p50/p95/p99 of {@code values} divided by {@code perMs}; false when there are none. */
    private static boolean percentiles(String name, String figure, long[] values, double perMs, String format) {
        long[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return false;
        }
        System.out.printf(Locale.ROOT, "%s.turns: %d%n", name, v.length);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            long x = v[(int) Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
            System.out.printf(Locale.ROOT, "%s.p%d: " + format + " ms%n", figure, Math.round(q * 100), x / perMs);
        }
        return true;
    }

    /** Call {@code i} as the service records a call it dials (the bench skips dialling): only those get a session. */
    private static String placed(
            Tenancy office, TenantId tenant, List<ConversationId> conversations, int i, Clock clock) {
        String sid = "CA" + String.format(Locale.ROOT, "%032d", i);
        office.office()
                .voiceJournal()
                .started(
                        tenant,
                        sid,
                        conversations.get(i),
                        String.format(Locale.ROOT, "+1555555%04d", i),
                        clock.instant());
        return sid;
    }
}
