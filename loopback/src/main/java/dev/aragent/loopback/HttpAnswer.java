package dev.aragent.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the service answered a request the fakes sent it as Slack or Twilio would (a webhook, an interaction). */
public record HttpAnswer(int status, String body) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpAnswer send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the service did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
