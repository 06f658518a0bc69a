package dev.aragent.agent.access;

import dev.aragent.agent.ledger.TenantId;
import java.util.Optional;

/** A person's role in one tenant, and the Slack user who is them in that tenant's workspace, if any. */
public record Membership(TenantId tenant, Role role, Optional<String> slackUser) {
    public Membership {
        slackUser = slackUser.map(String::strip).filter(s -> !s.isEmpty());
        slackUser.ifPresent(s -> {
            if (!s.matches("[A-Z0-9]{2,32}")) {
                throw new IllegalArgumentException("a Slack user id looks like U0123ABCD: " + s);
            }
        });
    }
}
