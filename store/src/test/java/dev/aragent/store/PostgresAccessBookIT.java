package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Membership;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.spi.AccessBook;
import dev.aragent.agent.spi.AccessBookContract;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresAccessBookIT implements AccessBookContract {
    private static Database database;
    private static PostgresAccessBook book;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        book = PostgresAccessBook.create(database);
    }

    @Override
    public AccessBook book() {
        return book;
    }

    @Test
    void enrollingAPersonIsAuditedUnderTheActorAndNoPasswordIsStoredInTheClear() {
        book.enroll(
                "audit-check@north.example",
                "Audit Check",
                Optional.of("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
                new Membership(NORTH, Role.COLLECTOR, Optional.empty()),
                BY_ADMIN);

        var rows = database.jdbi()
                .withHandle(h -> h.createQuery(
                                "select actor, action, detail::text from audit_log where subject = 'audit-check@north.example'")
                        .mapToMap()
                        .list());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("actor")).isEqualTo(BY_ADMIN.actor());
            assertThat(r.get("action")).isEqualTo("person.enrolled");
            assertThat((String) r.get("detail")).contains("collector");
        });
        String stored = database.jdbi()
                .withHandle(
                        h -> h.createQuery("select password_hash from people where login = 'audit-check@north.example'")
                                .mapTo(String.class)
                                .one());
        assertThat(stored).startsWith("$argon2id$");
    }
}
