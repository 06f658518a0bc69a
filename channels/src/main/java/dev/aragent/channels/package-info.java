/**
 * Channels to people outside email: AR staff in Slack (Bolt: approval cards, buttons, modals, notices) and debtors by
 * SMS (Twilio Conversations). Start with {@link dev.aragent.channels.SlackApprovalGateway} and
 * {@link dev.aragent.channels.TwilioSmsSender}.
 */
@NullMarked
package dev.aragent.channels;

import org.jspecify.annotations.NullMarked;
