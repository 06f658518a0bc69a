package dev.aragent.agent.app;

import dev.aragent.agent.approval.ApprovalDesk;
import dev.aragent.agent.approval.StaffRelay;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.SmsDesk;
import dev.aragent.agent.crm.CrmDispatcher;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.voice.CallDesk;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's background work, a round at a time (a use case): lapse old approvals, show staff what is new, send the
 * texts waiting, deliver CRM events, place the calls that are due; and, less often, the scheduled step of every
 * conversation (promises past their date settled, unanswered messages followed up). A round that fails is logged and
 * the next one retries: nothing in it is lost, everything waits in its outbox.
 */
public final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    /** What one round did. */
    public record Round(int expired, int shown, int texts, int crmDelivered, int calls) {}

    private final ApprovalDesk approvals;
    private final Optional<StaffRelay> relay;
    private final MailDesk mail;
    private final Optional<SmsDesk> sms;
    private final Optional<CrmDispatcher> crm;
    private final CallDesk calls;

    private BackgroundWork(
            ApprovalDesk approvals,
            Optional<StaffRelay> relay,
            MailDesk mail,
            Optional<SmsDesk> sms,
            Optional<CrmDispatcher> crm,
            CallDesk calls) {
        this.approvals = approvals;
        this.relay = relay;
        this.mail = mail;
        this.sms = sms;
        this.crm = crm;
        this.calls = calls;
    }

    /** The work of a back office whose staff relay, texts and CRM are each present when configured. */
    public static BackgroundWork create(
            ApprovalDesk approvals,
            Optional<StaffRelay> relay,
            MailDesk mail,
            Optional<SmsDesk> sms,
            Optional<CrmDispatcher> crm,
            CallDesk calls) {
        return new BackgroundWork(approvals, relay, mail, sms, crm, calls);
    }

    /** One round: lapse, show, send, deliver, call. */
    public Round round(TenantId tenant) {
        int expired = 0;
        int shown = 0;
        int texts = 0;
        int delivered = 0;
        int placed = 0;
        try {
            expired = approvals.expireDue(tenant).size();
            shown = relay.map(r -> {
                        StaffRelay.Pass p = r.relay(tenant);
                        return p.posted() + p.updated() + p.notices();
                    })
                    .orElse(0);
            texts = sms.map(d -> d.dispatch(tenant, 50)).orElse(0);
            delivered = crm.map(d -> d.dispatch(tenant, 100).delivered()).orElse(0);
            placed = calls.callsDue(tenant);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("background round failed; the next one retries");
        }
        return new Round(expired, shown, texts, delivered, placed);
    }

    /**
     * The scheduled step of every conversation, by email and by text: promises past their date settled (kept or
     * broken), unanswered messages followed up. Returns how many turns were taken.
     */
    public int followUps(TenantId tenant) {
        try {
            return mail.followUps(tenant).size()
                    + sms.map(d -> d.followUps(tenant).size()).orElse(0);
        } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).log("follow-ups failed; the next round retries");
            return 0;
        }
    }
}
