package dev.aragent.agent.spi;

import java.util.UUID;

/**
 * An inbound message (email or text) as a journal stored it, once: {@code processed} when an earlier run already
 * finished with it, so a redelivery changes nothing.
 */
public record Recorded(UUID id, boolean processed) {}
