package dev.aragent.server;

import dev.aragent.agent.app.VoiceCalls;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.voice.VoiceSession;
import dev.aragent.voicebridge.UpgradeGate;
import io.helidon.http.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The back offices one service runs, one per tenant, and which of them a request from outside is for. A person's
 * request names its tenant by credential; a vendor's webhook by the channel it arrived on: the Twilio account whose
 * auth token signed it (and whose {@code AccountSid} it carries), the Slack app whose secret signed it (and, for an app
 * in several workspaces, the workspace it came from), the Twilio account that signed a voice stream's upgrade. Nothing
 * the caller writes in the request chooses the tenant.
 */
public final class Offices {
    private final List<Tenancy> all;

    private Offices(List<Tenancy> all) {
        this.all = List.copyOf(all);
    }

    public static Offices of(List<Tenancy> offices) {
        return new Offices(offices);
    }

    public static Offices of(Optional<Tenancy> office) {
        return new Offices(office.stream().toList());
    }

    public List<Tenancy> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The back office of {@code tenant}, when this service runs one. */
    public Optional<Tenancy> of(TenantId tenant) {
        return all.stream().filter(o -> o.tenant().equals(tenant)).findFirst();
    }

    /** Whether any tenant has Twilio (SMS and calls) configured. */
    public boolean anyTwilio() {
        return all.stream().anyMatch(o -> o.twilio().isPresent());
    }

    /** Whether any tenant takes payments through Stripe. */
    public boolean anyStripe() {
        return all.stream().anyMatch(o -> o.payments().isPresent());
    }

    /**
     * The back office whose Stripe webhook secret signed {@code payload}, with what the event says; empty when no
     * tenant's did (the refusal of the first tenant that takes payments says why).
     */
    public Optional<Signed<dev.aragent.payments.StripeWebhooks.Read>> stripe(String payload, String signature) {
        for (Tenancy o : all) {
            if (o.payments().isPresent()) {
                var read = o.payments().get().webhooks().read(payload, signature);
                if (!(read instanceof dev.aragent.payments.StripeWebhooks.Read.Refused)) {
                    return Optional.of(new Signed<>(o, read));
                }
            }
        }
        return Optional.empty();
    }

    /** What a vendor's signed request says, and whose it is. */
    public record Signed<T>(Tenancy office, T read) {}

    /** Whether any tenant has Slack configured. */
    public boolean anySlack() {
        return all.stream().anyMatch(o -> o.slack().isPresent());
    }

    /**
     * The back office whose Twilio account signed a request to {@code url} with {@code form}: the signature verifies
     * with its auth token and the form's {@code AccountSid}, when sent, is its account. Empty when none did.
     */
    public Optional<Tenancy> twilio(String url, List<Map.Entry<String, String>> form, String signature) {
        Optional<String> account = form.stream()
                .filter(e -> e.getKey().equals("AccountSid"))
                .map(Map.Entry::getValue)
                .findFirst();
        return all.stream()
                .filter(o -> o.twilio().isPresent()
                        && account.map(a -> o.twilioAccount().equals(Optional.of(a)))
                                .orElse(true)
                        && o.twilio().get().valid(url, form, signature))
                .findFirst();
    }

    /** The back office whose Slack app signed an interaction (from its workspace, when it is bound to one). */
    public Optional<Tenancy> slack(String path, Map<String, List<String>> headers, String body) {
        return all.stream()
                .filter(o -> o.slack().isPresent() && o.slack().get().accepts(path, headers, body))
                .findFirst();
    }

    /**
     * One voice WebSocket's line: its upgrade is allowed when a tenant's Twilio account signed it, and the call's
     * session is then that tenant's (so a stream signed by one tenant's account never opens another's call).
     */
    public Line line() {
        return new Line();
    }

    /** See {@link #line()}; one per connection. */
    public final class Line implements UpgradeGate, VoiceCalls {
        private volatile Tenancy office;

        private Line() {}

        @Override
        public boolean allows(String pathAndQuery, Headers headers) {
            for (Tenancy o : all) {
                if (o.voiceGate().allows(pathAndQuery, headers)) {
                    office = o;
                    return true;
                }
            }
            return false;
        }

        @Override
        public Optional<VoiceSession> open(String callSid, Map<String, String> parameters) {
            Tenancy o = office;
            return o == null ? Optional.empty() : o.office().voiceCalls().open(callSid, parameters);
        }

        @Override
        public void transferred(String callSid, String to, String summary) {
            Tenancy o = office;
            if (o != null) {
                o.office().voiceCalls().transferred(callSid, to, summary);
            }
        }
    }
}
