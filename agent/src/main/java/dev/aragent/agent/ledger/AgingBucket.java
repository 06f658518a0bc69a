package dev.aragent.agent.ledger;

/** The standard AR aging buckets by days past due. */
public enum AgingBucket {
    CURRENT("current", Long.MIN_VALUE, 0),
    DAYS_1_30("1-30", 1, 30),
    DAYS_31_60("31-60", 31, 60),
    DAYS_61_90("61-90", 61, 90),
    DAYS_90_PLUS("90+", 91, Long.MAX_VALUE);

    private final String label;
    private final long from;
    private final long to;

    AgingBucket(String label, long from, long to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public static AgingBucket of(long daysPastDue) {
        for (AgingBucket bucket : values()) {
            if (daysPastDue >= bucket.from && daysPastDue <= bucket.to) {
                return bucket;
            }
        }
        throw new IllegalStateException("no bucket for " + daysPastDue);
    }
}
