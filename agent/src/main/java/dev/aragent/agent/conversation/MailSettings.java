package dev.aragent.agent.conversation;

/**
 * The company's AR mailbox as debtors see it. Replies come back to {@code local+token@domain}, so each conversation
 * is found by its token.
 */
public record MailSettings(String address, String displayName, String company) {
    public MailSettings {
        if (!address.matches("[^@\\s+]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException(
                    "the AR mailbox must be a plain address like ar@company.com: " + address);
        }
    }

    public String local() {
        return address.substring(0, address.indexOf('@'));
    }

    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** The plus-address replies to a conversation come back to. */
    public String replyAddress(String token) {
        return local() + "+" + token + "@" + domain();
    }
}
