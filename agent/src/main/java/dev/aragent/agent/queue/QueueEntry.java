package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Invoice;

/**
 * One action on today's queue: which invoice, for whom, through which channel, and why it ranks where it does.
 *
 * @param score the ordering key (higher first); its meaning is stated in {@code reason}
 */
public record QueueEntry(
        int rank, Invoice invoice, String customerName, long daysPastDue, long score, Channel channel, String reason) {

    /** How the customer will be reached. */
    public enum Channel {
        EMAIL,
        SMS,
        PHONE,
        /** No reachable contact (none on file, or all opted out): a person must find one. */
        NONE
    }
}
