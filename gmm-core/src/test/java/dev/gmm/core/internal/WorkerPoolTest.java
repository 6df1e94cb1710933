package dev.gmm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-written worker pool: N workers really take part, a busy executor cannot deadlock it, a
 * failing chunk stops the pass and reaches the caller, and interrupting the caller cancels it.
 */
class WorkerPoolTest {

    @Test
    @Timeout(20)
    void n_workers_take_part_at_once() throws Exception {
        int workers = 4;
        CountDownLatch allArrived = new CountDownLatch(workers);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = new WorkerPool(workers, null)) {
            pool.run(workers, (chunk, worker) -> {
                seen.add(worker);
                threads.add(Thread.currentThread().getName());
                allArrived.countDown();
                try {
                    // each chunk waits until every worker holds one: only N distinct workers can pass
                    assertThat(allArrived.await(10, TimeUnit.SECONDS)).as("all workers arrived").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(threads).hasSize(workers);
            assertThat(pool.workersUsed()).isEqualTo(workers);
        }
    }

    @Test
    @Timeout(20)
    void a_busy_executor_cannot_deadlock_a_pass() throws Exception {
        ExecutorService busy = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        busy.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger done = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(3, busy)) {
            pool.run(50, (chunk, worker) -> done.incrementAndGet());
        } finally {
            release.countDown();
            busy.shutdown();
        }
        assertThat(done).hasValue(50);
    }

    @Test
    @Timeout(20)
    void a_failing_chunk_stops_the_pass_and_reaches_the_caller() {
        AtomicInteger after = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(2, null)) {
            assertThatThrownBy(() -> pool.run(1000, (chunk, worker) -> {
                if (chunk == 5) {
                    throw new IllegalArgumentException("chunk 5 is bad");
                }
                if (chunk > 50) {
                    after.incrementAndGet();
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 5 is bad");
            assertThat(after.get()).as("chunks taken after the failure").isLessThan(100);
            AtomicInteger again = new AtomicInteger();
            pool.run(10, (chunk, worker) -> again.incrementAndGet());
            assertThat(again).as("the pool still works").hasValue(10);
        }
    }

    @Test
    @Timeout(20)
    void interrupting_the_caller_cancels_the_pass_within_a_chunk() {
        AtomicInteger chunksRun = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(2, null)) {
            assertThatThrownBy(() -> pool.run(10_000, (chunk, worker) -> {
                if (chunksRun.incrementAndGet() > 20 && worker == 0) {
                    Thread.currentThread().interrupt(); // worker 0 is the calling thread
                }
            })).isInstanceOf(CancellationException.class);
            assertThat(chunksRun.get()).isLessThan(10_000);
        } finally {
            Thread.interrupted(); // clear, for the next test on this thread
        }
    }
}
