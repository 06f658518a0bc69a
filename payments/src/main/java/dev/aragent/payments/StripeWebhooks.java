package dev.aragent.payments;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

/**
 * Stripe's webhook as one tenant's endpoint reads it: the {@code Stripe-Signature} header verified with the endpoint's
 * signing secret ({@code Webhook.constructEvent}), its timestamp within {@link #TOLERANCE_SECONDS} of the injected
 * clock (an older event is a replay), and a checkout paid through a payment link ({@code checkout.session.completed}
 * with {@code payment_status} paid, or {@code checkout.session.async_payment_succeeded} for a bank debit that cleared
 * later) read as a payment. Every other event is acknowledged and ignored.
 */
public final class StripeWebhooks {
    /** Stripe's own default: an event signed more than five minutes ago is refused. */
    public static final long TOLERANCE_SECONDS = 300;

    private final String secret;
    private final Clock clock;

    private StripeWebhooks(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public static StripeWebhooks create(String signingSecret, Clock clock) {
        return new StripeWebhooks(signingSecret, clock);
    }

    /** What an event says. */
    public sealed interface Read {
        /** A payment through a link. */
        record Payment(PayLink.Paid paid) implements Read {}

        /** Signed, but nothing for us (another event type, a checkout not made from a link, not paid yet). */
        record Ignored(String eventId, String why) implements Read {}

        /** Not signed by this endpoint's secret, too old, or not an event: refused, nothing read. */
        record Refused(String why) implements Read {}
    }

    /** Verifies and reads one delivery: its raw body and its {@code Stripe-Signature} header. */
    public Read read(String payload, String signatureHeader) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            return new Read.Refused(e.getMessage());
        } catch (RuntimeException e) {
            return new Read.Refused("not a Stripe event: " + e.getMessage());
        }
        String type = event.getType() == null ? "" : event.getType();
        boolean completed = type.equals("checkout.session.completed");
        if (!completed && !type.equals("checkout.session.async_payment_succeeded")) {
            return new Read.Ignored(event.getId(), type);
        }
        StripeObject object;
        try {
            // an event of another API version than the SDK's still carries the fields read here
            object = event.getDataObjectDeserializer().getObject().isPresent()
                    ? event.getDataObjectDeserializer().getObject().get()
                    : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            return new Read.Refused("unreadable checkout session in event " + event.getId());
        }
        if (!(object instanceof Session s)) {
            return new Read.Refused("event " + event.getId() + " carries no checkout session");
        }
        if (s.getPaymentLink() == null || s.getPaymentLink().isBlank()) {
            return new Read.Ignored(event.getId(), "a checkout not made from a payment link");
        }
        if (completed && !"paid".equals(s.getPaymentStatus())) {
            return new Read.Ignored(event.getId(), "checkout completed, payment " + s.getPaymentStatus());
        }
        if (s.getAmountTotal() == null || s.getAmountTotal() <= 0 || s.getCurrency() == null) {
            return new Read.Refused("checkout session " + s.getId() + " states no amount");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(s.getCurrency().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Read.Refused("checkout session " + s.getId() + " in an unknown currency " + s.getCurrency());
        }
        String reference =
                s.getPaymentIntent() != null && !s.getPaymentIntent().isBlank() ? s.getPaymentIntent() : s.getId();
        return new Read.Payment(new PayLink.Paid(
                event.getId(),
                s.getPaymentLink(),
                reference,
                new Money(s.getAmountTotal(), currency),
                event.getCreated() == null ? clock.instant() : Instant.ofEpochSecond(event.getCreated())));
    }
}
