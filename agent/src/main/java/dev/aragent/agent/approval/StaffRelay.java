package dev.aragent.agent.approval;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.ApprovalGateway;
import dev.aragent.agent.spi.StaffFeed;
import dev.aragent.agent.spi.TransientFailure;
import java.time.Clock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows AR staff what they must see, at least once: new approvals as cards with buttons, decided ones updated to say who
 * decided and when, notices. A workspace that cannot be reached is tried again on the next pass.
 */
public final class StaffRelay {
    private static final Logger LOG = LoggerFactory.getLogger(StaffRelay.class);

    private final StaffFeed feed;
    private final ApprovalGateway gateway;
    private final BiFunction<TenantId, Approval, ApprovalCard> cards;
    private final Clock clock;

    private StaffRelay(
            StaffFeed feed, ApprovalGateway gateway, BiFunction<TenantId, Approval, ApprovalCard> cards, Clock clock) {
        this.feed = feed;
        this.gateway = gateway;
        this.cards = cards;
        this.clock = clock;
    }

    /** {@code cards} builds what a card shows (balance now, risk, the drafted reply). */
    public static StaffRelay create(
            StaffFeed feed, ApprovalGateway gateway, BiFunction<TenantId, Approval, ApprovalCard> cards, Clock clock) {
        return new StaffRelay(feed, gateway, cards, clock);
    }

    /** What one pass showed. */
    public record Pass(int posted, int updated, int notices) {}

    public Pass relay(TenantId tenant) {
        int posted = 0;
        int updated = 0;
        int notices = 0;
        try {
            for (Approval a : feed.unposted(tenant)) {
                feed.posted(tenant, a.id(), gateway.post(cards.apply(tenant, a)), clock.instant());
                posted++;
            }
            for (StaffFeed.Card c : feed.outdated(tenant)) {
                gateway.update(c.where(), cards.apply(tenant, c.approval()));
                feed.cardUpdated(tenant, c.approval().id(), clock.instant());
                updated++;
            }
            for (StaffFeed.Notice n : feed.unsent(tenant, 20)) {
                gateway.notify(n.text());
                feed.sent(tenant, n.id(), clock.instant());
                notices++;
            }
        } catch (TransientFailure e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("staff workspace unreachable; will try again");
        }
        return new Pass(posted, updated, notices);
    }
}
