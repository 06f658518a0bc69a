package dev.aragent.prompts;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * An OpenAI-compatible chat endpoint through Spring AI, without Spring Boot: base URL, key, model, a timeout, one
 * retry, temperature 0. Shared by the intent reader and the drafter.
 */
public final class LlmEndpoint {
    private final ChatClient client;
    private final String model;

    private LlmEndpoint(ChatClient client, String model) {
        this.client = client;
        this.model = model;
    }

    public static LlmEndpoint create(URI baseUrl, String apiKey, String model, Duration timeout) {
        Objects.requireNonNull(model, "model");
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        OpenAiApi api = OpenAiApi.builder()
                .baseUrl(baseUrl.toString())
                .apiKey(apiKey.isEmpty() ? "none" : apiKey)
                .restClientBuilder(RestClient.builder().requestFactory(requests))
                .build();
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder()
                        .model(model)
                        .temperature(0.0)
                        .build())
                .retryTemplate(
                        RetryTemplate.builder().maxAttempts(2).fixedBackoff(250).build())
                .build();
        return new LlmEndpoint(ChatClient.create(chat), model);
    }

    ChatClient client() {
        return client;
    }

    public String model() {
        return model;
    }
}
