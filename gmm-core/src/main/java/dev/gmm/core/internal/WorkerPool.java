package dev.gmm.core.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs chunked work on a fixed number of workers: the calling thread is worker 0 and the others
 * run on an executor (the user's, or a daemon pool this object owns). Workers pull chunk indices
 * in order; which worker takes which chunk varies, so callers keep one result per chunk and reduce
 * them in chunk order — that is what makes results independent of the thread count.
 *
 * <p>Helper tasks that have not started when the caller has finished every chunk are skipped, so
 * an executor that is busy (or is running the caller itself) cannot deadlock a pass.
 *
 * <p>Interrupting the calling thread cancels the pass: every worker looks at the caller's interrupt
 * status before taking a chunk, so the pass ends within one chunk of rows with a
 * {@link CancellationException} (the interrupt status stays set, for the caller's own loops).
 */
public final class WorkerPool implements AutoCloseable {
    /** Work on one chunk by one worker. */
    @FunctionalInterface
    public interface ChunkTask {
        void run(int chunk, int worker);
    }

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int FINISHED = 2;

    /** Thread pools the pools of this JVM have started (what the tests read: a fit starts at most one). */
    private static final java.util.concurrent.atomic.AtomicLong THREAD_POOLS_STARTED = new java.util.concurrent.atomic.AtomicLong();

    private final int workers;
    private final Executor executor;
    private final ExecutorService owned;
    private final boolean[] participated;

    public WorkerPool(int threads, Executor executor) {
        this.workers = Math.max(1, threads);
        if (workers > 1 && executor == null) {
            AtomicInteger n = new AtomicInteger();
            this.owned = Executors.newFixedThreadPool(workers - 1, r -> {
                Thread t = new Thread(r, "gmm-worker-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.executor = owned;
            THREAD_POOLS_STARTED.incrementAndGet();
        } else {
            this.owned = null;
            this.executor = executor;
        }
        this.participated = new boolean[workers];
    }

    public int workers() {
        return workers;
    }

    /** How many thread pools of their own the worker pools of this JVM have started so far. */
    public static long threadPoolsStarted() {
        return THREAD_POOLS_STARTED.get();
    }

    /**
     * What the other workers run on, for more pools on the same threads: the caller's executor, or this
     * pool's own threads (which stay this pool's to shut down); null when there are none.
     */
    public Executor helpers() {
        return owned == null ? executor : owned::execute;
    }

    /** How many workers have processed at least one chunk so far. */
    public int workersUsed() {
        int n = 0;
        for (boolean p : participated) {
            n += p ? 1 : 0;
        }
        return n;
    }

    /** Runs {@code task} on every chunk in [0, chunks) and returns when all are done. */
    public void run(int chunks, ChunkTask task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int helpers = Math.min(workers - 1, chunks - 1);
        AtomicInteger[] states = new AtomicInteger[Math.max(helpers, 0)];
        Thread caller = Thread.currentThread();
        for (int h = 0; h < helpers; h++) {
            AtomicInteger state = new AtomicInteger(PENDING);
            states[h] = state;
            int worker = h + 1;
            executor.execute(() -> {
                if (!state.compareAndSet(PENDING, RUNNING)) {
                    return;
                }
                try {
                    drain(next, chunks, task, worker, failure, caller);
                } finally {
                    state.set(FINISHED);
                    LockSupport.unpark(caller);
                }
            });
        }
        drain(next, chunks, task, 0, failure, caller);
        for (AtomicInteger state : states) {
            if (state.compareAndSet(PENDING, FINISHED)) {
                continue;
            }
            while (state.get() != FINISHED) {
                LockSupport.parkNanos(100_000);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void drain(AtomicInteger next, int chunks, ChunkTask task, int worker, AtomicReference<Throwable> failure,
                       Thread caller) {
        int c;
        while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
            if (caller.isInterrupted()) {
                failure.compareAndSet(null, new CancellationException("cancelled: the thread running the fit was"
                        + " interrupted"));
                return;
            }
            participated[worker] = true;
            try {
                task.run(c, worker);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
