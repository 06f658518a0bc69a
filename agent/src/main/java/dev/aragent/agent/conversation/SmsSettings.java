package dev.aragent.agent.conversation;

import java.time.ZoneId;

/**
 * The company's texting line as debtors see it: {@code ourNumber} (E.164) is the number debtors text and that signs our
 * texts; {@code defaultZone} is the debtor's time zone when the book does not know it (quiet hours are theirs).
 */
public record SmsSettings(String company, String ourNumber, ZoneId defaultZone) {
    public SmsSettings {
        if (!ourNumber.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("our SMS number must be E.164 like +15555550100: " + ourNumber);
        }
    }
}
