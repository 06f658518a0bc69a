package dev.aragent.channels;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import dev.aragent.agent.spi.VoiceCaller;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Outbound calls through the Twilio SDK's Calls API with answering-machine detection ({@code MachineDetection=Enable}:
 * Twilio tells the TwiML request whether a person or a machine answered) and status callbacks for every stage.
 */
public final class TwilioVoiceCaller implements VoiceCaller {
    private final TwilioRestClient client;

    private TwilioVoiceCaller(TwilioRestClient client) {
        this.client = client;
    }

    /** {@code apiBase} empty: Twilio itself; otherwise every request goes there (a loopback fake, a proxy). */
    public static TwilioVoiceCaller create(String accountSid, String authToken, Optional<URI> apiBase) {
        return new TwilioVoiceCaller(TwilioSmsSender.client(accountSid, authToken, apiBase));
    }

    @Override
    public Result place(String to, String from, URI twiml, URI statusCallback) {
        try {
            Call call = Call.creator(new PhoneNumber(to), new PhoneNumber(from), twiml)
                    .setMachineDetection("Enable")
                    .setStatusCallback(statusCallback)
                    .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                    .setTimeout(30)
                    .create(client);
            return new Placed(call.getSid());
        } catch (ApiConnectionException e) {
            return new RetryLater(Duration.ofMinutes(5), "Twilio unreachable: " + e.getMessage());
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null || status == 429 || status >= 500) {
                return new RetryLater(Duration.ofMinutes(10), "Twilio " + status + ": " + e.getMessage());
            }
            return new Rejected("Twilio " + status + " (" + e.getCode() + "): " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TwilioVoiceCaller[authToken=****]";
    }
}
