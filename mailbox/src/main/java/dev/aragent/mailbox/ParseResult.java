package dev.aragent.mailbox;

/** What became of a raw message: parsed, or quarantined with a stated reason (it never stops the loop). */
public sealed interface ParseResult {
    record Parsed(Mail mail) implements ParseResult {}

    record Quarantined(String reason) implements ParseResult {}
}
