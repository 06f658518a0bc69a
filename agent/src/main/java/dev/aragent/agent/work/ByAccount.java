package dev.aragent.agent.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work on many accounts at once, each account's items in their order on one worker: follow-ups or queue actions for
 * different accounts touch different rows and wait on the database and the mail server, so two workers overlap those
 * waits, while one account's messages still leave in the order they were decided.
 */
public final class ByAccount {
    private ByAccount() {}

    /**
     * Runs {@code work} on every item, items with the same {@code key} in list order on the same worker, on up to
     * {@code workers} threads; returns the results in list order. A failure is rethrown once all workers have stopped.
     */
    public static <T, K, R> List<R> run(List<T> items, Function<T, K> key, int workers, Function<T, R> work) {
        if (workers <= 1 || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        List<List<Integer>> lanes = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            lanes.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            lanes.get(Math.floorMod(key.apply(items.get(i)).hashCode(), workers))
                    .add(i);
        }
        List<R> out = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
        try (ExecutorService pool = Executors.newFixedThreadPool(
                workers, Thread.ofPlatform().name("by-account-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (List<Integer> lane : lanes) {
                running.add(pool.submit(() -> {
                    for (int i : lane) {
                        R r = work.apply(items.get(i));
                        synchronized (out) {
                            out.set(i, r);
                        }
                    }
                }));
            }
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    RuntimeException cause =
                            e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }
}
