package dev.aragent.channels;

import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's own HTTP client, but a write is sent once: the SDK repeats any request Twilio answers with a 5xx
 * (and Apache HttpClient beneath it a POST answered 429 or 503),
 * and a POST that Twilio carried out before the 5xx (a gateway timeout) would send a text or place a call twice. The
 * adapters retry a write themselves, after checking whether it went through ({@link TwilioSmsSender}); reads are
 * repeated as the SDK repeats them.
 */
final class WritesOnceHttpClient extends NetworkHttpClient {
    /** Apache HttpClient's own retries off as well (it repeats a POST answered 429 or 503 by default). */
    WritesOnceHttpClient() {
        super(org.apache.hc.client5.http.impl.classic.HttpClientBuilder.create()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
                .setConnectionManager(
                        org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                                .setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG)
                                .build()));
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return super.reliableRequest(request, retryCodes, attempts(request, retries), delayMillis);
    }

    /** How many times {@code request} may be sent: once when it writes. */
    static int attempts(Request request, int retries) {
        return request.getMethod() == HttpMethod.GET ? retries : 1;
    }
}
