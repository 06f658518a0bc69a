package dev.aragent.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.spi.PayLinks;
import dev.aragent.agent.spi.PayLinksContract;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import dev.aragent.loopback.FakeStripe;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract against the loopback Stripe through stripe-java: a Payment Link for exactly the amount, our tenant,
 * customer and invoices in its metadata, one completed payment at most; a retried order made once (idempotency key);
 * deactivation; Stripe down is a transient failure, a wrong key a permanent one.
 */
class StripePayLinksTest implements PayLinksContract {
    private static final String KEY = "sk_test_payments";

    private FakeStripe stripe;
    private StripePayLinks links;

    @BeforeEach
    void start() {
        stripe = FakeStripe.start(KEY, "whsec_test", Clock.fixed(AT, ZoneOffset.UTC));
        links = StripePayLinks.create(KEY, Optional.of(stripe.base()));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Override
    public PayLinks links() {
        return links;
    }

    @Override
    public boolean takesPayments(String linkId) {
        return stripe.link(linkId).map(FakeStripe.Link::active).orElse(false);
    }

    @Test
    void theLinkAtStripeShouldNameTheInvoicesAndCarryOurKeysForOnePayment() {
        PayLink link = links.create(TENANT, PayLinksContract.order(169000, "INV-1041", "INV-1043"), AT);

        FakeStripe.Link at = stripe.link(link.id()).orElseThrow();
        assertThat(at.amount()).isEqualTo(169000);
        assertThat(at.currency()).isEqualTo("usd");
        assertThat(at.product()).isEqualTo("Invoices INV-1041, INV-1043 — Brightside Dental");
        assertThat(at.metadata())
                .containsEntry("ar_tenant", "acme")
                .containsEntry("ar_customer", "C-1")
                .containsEntry("ar_invoices", "INV-1041,INV-1043");
        assertThat(at.limit()).isEqualTo(1);
        assertThat(link.url()).isEqualTo(at.url());
        assertThat(stripe.linksCreated()).isEqualTo(1);
    }

    @Test
    void stripeDownShouldBeATransientFailureAndAWrongKeyAPermanentOne() {
        stripe.failNext(5);
        assertThatThrownBy(() -> links.create(TENANT, PayLinksContract.order(100, "INV-1"), AT))
                .isInstanceOf(TransientFailure.class)
                .hasMessageContaining("Stripe could not create a payment link");

        StripePayLinks wrong = StripePayLinks.create("sk_test_wrong", Optional.of(stripe.base()));
        assertThatThrownBy(() -> wrong.create(TENANT, PayLinksContract.order(100, "INV-1"), AT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("Invalid API Key");
        assertThat(stripe.linksCreated()).isZero();
    }
}
