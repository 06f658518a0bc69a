package dev.aragent.payments;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentLink;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PaymentLinkUpdateParams;
import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.PayLinks;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pay-now links as Stripe Payment Links, through stripe-java: one line for exactly the amount asked (its product named
 * by the invoices), our tenant, customer and invoices in the link's metadata and the payment's, one completed payment
 * at most (Stripe deactivates the link after it), and an idempotency key per order so a retried request makes one link.
 * Retiring a link deactivates it. Stripe unreachable, throttling or failing (5xx) is a {@link TransientFailure}; a
 * request it refuses (bad key, invalid parameters) a {@link PermanentFailure}.
 */
public final class StripePayLinks implements PayLinks {
    /** Stripe's limit on a metadata value. */
    static final int METADATA_MAX = 500;

    static final String INACTIVE = "This payment link has been paid or replaced. Reply to our last message and we will"
            + " send the current balance.";

    private final StripeClient client;

    private StripePayLinks(StripeClient client) {
        this.client = client;
    }

    /** Stripe's API with {@code secretKey}; {@code apiBase} for a proxy or a loopback Stripe (tests, the demo). */
    public static StripePayLinks create(String secretKey, Optional<URI> apiBase) {
        StripeClient.StripeClientBuilder b =
                StripeClient.builder().setApiKey(secretKey).setMaxNetworkRetries(2);
        apiBase.ifPresent(u -> b.setApiBase(u.toString().replaceFirst("/$", "")));
        return new StripePayLinks(b.build());
    }

    @Override
    public PayLink create(TenantId tenant, PayLink.Order order, Instant at) {
        Map<String, String> metadata = Map.of(
                "ar_tenant", tenant.value(),
                "ar_customer", order.customer().value(),
                "ar_invoices", clip(String.join(",", order.invoices())),
                "ar_purpose", clip(order.purpose()));
        String what = (order.invoices().size() == 1 ? "Invoice " : "Invoices ") + String.join(", ", order.invoices())
                + " — " + order.customerName();
        PaymentLinkCreateParams params = PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PaymentLinkCreateParams.LineItem.PriceData.builder()
                                .setCurrency(order.amount()
                                        .currency()
                                        .getCurrencyCode()
                                        .toLowerCase(Locale.ROOT))
                                .setUnitAmount(order.amount().minor())
                                .setProductData(PaymentLinkCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(what.length() > 250 ? what.substring(0, 249) + "…" : what)
                                        .build())
                                .build())
                        .build())
                .putAllMetadata(metadata)
                .setPaymentIntentData(PaymentLinkCreateParams.PaymentIntentData.builder()
                        .putAllMetadata(metadata)
                        .setDescription(clip(what))
                        .build())
                .setRestrictions(PaymentLinkCreateParams.Restrictions.builder()
                        .setCompletedSessions(PaymentLinkCreateParams.Restrictions.CompletedSessions.builder()
                                .setLimit(1L)
                                .build())
                        .build())
                .setInactiveMessage(INACTIVE)
                .build();
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(order.idempotencyKey(tenant.value()))
                .build();
        try {
            PaymentLink link = client.v1().paymentLinks().create(params, options);
            return new PayLink(
                    link.getId(),
                    link.getUrl(),
                    order.customer(),
                    order.invoices(),
                    order.amount(),
                    order.purpose(),
                    at,
                    Boolean.TRUE.equals(link.getActive()));
        } catch (StripeException e) {
            throw failure("create a payment link", e);
        }
    }

    @Override
    public void retire(TenantId tenant, String linkId) {
        try {
            client.v1()
                    .paymentLinks()
                    .update(
                            linkId,
                            PaymentLinkUpdateParams.builder().setActive(false).build());
        } catch (StripeException e) {
            throw failure("deactivate payment link " + linkId, e);
        }
    }

    private static String clip(String s) {
        return s.length() > METADATA_MAX ? s.substring(0, METADATA_MAX - 1) + "…" : s;
    }

    static RuntimeException failure(String what, StripeException e) {
        Integer status = e.getStatusCode();
        boolean passes = e instanceof ApiConnectionException
                || e instanceof RateLimitException
                || (e instanceof ApiException && (status == null || status >= 500))
                || (status != null && (status == 409 || status >= 500));
        String message = "Stripe could not " + what + ": " + e.getMessage();
        return passes ? new TransientFailure(message, e) : new PermanentFailure(message, e);
    }
}
