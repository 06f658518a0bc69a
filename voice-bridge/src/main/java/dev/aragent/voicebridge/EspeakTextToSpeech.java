package dev.aragent.voicebridge;

import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TextToSpeech;
import dev.aragent.agent.spi.TransientFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Offline speech synthesis with espeak-ng (Debian's {@code espeak-ng}): one short process per sentence, text on its
 * standard input (never on the command line), a WAV file on its output, resampled to 8 kHz. Sentences said often
 * (greetings, confirmations) are kept, up to 256.
 */
public final class EspeakTextToSpeech implements TextToSpeech {
    private static final int CACHED = 256;

    private final Path binary;
    private final String voice;
    private final int wordsPerMinute;
    private final Map<String, short[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, short[]> eldest) {
            return size() > CACHED;
        }
    };

    private EspeakTextToSpeech(Path binary, String voice, int wordsPerMinute) {
        this.binary = binary;
        this.voice = voice;
        this.wordsPerMinute = wordsPerMinute;
    }

    /** Whether espeak-ng is on the PATH ({@code apt-get install espeak-ng}). */
    public static boolean available() {
        return find().isPresent();
    }

    /** {@code voice} as espeak-ng names them ({@code en-us}), at {@code wordsPerMinute} (espeak's default is 175). */
    public static EspeakTextToSpeech create(String voice, int wordsPerMinute) {
        return new EspeakTextToSpeech(
                find().orElseThrow(() -> new PermanentFailure("espeak-ng is not installed: run `apt-get install "
                        + "espeak-ng` (Debian), or configure a cloud speech service")),
                voice,
                wordsPerMinute);
    }

    private static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(d -> Path.of(d, "espeak-ng"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public short[] speak(String sentence) {
        String text = SpeechText.forSpeaking(sentence);
        synchronized (cache) {
            short[] known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        short[] pcm = synthesize(text);
        synchronized (cache) {
            cache.put(text, pcm);
        }
        return pcm;
    }

    private short[] synthesize(String text) {
        if (text.isBlank()) {
            return new short[0];
        }
        try {
            Process p = new ProcessBuilder(
                            binary.toString(),
                            "-v",
                            voice,
                            "-s",
                            Integer.toString(wordsPerMinute),
                            "--stdin",
                            "--stdout")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            byte[] wav = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new TransientFailure("espeak-ng exited with " + p.exitValue());
            }
            return wav(wav);
        } catch (IOException e) {
            throw new TransientFailure("espeak-ng failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while synthesizing", e);
        }
    }

    /** The samples of a 16-bit mono WAV file, at 8 kHz. */
    static short[] wav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int rate = 22050;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            String id = new String(wav, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                rate = b.getInt(pos + 12);
            } else if (id.equals("data")) {
                // espeak writing to a pipe cannot seek back to fill in the size: take what is there
                int len = size <= 0 || pos + 8 + size > wav.length ? wav.length - pos - 8 : size;
                short[] pcm = new short[len / 2];
                b.position(pos + 8);
                b.asShortBuffer().get(pcm);
                return MuLaw.resample(pcm, rate, MuLaw.RATE);
            }
            pos += 8 + Math.max(size, 0);
        }
        throw new TransientFailure("espeak-ng wrote no audio");
    }
}
