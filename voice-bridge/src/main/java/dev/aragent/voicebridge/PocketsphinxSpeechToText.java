package dev.aragent.voicebridge;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.SpeechToText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Offline speech recognition with CMU pocketsphinx (Debian's {@code libpocketsphinx3} and {@code pocketsphinx-en-us}),
 * called in process through JNA. Decoders are pooled (each holds the acoustic model, about 40 MB); an utterance borrows
 * one, is fed 8 kHz audio doubled to the model's 16 kHz as it arrives, and gives it back at its end. Recognition is
 * constrained by a grammar of what debtors say on a collections call ({@code debtor.gram}) with the call's hints.
 */
public final class PocketsphinxSpeechToText implements SpeechToText {
    /** Where Debian installs the US English model. */
    public static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    private static final List<Path> LIBRARY_DIRS =
            List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib"));

    /** The C functions used, from libpocketsphinx.so.3 (version 5prealpha). */
    interface Decoders extends Library {
        Pointer ps_args();

        Pointer ps_init(Pointer config);

        int ps_set_jsgf_string(Pointer ps, String name, String grammar);

        int ps_set_search(Pointer ps, String name);

        int ps_start_utt(Pointer ps);

        int ps_process_raw(Pointer ps, short[] data, long samples, int noSearch, int fullUtterance);

        int ps_end_utt(Pointer ps);

        String ps_get_hyp(Pointer ps, IntByReference score);
    }

    /** From libsphinxbase.so.3: the decoder's configuration. */
    interface Config extends Library {
        Pointer cmd_ln_init(Pointer inout, Pointer definitions, int strict, Object... arguments);
    }

    private final Decoders lib;
    private final Config config;
    private final Path model;
    private final String grammar;
    private final Set<String> vocabulary;
    private final BlockingQueue<Decoder> idle = new LinkedBlockingQueue<>();
    private final Semaphore decoders;

    private PocketsphinxSpeechToText(Decoders lib, Config config, Path model, int maxDecoders) {
        this.lib = lib;
        this.config = config;
        this.model = model;
        this.grammar = resource("debtor.gram");
        this.vocabulary = vocabulary(model.resolve("cmudict-en-us.dict"));
        this.decoders = new Semaphore(maxDecoders);
    }

    /** Whether the library and the model are installed here ({@code apt-get install pocketsphinx-en-us}). */
    public static boolean available() {
        return library("pocketsphinx").isPresent() && Files.isDirectory(DEBIAN_MODEL.resolve("en-us"));
    }

    /** A recognizer on Debian's model with at most {@code maxDecoders} utterances decoded at once. */
    public static PocketsphinxSpeechToText create(int maxDecoders) {
        if (!available()) {
            throw new PermanentFailure("pocketsphinx is not installed: run `apt-get install pocketsphinx "
                    + "pocketsphinx-en-us` (Debian), or configure a cloud speech service");
        }
        Decoders lib = Native.load(library("pocketsphinx").orElseThrow().toString(), Decoders.class);
        Config config = Native.load(library("sphinxbase").orElseThrow().toString(), Config.class);
        return new PocketsphinxSpeechToText(lib, config, DEBIAN_MODEL, maxDecoders);
    }

    private static Optional<Path> library(String name) {
        return LIBRARY_DIRS.stream()
                .flatMap(d -> Stream.of(d.resolve("lib" + name + ".so.3"), d.resolve("lib" + name + ".so")))
                .filter(Files::isReadable)
                .findFirst();
    }

    @Override
    public Utterance begin(List<String> hints) {
        String jsgf = grammar(hints);
        return listen("g" + Integer.toHexString(jsgf.hashCode()), jsgf);
    }

    /** A decoder listening with grammar {@code jsgf} (compiled once per decoder under {@code name}). */
    private Listening listen(String name, String jsgf) {
        Decoder d = borrow();
        try {
            if (d.grammars.add(name) && lib.ps_set_jsgf_string(d.ps, name, jsgf) < 0) {
                throw new PermanentFailure("pocketsphinx refused a grammar: "
                        + jsgf.lines().limit(3).toList());
            }
            lib.ps_set_search(d.ps, name);
            lib.ps_start_utt(d.ps);
        } catch (RuntimeException e) {
            giveBack(d);
            throw e;
        }
        return new Listening(d);
    }

    /**
     * Which of {@code candidates} the audio says, or empty when none fits: for checking what a call's listener heard
     * (tests, the demo). Words the dictionary does not know are left out of each candidate.
     */
    public Optional<String> whichOf(short[] pcm8k, List<String> candidates) {
        Map<String, String> byWords = new LinkedHashMap<>();
        for (String c : candidates) {
            String words = Stream.of(SpeechText.heard(c).split(" "))
                    .filter(vocabulary::contains)
                    .collect(java.util.stream.Collectors.joining(" "));
            if (!words.isBlank()) {
                byWords.putIfAbsent(words, c);
            }
        }
        String jsgf =
                "#JSGF V1.0;\ngrammar candidates;\npublic <line> = " + String.join(" | ", byWords.keySet()) + ";\n";
        String name = "c" + Integer.toHexString(jsgf.hashCode());
        Listening heard = listen(name, jsgf);
        for (int off = 0; off < pcm8k.length; off += 160) {
            heard.accept(java.util.Arrays.copyOfRange(pcm8k, off, Math.min(pcm8k.length, off + 160)));
        }
        return heard.hypothesis().map(h -> byWords.get(h.strip()));
    }

    /** The grammar with the hints' words the dictionary knows as the {@code <hint>} rule. */
    String grammar(List<String> hints) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String hint : hints) {
            List<String> known = Stream.of(hint.toLowerCase(Locale.ROOT).split("[^a-z']+"))
                    .filter(vocabulary::contains)
                    .toList();
            if (!known.isEmpty()) {
                phrases.add(String.join(" ", known));
                phrases.addAll(known);
            }
        }
        phrases.add("me");
        return grammar.replace("| <hint>;", "| <hint>;\n<hint> = " + String.join(" | ", phrases) + ";");
    }

    private Decoder borrow() {
        Decoder d = idle.poll();
        if (d != null) {
            return d;
        }
        if (decoders.tryAcquire()) {
            return open();
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a speech decoder", e);
        }
    }

    private Decoder open() {
        Pointer cfg = config.cmd_ln_init(
                null,
                lib.ps_args(),
                1,
                "-hmm",
                model.resolve("en-us").toString(),
                "-dict",
                model.resolve("cmudict-en-us.dict").toString(),
                "-logfn",
                "/dev/null",
                null);
        Pointer ps = cfg == null ? null : lib.ps_init(cfg);
        if (ps == null) {
            decoders.release();
            throw new PermanentFailure("pocketsphinx could not load the model in " + model);
        }
        return new Decoder(ps);
    }

    private void giveBack(Decoder d) {
        idle.add(d);
    }

    private static String resource(String name) {
        try (InputStream in = PocketsphinxSpeechToText.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> vocabulary(Path dict) {
        Set<String> words = new HashSet<>();
        try (Stream<String> lines = Files.lines(dict, StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                int sp = l.indexOf(' ');
                if (sp > 0 && l.charAt(sp - 1) != ')') {
                    words.add(l.substring(0, sp));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** A native decoder and the grammars it has compiled. */
    private static final class Decoder {
        final Pointer ps;
        final Set<String> grammars = new HashSet<>();

        Decoder(Pointer ps) {
            this.ps = ps;
        }
    }

    private final class Listening implements Utterance {
        private final Decoder d;
        private short previous;
        private boolean done;

        Listening(Decoder d) {
            this.d = d;
        }

        @Override
        public void accept(short[] pcm8k) {
            if (done || pcm8k.length == 0) {
                return;
            }
            short[] up = new short[pcm8k.length * 2]; // 8 → 16 kHz, linear: the band stays below 4 kHz anyway
            for (int i = 0; i < pcm8k.length; i++) {
                up[2 * i] = (short) ((previous + pcm8k[i]) / 2);
                up[2 * i + 1] = pcm8k[i];
                previous = pcm8k[i];
            }
            lib.ps_process_raw(d.ps, up, up.length, 0, 0);
        }

        @Override
        public String end() {
            return hypothesis().map(SpeechText::fromSpeech).orElse("");
        }

        /** The recognizer's words as it wrote them; empty when nothing in the grammar fits. */
        Optional<String> hypothesis() {
            if (done) {
                return Optional.empty();
            }
            done = true;
            try {
                lib.ps_end_utt(d.ps);
                return Optional.ofNullable(lib.ps_get_hyp(d.ps, new IntByReference()));
            } finally {
                giveBack(d);
            }
        }

        @Override
        public void close() {
            end();
        }
    }
}
