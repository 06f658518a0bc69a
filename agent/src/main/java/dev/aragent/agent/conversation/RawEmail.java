package dev.aragent.agent.conversation;

import java.time.Instant;

/**
 * A message as a mailbox delivered it, before anyone read it. {@code (mailbox, uidValidity, uid)} is its place in the
 * mailbox; {@code bytes} is the RFC 5322 message (PII: never logged).
 */
public record RawEmail(String mailbox, long uidValidity, long uid, byte[] bytes, Instant receivedAt) {}
