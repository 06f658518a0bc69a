package dev.aragent.agent.access;

/** A person with their membership in one tenant. */
public record Member(Person person, Membership membership) {}
