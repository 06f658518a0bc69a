package dev.aragent.agent.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ByAccountTest {

    @Test
    void eachAccountsItemsRunInTheirOrderOnOneThreadAndResultsComeBackInListOrder() {
        List<String> items = IntStream.range(0, 200)
                .mapToObj(i -> "acct-" + (i % 7) + ":" + i)
                .toList();
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, String> threads = new ConcurrentHashMap<>();

        List<Integer> out = ByAccount.run(items, s -> s.substring(0, s.indexOf(':')), 2, s -> {
            String account = s.substring(0, s.indexOf(':'));
            int n = Integer.parseInt(s.substring(s.indexOf(':') + 1));
            seen.computeIfAbsent(account, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(n);
            threads.merge(account, Thread.currentThread().getName(), (a, b) -> a.equals(b) ? a : "MIXED");
            return n * 2;
        });

        assertThat(out)
                .isEqualTo(IntStream.range(0, 200).map(i -> i * 2).boxed().toList());
        seen.values().forEach(l -> assertThat(l).isSorted());
        assertThat(threads.values()).doesNotContain("MIXED");
        assertThat(threads.values().stream().distinct().count()).isEqualTo(2);
    }

    @Test
    void aFailureIsRethrownAfterTheOtherWorkersFinish() {
        List<Integer> done = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        assertThatThrownBy(() -> ByAccount.run(items, i -> i % 2, 2, i -> {
                    if (i == 3) {
                        throw new IllegalStateException("SMTP refused");
                    }
                    done.add(i);
                    return i;
                }))
                .hasMessage("SMTP refused");
        assertThat(done).as("the other account's items all ran").contains(0, 2, 4, 48);
    }
}
