/**
 * Streaming voice over WebSocket: Twilio ConversationRelay (Twilio does speech recognition and synthesis; text in and
 * out) driving the agent's {@link dev.aragent.agent.voice.VoiceSession}. Start with
 * {@link dev.aragent.voicebridge.ConversationRelay}.
 */
@NullMarked
package dev.aragent.voicebridge;

import org.jspecify.annotations.NullMarked;
