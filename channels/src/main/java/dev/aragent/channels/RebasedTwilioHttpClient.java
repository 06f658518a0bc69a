package dev.aragent.channels;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The Twilio SDK's HTTP client with every request sent to another base URL (the SDK has no base-URL setting): a
 * loopback fake of the REST API in tests and the demo, or a company's egress proxy. Path, query, form body, basic
 * auth and headers are kept as the SDK built them. Like {@link WritesOnceHttpClient}, it sends a write once.
 */
public final class RebasedTwilioHttpClient extends HttpClient {
    private final URI base;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RebasedTwilioHttpClient(URI base) {
        this.base = base;
    }

    public static RebasedTwilioHttpClient create(URI base) {
        return new RebasedTwilioHttpClient(base);
    }

    /** A write is sent once, as {@link WritesOnceHttpClient} sends it. */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return super.reliableRequest(request, retryCodes, WritesOnceHttpClient.attempts(request, retries), delayMillis);
    }

    @Override
    public Response makeRequest(Request request) {
        URL original = request.constructURL();
        String pathAndQuery = original.getPath() + (original.getQuery() == null ? "" : "?" + original.getQuery());
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(15));
        if (request.getUsername() != null) {
            String auth = request.getUsername() + ":" + request.getPassword();
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        request.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
        String form = request.encodeFormBody();
        switch (request.getMethod()) {
            case GET -> b.GET();
            case DELETE -> b.DELETE();
            default ->
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(
                                request.getMethod().toString(),
                                HttpRequest.BodyPublishers.ofString(form == null ? "" : form));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.body(), r.statusCode());
        } catch (IOException e) {
            throw new com.twilio.exception.ApiConnectionException("Twilio API unreachable at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.twilio.exception.ApiConnectionException("interrupted", e);
        }
    }
}
