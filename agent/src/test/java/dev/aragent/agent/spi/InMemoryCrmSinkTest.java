package dev.aragent.agent.spi;

import java.util.List;
import java.util.Optional;

class InMemoryCrmSinkTest implements CrmSinkContract {
    private final InMemoryCrmSink sink = new InMemoryCrmSink();

    @Override
    public CrmSink sink() {
        return sink;
    }

    @Override
    public List<Received> received() {
        return sink.written().stream()
                .map(w -> new Received(
                        Optional.of(w.tenant()),
                        Optional.of(w.event().kind()),
                        w.event().customer(),
                        w.event().contactEmail(),
                        w.event().note()))
                .toList();
    }

    @Override
    public List<String> tasks() {
        return sink.written().stream().flatMap(w -> w.event().tasks().stream()).toList();
    }

    @Override
    public void crmFailsNext(int n) {
        sink.failNext(n);
    }

    @Override
    public void crmRefusesTheSink() {
        sink.refuse("HTTP 401 bad credentials");
    }
}
