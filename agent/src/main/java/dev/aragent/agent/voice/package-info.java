/**
 * Calls: one {@link dev.aragent.agent.voice.VoiceSession} per call runs the same brain as email and SMS in real time —
 * AI disclosure and recording notice first, the right party confirmed before any account detail, every offer through
 * the policy engine, a read-back that must be confirmed before a promise counts, a warm transfer to a person on request.
 * The protocols (ConversationRelay, Media Streams) live in {@code voice-bridge}.
 */
@NullMarked
package dev.aragent.agent.voice;

import org.jspecify.annotations.NullMarked;
