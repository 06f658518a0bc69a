package dev.aragent.agent.imports;

/**
 * What writing a batch changed in the book.
 *
 * @param closed open invoices absent from a newer aging snapshot, now marked closed
 */
public record Changes(int inserted, int updated, int unchanged, int closed) {
    public static final Changes NONE = new Changes(0, 0, 0, 0);

    public boolean any() {
        return inserted + updated + closed > 0;
    }

    public Changes plus(Changes other) {
        return new Changes(
                inserted + other.inserted, updated + other.updated, unchanged + other.unchanged, closed + other.closed);
    }
}
