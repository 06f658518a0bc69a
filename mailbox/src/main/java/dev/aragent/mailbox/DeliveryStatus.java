package dev.aragent.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the machine part of a delivery status notification (RFC 3464: message/delivery-status). */
final class DeliveryStatus {
    private DeliveryStatus() {}

    static Mail.DeliveryReport read(String text) {
        List<String> failed = new ArrayList<>();
        String action = "";
        Optional<String> diagnostic = Optional.empty();
        String recipient = null;
        for (String raw : text.replace("\r\n", "\n").split("\n")) {
            int colon = raw.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1).strip();
            switch (name) {
                case "final-recipient", "original-recipient" -> {
                    if (recipient == null || name.equals("final-recipient")) {
                        recipient = value.contains(";")
                                ? value.substring(value.indexOf(';') + 1).strip()
                                : value;
                    }
                }
                case "action" -> {
                    action = value.toLowerCase(Locale.ROOT);
                    if (action.equals("failed") && recipient != null) {
                        failed.add(recipient.toLowerCase(Locale.ROOT));
                    }
                }
                case "diagnostic-code" -> diagnostic = Optional.of(value);
                default -> {}
            }
        }
        return new Mail.DeliveryReport(failed, action, diagnostic);
    }
}
