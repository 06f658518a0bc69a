package dev.aragent.server;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAI-compatible endpoint ({@code llm.url}, {@code llm.api-key}, {@code llm.model}): when set, an LLM reads intents
 * and words replies; the rules still check its entities and the guardrails its drafts.
 */
public record LlmConfig(URI baseUrl, String apiKey, String model, Duration timeout) {
    @Override
    public String toString() {
        return "LlmConfig[" + baseUrl + ", model " + model + ", key " + (apiKey.isEmpty() ? "none" : "***") + "]";
    }

    static Optional<LlmConfig> from(Map<String, String> v) {
        String url = v.getOrDefault("llm.url", "").strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("llm.url is not a URL: '" + url + "'", e);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("llm.url must start with http:// or https://, got '" + url + "'");
        }
        String model = v.getOrDefault("llm.model", "").strip();
        if (model.isEmpty()) {
            throw new IllegalArgumentException("llm.model is required with llm.url (e.g. gpt-4o-mini)");
        }
        int seconds =
                Integer.parseInt(v.getOrDefault("llm.timeout-seconds", "30").strip());
        return Optional.of(new LlmConfig(uri, v.getOrDefault("llm.api-key", ""), model, Duration.ofSeconds(seconds)));
    }
}
