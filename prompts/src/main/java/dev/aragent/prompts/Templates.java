package dev.aragent.prompts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code key = text} resources of this module: templates, prohibited phrases, prompts. */
final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Map<String, String> entries;

    private Templates(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    static Templates load(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines(resource)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(" = ");
            if (eq < 0) {
                throw new IllegalStateException(resource + " line " + n + ": expected 'key = text'");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 3).replace("\\n", "\n"));
        }
        return new Templates(out);
    }

    /** The lines of a resource of this module. */
    static List<String> lines(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the prompts module");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most specific entry: key.tone.channel, key.channel, key.tone, key. */
    Optional<String> find(String key, String tone, String channel) {
        for (String k : List.of(key + "." + tone + "." + channel, key + "." + channel, key + "." + tone, key)) {
            if (entries.containsKey(k)) {
                return Optional.of(entries.get(k));
            }
        }
        return Optional.empty();
    }

    /** Fills {placeholders}; an unknown one is an error in the template, not something to send. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("template placeholder {" + m.group(1) + "} has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
