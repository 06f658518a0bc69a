package dev.aragent.crm;

import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP exchange with a CRM, its failures sorted into ones worth retrying and ones that are not. */
final class CrmHttp {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private CrmHttp() {}

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String send(HttpClient http, HttpRequest request, String what) {
        return send(http, request, what, java.util.Set.of());
    }

    /** {@link #send(HttpClient, HttpRequest, String)} with the statuses in {@code alsoDone} counting as success. */
    static String send(HttpClient http, HttpRequest request, String what, java.util.Set<Integer> alsoDone) {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(what + ": interrupted", e);
        }
        int s = r.statusCode();
        if ((s >= 200 && s < 300) || alsoDone.contains(s)) {
            return r.body();
        }
        String detail = what + ": HTTP " + s + " " + abbreviate(r.body());
        if (s == 408 || s == 425 || s == 429 || s >= 500) {
            throw new TransientFailure(detail, null);
        }
        throw new PermanentFailure(detail, null);
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.length() > 300 ? b.substring(0, 297) + "..." : b;
    }
}
