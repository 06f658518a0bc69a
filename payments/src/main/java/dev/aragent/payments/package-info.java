/**
 * Money in online: the {@link dev.aragent.agent.spi.PayLinks} adapter on Stripe's API ({@link
 * dev.aragent.payments.StripePayLinks}: a Payment Link per amount asked, through stripe-java, retired when paid or
 * stale) and the reading of Stripe's signed webhook ({@link dev.aragent.payments.StripeWebhooks}: {@code
 * Stripe-Signature} verified with a replay window on the injected clock, a completed checkout turned into a payment).
 */
@NullMarked
package dev.aragent.payments;

import org.jspecify.annotations.NullMarked;
