package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.internal.WorkerPool;

import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One fit, one plan: the k-means start, every EM (or variational) iteration and the final labelling of
 * a fit run on the same workers — the caller's executor when there is one, else one thread pool the
 * fit starts — and a stream of batches is labelled without starting any. Counted with
 * {@link WorkerPool#threadPoolsStarted()} (every pool a worker pool starts for itself) and the tasks a
 * caller's executor receives.
 */
class OneFitPlanTest {
    /** 24,000 rows make 11 chunks: with 3 threads, every pass hands 2 tasks to the executor. */
    private static final DataMatrix BLOBS = blobs(24_000, 4, 4);
    private static ExecutorService threads;

    @BeforeAll
    static void start() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    /** The caller's executor, counting what it is given. */
    private record Counting(AtomicInteger tasks) implements Executor {
        Counting() {
            this(new AtomicInteger());
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            threads.execute(task);
        }
    }

    private static GaussianMixture.Builder config(Executor executor) {
        return GaussianMixture.builder().components(4).tol(0).maxIter(3).seed(3).threads(3).executor(executor);
    }

    @Test
    @Timeout(60)
    void a_fit_with_a_k_means_start_and_a_final_labelling_runs_on_the_callers_executor_alone() {
        long pools = WorkerPool.threadPoolsStarted();
        Counting executor = new Counting();
        AtomicInteger tasksBeforeFirstIteration = new AtomicInteger(-1);
        int[] labels = config(executor).listener((start, iteration, bound, change) -> {
            tasksBeforeFirstIteration.compareAndSet(-1, executor.tasks().get());
            return true;
        }).build().fitPredict(BLOBS);
        int tasksOfFitPredict = executor.tasks().get();

        // the same fit from the start k-means gave, so no initializer runs: its first iteration costs the same
        GaussianMixtureModel kMeansStart = config(null).threads(1).maxIter(0).build().fit(BLOBS);
        Counting given = new Counting();
        AtomicInteger givenBeforeFirstIteration = new AtomicInteger(-1);
        GaussianMixtureModel fitted = config(given).weightsInit(kMeansStart.weights()).meansInit(kMeansStart.means())
                .precisionsInit(kMeansStart.precisions()).listener((start, iteration, bound, change) -> {
                    givenBeforeFirstIteration.compareAndSet(-1, given.tasks().get());
                    return true;
                }).build().fit(BLOBS);

        assertThat(WorkerPool.threadPoolsStarted()).as("thread pools of gmm's own").isEqualTo(pools);
        assertThat(tasksBeforeFirstIteration.get()).as("the k-means start's passes ran on the caller's executor")
                .isGreaterThan(givenBeforeFirstIteration.get());
        Counting plain = new Counting();
        config(plain).build().fit(BLOBS);
        assertThat(tasksOfFitPredict).as("the final labelling ran on it too").isGreaterThan(plain.tasks().get());
        assertThat(labels).isEqualTo(config(null).threads(1).build().fit(BLOBS).predict(BLOBS));
        assertThat(fitted.report().iterations()).isEqualTo(3);
    }

    @Test
    @Timeout(60)
    void a_fit_on_no_executor_starts_one_thread_pool_for_its_start_its_iterations_and_its_labelling() {
        long pools = WorkerPool.threadPoolsStarted();
        config(null).build().fitPredict(BLOBS);
        assertThat(WorkerPool.threadPoolsStarted()).isEqualTo(pools + 1);

        BayesianGaussianMixture.builder().components(4).maxIter(3).seed(3).threads(3).build().fit(BLOBS, null);
        assertThat(WorkerPool.threadPoolsStarted()).as("a variational fit too").isEqualTo(pools + 2);
    }

    @Test
    @Timeout(60)
    void a_variational_fit_runs_on_the_callers_executor_alone() {
        long pools = WorkerPool.threadPoolsStarted();
        Counting executor = new Counting();
        BayesianGaussianMixtureModel m = BayesianGaussianMixture.builder().components(4).maxIter(3).seed(3)
                .threads(3).executor(executor).build().fit(BLOBS, null);
        BayesianGaussianMixtureModel single = BayesianGaussianMixture.builder().components(4).maxIter(3).seed(3)
                .threads(1).build().fit(BLOBS, null);

        assertThat(WorkerPool.threadPoolsStarted()).isEqualTo(pools);
        assertThat(executor.tasks().get()).isPositive();
        assertThat(m.report().lowerBoundTrace()).isEqualTo(single.report().lowerBoundTrace());
    }

    @Test
    @Timeout(60)
    void a_stream_of_many_batches_is_labelled_on_the_consumers_thread_without_a_thread_pool() {
        GaussianMixtureModel model = config(null).threads(1).build().fit(BLOBS);
        long pools = WorkerPool.threadPoolsStarted();
        int rows = BLOBS.rows();

        int[] streamed;
        try (IntStream labels = model.predictStream(IntStream.range(0, rows).mapToObj(BLOBS::row))) {
            streamed = labels.toArray();
        }

        assertThat(rows / 4096).as("batches").isGreaterThanOrEqualTo(5);
        assertThat(WorkerPool.threadPoolsStarted()).as("thread pools started by the stream").isEqualTo(pools);
        assertThat(streamed).isEqualTo(model.predict(BLOBS));
    }

    @Test
    void closing_a_stream_closes_its_source() {
        GaussianMixtureModel model = config(null).threads(1).build().fit(BLOBS);
        AtomicInteger closed = new AtomicInteger();
        Stream<double[]> source = Stream.of(BLOBS.row(0), BLOBS.row(1)).onClose(closed::incrementAndGet);
        try (IntStream labels = model.predictStream(source)) {
            assertThat(labels.count()).isEqualTo(2);
        }
        assertThat(closed).hasValue(1);
    }

    private static DataMatrix blobs(int n, int d, int k) {
        SplittableRandom r = new SplittableRandom(11);
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = 6 * ((i % k) * (j + 1) % 5) + r.nextGaussian();
            }
        }
        return DataMatrix.wrap(v, n, d);
    }
}
