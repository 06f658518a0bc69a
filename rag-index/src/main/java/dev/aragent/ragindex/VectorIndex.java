package dev.aragent.ragindex;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;
import java.util.Optional;

/** The vector side of a retriever on its own, so benchmarks can measure recall against exact search. */
public interface VectorIndex {
    /** Ids of the {@code k} chunks nearest to {@code vector} in the tenant (and account), exploring {@code candidates}. */
    List<String> nearest(TenantId tenant, Optional<CustomerKey> account, float[] vector, int k, int candidates);
}
