package dev.aragent.server;

import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.mailbox.ImapInbox;
import dev.aragent.mailbox.SmtpSender;
import java.util.Map;
import java.util.Optional;

/**
 * The AR mailbox the service watches and sends from, when configured ({@code mail.*} in ar-agent.yaml or
 * {@code AR_MAIL_*}). Absent when {@code mail.address} is not set. Passwords are masked in {@link #toString()}.
 */
public record MailConfig(MailSettings identity, ImapInbox.Config imap, SmtpSender.Config smtp) {

    static Optional<MailConfig> from(Map<String, String> v) {
        String address = v.get("mail.address");
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String user = v.getOrDefault("mail.imap.user", address);
        return Optional.of(new MailConfig(
                new MailSettings(
                        address,
                        v.getOrDefault("mail.name", "Accounts Receivable"),
                        v.getOrDefault("mail.company", "")),
                new ImapInbox.Config(
                        required(v, "mail.imap.host"),
                        port(v, "mail.imap.port", 993),
                        user,
                        v.getOrDefault("mail.imap.password", ""),
                        v.getOrDefault("mail.imap.folder", "INBOX"),
                        Boolean.parseBoolean(v.getOrDefault("mail.imap.ssl", "true")),
                        Boolean.parseBoolean(v.getOrDefault("mail.imap.idle", "true"))),
                new SmtpSender.Config(
                        required(v, "mail.smtp.host"),
                        port(v, "mail.smtp.port", 587),
                        v.getOrDefault("mail.smtp.user", user),
                        v.getOrDefault("mail.smtp.password", v.getOrDefault("mail.imap.password", "")),
                        Boolean.parseBoolean(v.getOrDefault("mail.smtp.starttls", "true")))));
    }

    private static String required(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required when mail.address is set (AR_"
                    + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + ")");
        }
        return value;
    }

    private static int port(Map<String, String> v, String key, int fallback) {
        return Integer.parseInt(v.getOrDefault(key, String.valueOf(fallback)));
    }
}
