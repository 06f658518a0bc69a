/**
 * Real mailboxes: MIME parsing with mime4j, conversation threading (JWZ), reply extraction (new text without quoted
 * history or signature), and recognition of auto-replies and bounces. Start with {@link
 * dev.aragent.mailbox.ReplyExtractor}.
 */
@NullMarked
package dev.aragent.mailbox;

import org.jspecify.annotations.NullMarked;
