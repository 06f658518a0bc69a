package dev.aragent.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WallsTest {
    @Test
    void theServiceAnswersToItsNamesAndToAddressesNotToOtherNames() {
        Walls walls = Walls.of("0.0.0.0", Optional.of(URI.create("https://ar.northwind.example")));
        assertThat(walls.answersTo(Walls.name("ar.northwind.example."))).isTrue();
        assertThat(walls.answersTo(Walls.name("localhost:8080"))).isTrue();
        // a health probe or a proxy addressing the machine by IP
        assertThat(walls.answersTo(Walls.name("10.1.2.3:8080"))).isTrue();
        assertThat(walls.answersTo(Walls.name("[fe80::1]:8080"))).isTrue();
        // DNS rebinding needs a name
        assertThat(walls.answersTo(Walls.name("evil.example"))).isFalse();
    }

    @Test
    void anOriginIsOursOnlyWithTheSameHostAndPort() {
        assertThat(Walls.sameOrigin("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(Walls.sameOrigin("https://ar.northwind.example", "ar.northwind.example"))
                .isTrue();
        // another app on the same machine is another site
        assertThat(Walls.sameOrigin("http://localhost:3000", "localhost:8080")).isFalse();
        assertThat(Walls.sameOrigin("https://evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(Walls.sameOrigin("null", "localhost:8080")).isFalse();
    }
}
