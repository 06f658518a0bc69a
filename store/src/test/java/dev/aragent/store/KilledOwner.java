package dev.aragent.store;

import java.nio.file.Path;

/**
 * A process that starts an embedded PostgreSQL and dies without stopping it, as a killed ar-agent does: {@code
 * embedded DIR} (a kept data directory, with a row in it) or {@code throwaway} (in {@code java.io.tmpdir}). It prints
 * the data directory, then halts: no shutdown hook runs.
 */
public final class KilledOwner {
    private KilledOwner() {}

    public static void main(String[] args) {
        Database db = args[0].equals("embedded") ? Database.embedded(Path.of(args[1])) : Database.throwaway();
        db.jdbi().useHandle(h -> h.execute("create table if not exists survived (x int)"));
        db.jdbi().useHandle(h -> h.execute("insert into survived values (42)"));
        String dir = db.description().replaceAll(".*data in (.*), port.*", "$1");
        System.out.println(dir);
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }
}
