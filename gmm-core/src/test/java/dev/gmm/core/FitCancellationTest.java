package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fit can be stopped and cancelled, and runs on the caller's executor: a listener that says stop
 * ends a start after that iteration; an interrupt ends the fit with a CancellationException, during
 * the k-means start as well as during EM; a caller's executor does the work and gives the same bits.
 */
class FitCancellationTest {
    private static final DataMatrix BLOBS = blobs(200_000, 8, 8, 3);

    @Test
    void a_listener_that_says_stop_ends_the_start_after_that_iteration() {
        AtomicInteger calls = new AtomicInteger();
        GaussianMixtureModel m = GaussianMixture.builder().components(3).tol(0).maxIter(100).seed(1)
                .listener((start, iteration, bound, change) -> {
                    calls.incrementAndGet();
                    return iteration < 3;
                }).build().fit(Fixtures.csv("iris.csv"));
        assertThat(m.report().iterations()).isEqualTo(3);
        assertThat(m.report().converged()).isFalse();
        assertThat(calls).hasValue(3);
    }

    @Test
    @Timeout(60)
    void an_interrupt_before_the_fit_cancels_it_in_the_k_means_start() {
        AtomicInteger iterations = new AtomicInteger();
        GaussianMixture config = GaussianMixture.builder().components(8).seed(1)
                .listener((s, i, b, c) -> iterations.incrementAndGet() >= 0).build();
        Thread.currentThread().interrupt();
        try {
            // in the start's first pass over the data, not after the whole k-means run at EM's first iteration
            assertThatThrownBy(() -> config.fit(BLOBS)).isInstanceOf(CancellationException.class)
                    .hasMessageNotContaining("iteration");
        } finally {
            Thread.interrupted();
        }
        assertThat(iterations).as("no EM iteration ran").hasValue(0);
    }

    @Test
    @Timeout(60)
    void an_interrupt_from_another_thread_cancels_a_long_fit() throws Exception {
        GaussianMixture config = GaussianMixture.builder().components(8).tol(0).maxIter(100_000).seed(1).build();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread fitting = new Thread(() -> {
            try {
                config.fit(BLOBS);
                outcome.set(new AssertionError("the fit ran 100000 iterations instead of stopping"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        fitting.start();
        Thread.sleep(300);
        fitting.interrupt();
        fitting.join(30_000);
        assertThat(fitting.isAlive()).as("the fit stopped").isFalse();
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    @Timeout(60)
    void a_callers_executor_does_the_work_and_gives_the_same_bits() {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            GaussianMixture.Builder b = GaussianMixture.builder().components(8).maxIter(5).seed(2);
            GaussianMixtureModel mine = b.threads(3).executor(task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }).build().fit(BLOBS);
            GaussianMixtureModel single = b.threads(1).executor(null).build().fit(BLOBS);
            assertThat(tasks.get()).as("tasks handed to the caller's executor").isPositive();
            assertThat(mine.means()).isDeepEqualTo(single.means());
            assertThat(mine.report().lowerBoundTrace()).isEqualTo(single.report().lowerBoundTrace());
        } finally {
            pool.shutdown();
        }
    }

    private static DataMatrix blobs(int n, int d, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = 5 * ((i % k) * (j + 1) % 7) + r.nextGaussian();
            }
        }
        return DataMatrix.wrap(v, n, d);
    }
}
