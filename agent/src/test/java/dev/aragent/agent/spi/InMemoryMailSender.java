package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MailSender} in memory, for core tests; {@link MailSenderContract} checks it behaves as the real one. It
 * keeps every email it took, as written, and can fail for a while in a way that passes (SMTP 4xx).
 */
public final class InMemoryMailSender implements MailSender {
    private final List<OutboundEmail> sent = new ArrayList<>();
    private final Outage outage = new Outage();

    @Override
    public synchronized SendResult send(OutboundEmail email) {
        if (!email.to().matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            return new SendResult.Rejected("not an email address: " + email.to());
        }
        if (outage.down()) {
            return new SendResult.RetryLater(
                    Duration.ofMinutes(1), "SMTP 451: requested action aborted: local error in processing");
        }
        sent.add(email);
        return new SendResult.Sent();
    }

    /** Every email taken, in order. */
    public synchronized List<OutboundEmail> sent() {
        return List.copyOf(sent);
    }

    /** The provider's outage: take it down, bring it back. */
    public Outage outage() {
        return outage;
    }
}
