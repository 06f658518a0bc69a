package dev.aragent.ragindex;

import dev.aragent.agent.grounding.Chunk;
import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.grounding.Fusion;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.grounding.Query;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.Retriever;
import dev.aragent.agent.spi.TransientFailure;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The production {@link Retriever}: chunks in PostgreSQL with pgvector, beside the ledger. A btree on
 * {@code (tenant_id, account)} lets the planner read one account's rows exactly (STACK.md: without it HNSW's filtered
 * walk starves, recall 0.6); the HNSW index serves tenant-wide queries; a GIN index serves the keyword side. Ranks
 * fused as in every retriever ({@link Fusion}).
 */
public final class PgVectorRetriever implements Retriever, VectorIndex {
    private final DataSource dataSource;
    private final String table;

    private PgVectorRetriever(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Creates the extension, table and indexes if missing. {@code table} lets tests and benchmarks keep apart. */
    public static PgVectorRetriever create(DataSource dataSource, String table, int dimensions) {
        if (!table.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("table name must be lower-case letters, digits or _: " + table);
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists vector");
            s.execute("create table if not exists " + table
                    + " (tenant_id text not null, chunk_id text not null, doc_key text not null,"
                    + " account text not null, type text not null, source_id text not null, day date not null, body text not null,"
                    + " tsv tsvector generated always as (to_tsvector('english', body)) stored, embedding vector("
                    + dimensions
                    + ") not null, primary key (tenant_id, chunk_id))");
            s.execute("create index if not exists " + table + "_account on " + table + " (tenant_id, account)");
            s.execute("create index if not exists " + table + "_doc on " + table + " (tenant_id, doc_key)");
            s.execute(hnsw(table));
            s.execute("create index if not exists " + table + "_tsv on " + table + " using gin (tsv)");
        } catch (SQLException e) {
            throw new PermanentFailure(
                    "cannot prepare pgvector table " + table + ": " + e.getMessage()
                            + " (is the vector extension installed? scripts/pgvector-dev.sh builds it)",
                    e);
        }
        return new PgVectorRetriever(dataSource, table);
    }

    private static String hnsw(String table) {
        return "create index if not exists " + table + "_hnsw on " + table
                + " using hnsw (embedding vector_ip_ops) with (m = 16, ef_construction = 128)";
    }

    /**
     * Loads many chunks at once (a first import, a rebuild): drops the HNSW index, runs {@code load} (which calls
     * {@link #upsert}), then builds the index in one pass with {@code maintenanceMemory} (e.g. "2GB") and {@code
     * workers} parallel maintenance workers — much faster than growing the graph row by row — and refreshes the
     * table's statistics. Queries during the load still answer: account-scoped ones from the btree, tenant-wide ones
     * by a scan.
     */
    public void bulkLoad(Runnable load, String maintenanceMemory, int workers) {
        if (!maintenanceMemory.matches("\\d+(kB|MB|GB)")) {
            throw new IllegalArgumentException("maintenance memory like 512MB or 2GB: " + maintenanceMemory);
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop index if exists " + table + "_hnsw");
        } catch (SQLException e) {
            throw new TransientFailure("cannot drop the HNSW index of " + table + ": " + e.getMessage(), e);
        }
        load.run();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set maintenance_work_mem = '" + maintenanceMemory + "'");
            s.execute("set max_parallel_maintenance_workers = " + Math.max(0, workers));
            s.execute(hnsw(table));
            s.execute("reset maintenance_work_mem");
            s.execute("reset max_parallel_maintenance_workers");
            s.execute("analyze " + table); // fresh statistics, or the planner may scan instead of using the indexes
        } catch (SQLException e) {
            throw new TransientFailure("cannot build the HNSW index of " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void upsert(TenantId tenant, List<Chunk> chunks) {
        Set<String> docs = new LinkedHashSet<>();
        chunks.forEach(c -> docs.add(c.document().key()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            deleteDocs(c, tenant, List.copyOf(docs));
            try (PreparedStatement ps = c.prepareStatement("insert into " + table
                    + " (tenant_id, chunk_id, doc_key, account, type, source_id, day, body, embedding)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as vector))")) {
                for (Chunk chunk : chunks) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, chunk.id());
                    ps.setString(3, chunk.document().key());
                    ps.setString(4, chunk.document().account().value());
                    ps.setString(5, chunk.document().type().name());
                    ps.setString(6, chunk.document().sourceId());
                    ps.setDate(7, Date.valueOf(chunk.document().date()));
                    ps.setString(8, chunk.text());
                    ps.setString(9, literal(chunk.vector()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new TransientFailure("cannot write to pgvector: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(TenantId tenant, List<String> documentKeys) {
        try (Connection c = dataSource.getConnection()) {
            deleteDocs(c, tenant, documentKeys);
        } catch (SQLException e) {
            throw new TransientFailure("cannot delete from pgvector: " + e.getMessage(), e);
        }
    }

    private void deleteDocs(Connection c, TenantId tenant, List<String> keys) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("delete from " + table + " where tenant_id = ? and doc_key = any(?)")) {
            ps.setString(1, tenant.value());
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            ps.executeUpdate();
        }
    }

    @Override
    public List<Passage> retrieve(Query q) {
        int n = Math.max(q.k() * 4, 40);
        String scope = "tenant_id = ?" + (q.account().isPresent() ? " and account = ?" : "");
        try (Connection c = dataSource.getConnection()) {
            List<Fusion.Candidate> byVector;
            try (PreparedStatement ps = c.prepareStatement(vectorSql(q.account().isPresent(), "*"))) {
                int i = bindScope(ps, q);
                ps.setString(i++, literal(q.vector()));
                ps.setInt(i, n);
                byVector = candidates(ps);
            }
            List<Fusion.Candidate> byKeyword = List.of();
            String terms = Fusion.words(q.text()).stream()
                    .filter(w -> w.length() > 1)
                    .distinct()
                    .limit(32)
                    .collect(Collectors.joining(" | "));
            if (!terms.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select * from " + table + " where " + scope
                                + " and tsv @@ to_tsquery('english', ?) order by ts_rank_cd(tsv, to_tsquery('english', ?)) desc, chunk_id limit ?")) {
                    int i = bindScope(ps, q);
                    ps.setString(i++, terms);
                    ps.setString(i++, terms);
                    ps.setInt(i, n);
                    byKeyword = candidates(ps);
                }
            }
            return Fusion.fuse(byVector, byKeyword, q.today(), q.k());
        } catch (SQLException e) {
            throw new TransientFailure("cannot search pgvector: " + e.getMessage(), e);
        }
    }

    /**
     * Nearest chunks by inner product. With an account, the account's rows are read through the btree first (a
     * materialized CTE keeps the planner from walking HNSW with a filter, which starves) and sorted exactly.
     */
    private String vectorSql(boolean account, String columns) {
        return account
                ? "with scope as materialized (select * from " + table + " where tenant_id = ? and account = ?) select "
                        + columns + " from scope order by embedding <#> cast(? as vector) limit ?"
                : "select " + columns + " from " + table
                        + " where tenant_id = ? order by embedding <#> cast(? as vector) limit ?";
    }

    private static int bindScope(PreparedStatement ps, Query q) throws SQLException {
        ps.setString(1, q.tenant().value());
        if (q.account().isPresent()) {
            ps.setString(2, q.account().get().value());
            return 3;
        }
        return 2;
    }

    private static List<Fusion.Candidate> candidates(PreparedStatement ps) throws SQLException {
        List<Fusion.Candidate> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Fusion.Candidate(
                        rs.getString("chunk_id"),
                        new Passage(
                                DocType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                                rs.getString("source_id"),
                                rs.getString("account"),
                                rs.getDate("day").toLocalDate(),
                                rs.getString("body"),
                                0)));
            }
        }
        return out;
    }

    /** {@inheritDoc} HNSW's {@code ef_search} is set to {@code candidates}. */
    @Override
    public List<String> nearest(TenantId tenant, Optional<CustomerKey> account, float[] vector, int k, int candidates) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local hnsw.ef_search = " + Math.max(k, candidates));
            }
            try (PreparedStatement ps = c.prepareStatement(vectorSql(account.isPresent(), "chunk_id"))) {
                ps.setString(1, tenant.value());
                int i = 2;
                if (account.isPresent()) {
                    ps.setString(i++, account.get().value());
                }
                ps.setString(i++, literal(vector));
                ps.setInt(i, k);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                c.commit();
                return ids;
            }
        } catch (SQLException e) {
            throw new TransientFailure("cannot search pgvector: " + e.getMessage(), e);
        }
    }

    /** Drops the table (benchmarks clean up after themselves). */
    public void drop() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists " + table);
        } catch (SQLException e) {
            throw new TransientFailure("cannot drop " + table + ": " + e.getMessage(), e);
        }
    }

    static String literal(float[] v) {
        StringBuilder b = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(v[i]);
        }
        return b.append(']').toString();
    }

    @Override
    public String toString() {
        return "PgVectorRetriever[" + table + "]";
    }
}
