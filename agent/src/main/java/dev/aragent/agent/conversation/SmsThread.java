package dev.aragent.agent.conversation;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An SMS conversation's addressing: the debtor's phone, our number, the provider's conversation once it exists, and
 * the debtor's time zone for quiet hours.
 */
public record SmsThread(
        ConversationId conversation,
        CustomerKey customer,
        String phone,
        String ourNumber,
        Optional<String> providerSid,
        Optional<ZoneId> zone) {}
