package dev.aragent.agent.conversation;

/** What a reader made of raw bytes. */
public sealed interface Reading {
    record Read(EmailFacts facts) implements Reading {}

    record Unreadable(String reason) implements Reading {}
}
