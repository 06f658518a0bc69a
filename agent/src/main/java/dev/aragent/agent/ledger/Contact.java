package dev.aragent.agent.ledger;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person or mailbox at a customer, with the channels they may be reached on. {@code voiceConsent}: consent is on
 * record for calls with an AI voice to their phone (TCPA-style prior express consent: given on the credit
 * application, in the import, or by asking us to call); without it only a person calls them.
 */
public record Contact(
        String name,
        Optional<String> email,
        Optional<String> phone,
        String role,
        boolean emailOptOut,
        boolean smsOptOut,
        boolean voiceConsent) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Contact {
        email.ifPresent(e -> {
            if (!EMAIL.matcher(e).matches()) {
                throw new IllegalArgumentException("not an email address: " + e);
            }
        });
        phone.ifPresent(p -> {
            if (!PHONE.matcher(p).matches()) {
                throw new IllegalArgumentException("phone must be E.164 (+15551234567): " + p);
            }
        });
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a contact needs an email or a phone");
        }
        role = role == null || role.isBlank() ? "billing" : role;
        name = name == null ? "" : name;
    }

    /** A contact with no consent on record for AI-voice calls. */
    public Contact(
            String name,
            Optional<String> email,
            Optional<String> phone,
            String role,
            boolean emailOptOut,
            boolean smsOptOut) {
        this(name, email, phone, role, emailOptOut, smsOptOut, false);
    }
}
