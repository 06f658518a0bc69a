package dev.aragent.server.http;

import dev.aragent.agent.app.PayNow;
import dev.aragent.payments.StripeWebhooks;
import dev.aragent.server.Offices;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's events, {@code POST /webhooks/stripe}, signed with the signing secret of a tenant's endpoint: a payment
 * through one of its pay-now links is filed and applied once (however often Stripe delivers it); every other event is
 * acknowledged. A delivery no tenant's secret signed — or signed outside the replay window — is refused with 400 and
 * changes nothing; a failure on our side answers 500, so Stripe delivers again.
 */
final class StripeWebhook implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhook.class);

    private final Offices offices;

    StripeWebhook(Offices offices) {
        this.offices = offices;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/webhooks/stripe", this::event);
    }

    private void event(ServerRequest req, ServerResponse res) {
        if (!offices.anyStripe()) {
            Replies.unconfigured(res, "Stripe", "AR_STRIPE_SECRET_KEY and AR_STRIPE_WEBHOOK_SECRET");
            return;
        }
        String payload = req.content().hasEntity() ? req.content().as(String.class) : "";
        String signature =
                req.headers().first(HeaderNames.create("Stripe-Signature")).orElse("");
        var signed = offices.stripe(payload, signature);
        if (signed.isEmpty()) {
            LOG.atWarn().log("Stripe event signed by no tenant's endpoint refused");
            Replies.text(res, Status.BAD_REQUEST_400, "invalid Stripe-Signature (or signed outside the replay window)");
            return;
        }
        var office = signed.get().office();
        switch (signed.get().read()) {
            case StripeWebhooks.Read.Payment p -> {
                PayNow.Outcome outcome;
                try {
                    outcome = office.payments().orElseThrow().payNow().paid(office.tenant(), p.paid());
                } catch (RuntimeException e) {
                    LOG.atError()
                            .addKeyValue("event", p.paid().eventId())
                            .setCause(e)
                            .log("Stripe payment not applied; Stripe will deliver it again");
                    Replies.text(res, Status.INTERNAL_SERVER_ERROR_500, "not applied; deliver again");
                    return;
                }
                Replies.json(
                        res,
                        Status.OK_200,
                        Map.of(
                                "received",
                                true,
                                "outcome",
                                switch (outcome) {
                                    case PayNow.Outcome.Applied a -> a.outcome();
                                    case PayNow.Outcome.Known k -> "applied before";
                                    case PayNow.Outcome.UnknownLink u -> "not a link of ours: " + u.linkId();
                                }));
            }
            case StripeWebhooks.Read.Ignored i -> Replies.json(res, Status.OK_200, Map.of("received", true));
            case StripeWebhooks.Read.Refused r ->
                Replies.text(res, Status.BAD_REQUEST_400, r.why()); // not reached: Offices keeps signed events only
        }
    }
}
