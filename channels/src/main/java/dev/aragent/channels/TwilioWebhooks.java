package dev.aragent.channels;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} on Twilio's webhooks with the SDK's validator: HMAC-SHA1 with the auth token over
 * the URL Twilio called (as Twilio saw it: the public URL) and the sorted form parameters; the validator also tries the
 * URL with the default port added or removed.
 */
public final class TwilioWebhooks {
    private final RequestValidator validator;

    private TwilioWebhooks(String authToken) {
        this.validator = new RequestValidator(authToken);
    }

    public static TwilioWebhooks create(String authToken) {
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("the Twilio auth token is empty");
        }
        return new TwilioWebhooks(authToken);
    }

    public boolean valid(String publicUrl, Map<String, String> form, String signature) {
        return signature != null && !signature.isBlank() && validator.validate(publicUrl, form, signature);
    }

    @Override
    public String toString() {
        return "TwilioWebhooks[authToken=****]";
    }
}
