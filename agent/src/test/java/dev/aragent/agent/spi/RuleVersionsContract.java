package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.rules.RuleSheet;
import dev.aragent.agent.rules.RuleVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RuleVersions} must do: versions numbered from 1 in the order saved, each kept whole with who and
 * when; a save based on an outdated version refused; one tenant never sees another's.
 */
public interface RuleVersionsContract {
    RuleVersions versions();

    /** The tenant exists. */
    void givenTenant(TenantId tenant);

    Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    RuleSheet FIRST = RuleSheet.of(Map.of(
            "cadence.0",
            "0",
            "cadence.1",
            "10",
            "segments.restaurants.note",
            "pay late — but pay \"always\"; <b>not</b> bold"));
    RuleSheet SECOND = FIRST.with("caps.email.max", "2");

    default TenantId freshTenant() {
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenTenant(t);
        return t;
    }

    @Test
    default void versionsAreNumberedInOrderAndKeptWholeWithWhoAndWhen() {
        TenantId t = freshTenant();
        assertThat(versions().latest(t)).isEmpty();

        RuleVersion one = versions()
                .save(t, 0, FIRST, "dana@acme.example", "restaurants", NOW)
                .orElseThrow();
        RuleVersion two = versions()
                .save(t, 1, SECOND, "sam@acme.example", "", NOW.plus(Duration.ofHours(1)))
                .orElseThrow();

        assertThat(one.number()).isEqualTo(1);
        assertThat(two.number()).isEqualTo(2);
        assertThat(versions().latest(t)).contains(two);
        assertThat(versions().history(t, 10)).containsExactly(two, one);
        assertThat(versions().history(t, 1)).containsExactly(two);
        assertThat(versions().version(t, 1)).contains(one);
        assertThat(versions().version(t, 1).orElseThrow().sheet()).isEqualTo(FIRST);
        assertThat(versions().version(t, 3)).isEmpty();
    }

    @Test
    default void aSaveBasedOnAnOutdatedVersionIsRefusedAndChangesNothing() {
        TenantId t = freshTenant();
        assertThat(versions().save(t, 0, FIRST, "dana@acme.example", "", NOW)).isPresent();

        assertThat(versions().save(t, 0, SECOND, "sam@acme.example", "", NOW)).isEmpty();
        assertThat(versions().save(t, 2, SECOND, "sam@acme.example", "", NOW)).isEmpty();
        assertThat(versions().history(t, 10)).extracting(RuleVersion::sheet).containsExactly(FIRST);
    }

    @Test
    default void oneTenantNeverSeesAnothersRules() {
        TenantId mine = freshTenant();
        TenantId theirs = freshTenant();
        assertThat(versions().save(theirs, 0, FIRST, "dana@acme.example", "", NOW))
                .isPresent();

        assertThat(versions().latest(mine)).isEmpty();
        assertThat(versions().history(mine, 10)).isEmpty();
        assertThat(versions().version(mine, 1)).isEmpty();
        assertThat(versions().save(mine, 0, SECOND, "sam@acme.example", "", NOW))
                .map(RuleVersion::number)
                .contains(1);
    }
}
