package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.MailDesk;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A port speaks values only (ADR 0031): every type in a port's signature is a record, an enum, a sealed interface of
 * values, a JDK type or another {@code spi} type — never one of the core's services — so an adapter implements a port
 * without needing the core's logic.
 */
class PortsSpeakValuesTest {
    private static final String SPI = "dev.aragent.agent.spi";

    /** The types in {@code t} that are not values. */
    static List<String> services(Type t) {
        List<String> out = new ArrayList<>();
        collect(t, out, new ArrayList<>());
        return out;
    }

    private static void collect(Type t, List<String> out, List<Class<?>> seen) {
        switch (t) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), out, seen);
            case Class<?> c when c.isPrimitive() || c.getName().startsWith("java.") -> {}
            case Class<?> c when c.getPackageName().equals(SPI) || c.isRecord() || c.isEnum() -> {}
            case Class<?> c
            when c.isInterface() && c.isSealed() -> {
                if (!seen.contains(c)) {
                    seen.add(c);
                    for (Class<?> p : c.getPermittedSubclasses()) {
                        collect(p, out, seen);
                    }
                }
            }
            case Class<?> c -> out.add(c.getName());
            case ParameterizedType p -> {
                collect(p.getRawType(), out, seen);
                for (Type a : p.getActualTypeArguments()) {
                    collect(a, out, seen);
                }
            }
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) {
                    collect(b, out, seen);
                }
                for (Type b : w.getLowerBounds()) {
                    collect(b, out, seen);
                }
            }
            default -> {}
        }
    }

    /** The ports: the top-level interfaces of {@code spi}. */
    static List<Class<?>> ports() throws IOException, ClassNotFoundException {
        List<Class<?>> ports = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/dev/aragent/agent/spi"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.startsWith("package-info")) {
                    Class<?> c = Class.forName(SPI + "." + name.substring(0, name.length() - ".class".length()));
                    if (c.isInterface()) {
                        ports.add(c);
                    }
                }
            }
        }
        return ports;
    }

    @Test
    void theCheckTellsAServiceFromAValue() {
        assertThat(services(MailDesk.class)).containsExactly(MailDesk.class.getName());
        assertThat(services(dev.aragent.agent.conversation.TurnRecord.class)).isEmpty();
    }

    @Test
    void everyPortSpeaksValuesOnly() throws Exception {
        List<Class<?>> ports = ports();
        assertThat(ports).hasSizeGreaterThanOrEqualTo(26).contains(Ledger.class, MailJournal.class, SmsSender.class);
        List<String> found = new ArrayList<>();
        for (Class<?> port : ports) {
            for (Method m : port.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                types.add(m.getGenericReturnType());
                types.forEach(
                        t -> services(t).forEach(s -> found.add(port.getSimpleName() + "." + m.getName() + ": " + s)));
            }
        }
        assertThat(found).as("services in port signatures").isEmpty();
    }
}
