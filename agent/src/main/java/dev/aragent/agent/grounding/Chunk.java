package dev.aragent.agent.grounding;

/** A piece of a document as indexed, with its embedding. {@code id} is the document key plus the chunk's position. */
public record Chunk(String id, Document document, int position, String text, float[] vector) {}
