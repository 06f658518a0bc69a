package dev.aragent.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a CRM's answer is sorted: by its status code, never by words in its body. */
class CrmHttpTest {
    HttpServer server;
    volatile int status;
    volatile String body;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String send(Set<Integer> alsoDone) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
        return CrmHttp.send(CrmHttp.client(), CrmHttp.request(uri).GET().build(), "test CRM", alsoDone);
    }

    @Test
    void aStatusNamedAsDoneIsDoneButARefusalThatMerelyMentionsItIsNot() {
        status = 409;
        body = "already have it";
        assertThat(send(Set.of(409))).isEqualTo("already have it");

        status = 422;
        body = "HTTP 409 is what you would get for a duplicate; this payload is invalid";
        assertThatThrownBy(() -> send(Set.of(409))).isInstanceOf(PermanentFailure.class);
    }

    @Test
    void aPassingFailureIsTransientAndAnyOtherRefusalPermanent() {
        status = 503;
        body = "busy";
        assertThatThrownBy(() -> send(Set.of())).isInstanceOf(TransientFailure.class);
        status = 409;
        assertThatThrownBy(() -> send(Set.of())).isInstanceOf(PermanentFailure.class);
    }
}
