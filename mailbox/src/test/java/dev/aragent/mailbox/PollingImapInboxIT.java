package dev.aragent.mailbox;

/**
 * The inbox contract against GreenMail with IDLE turned off in the adapter's config: {@code awaitNew} sleeps out its
 * timeout (polling), and the fetch after it finds what arrived meanwhile.
 */
class PollingImapInboxIT extends ImapInboxIT {
    @Override
    boolean idle() {
        return false;
    }
}
