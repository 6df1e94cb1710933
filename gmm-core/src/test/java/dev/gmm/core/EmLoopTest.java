package dev.gmm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The loop alone, over a toy step whose state is a counter and whose bound is given per step: tol,
 * max_iter, the listener's stop, the interrupt, the non-finite bound and the trace.
 */
class EmLoopTest {

    /** State n steps to n + 1; its bound is bounds[n]. */
    private static EmLoop.Step<Integer> bounds(double... bounds) {
        return n -> new EmLoop.Iteration<>(bounds[n], () -> n + 1);
    }

    @Test
    void converges_when_the_change_is_below_tol_and_not_when_it_equals_tol() {
        // changes: +inf, 0.5, 0.25 (= tol, goes on), 0.125 (< tol, converged)
        EmLoop.Result<Integer> r = EmLoop.of(100, 0.25).run(0, 0, Double.NEGATIVE_INFINITY,
                bounds(-2, -1.5, -1.25, -1.125, -1.0));
        assertThat(r.converged()).isTrue();
        assertThat(r.iterations()).isEqualTo(4);
        assertThat(r.state()).isEqualTo(4);
        assertThat(r.lowerBound()).isEqualTo(-1.125);
        assertThat(r.trace()).containsExactly(-2, -1.5, -1.25, -1.125);
    }

    @Test
    void a_decreasing_bound_converges_on_the_absolute_change() {
        EmLoop.Result<Integer> r = EmLoop.of(100, 0.1).run(0, 0, -1.0, bounds(-1.05));
        assertThat(r.converged()).isTrue();
        assertThat(r.iterations()).isEqualTo(1);
    }

    @Test
    void max_iter_zero_runs_no_step_and_returns_the_start() {
        AtomicInteger calls = new AtomicInteger();
        EmLoop.Result<Integer> r = EmLoop.of(0, 1e-3).run(0, 7, 3.5, n -> {
            calls.incrementAndGet();
            return new EmLoop.Iteration<>(0, () -> n);
        });
        assertThat(calls).hasValue(0);
        assertThat(r.state()).isEqualTo(7);
        assertThat(r.lowerBound()).isEqualTo(3.5);
        assertThat(r.iterations()).isZero();
        assertThat(r.converged()).isFalse();
        assertThat(r.trace()).isEmpty();
    }

    @Test
    void max_iter_one_runs_one_step_and_does_not_converge_from_minus_infinity() {
        EmLoop.Result<Integer> r = EmLoop.of(1, 1e-3).run(0, 0, Double.NEGATIVE_INFINITY, bounds(-1, -1));
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.converged()).isFalse();
        assertThat(r.state()).isEqualTo(1);
        assertThat(r.trace()).containsExactly(-1);
    }

    @Test
    void the_listener_sees_each_step_and_its_stop_ends_the_start_unconverged() {
        List<String> seen = new ArrayList<>();
        EmLoop.Result<Integer> r = EmLoop.of(100, 0)
                .listener((init, iteration, bound, change) -> {
                    seen.add(init + ":" + iteration + ":" + bound + ":" + change);
                    return iteration < 2;
                })
                .run(3, 0, -4.0, bounds(-3, -2, -1));
        assertThat(seen).containsExactly("3:1:-3.0:1.0", "3:2:-2.0:1.0");
        assertThat(r.iterations()).isEqualTo(2);
        assertThat(r.converged()).isFalse();
        assertThat(r.state()).isEqualTo(2);
    }

    @Test
    void convergence_wins_over_a_stop_on_the_same_step() {
        EmLoop.Result<Integer> r = EmLoop.of(100, 1e-3).listener((i, it, b, c) -> false)
                .run(0, 0, -1.0, bounds(-1.0));
        assertThat(r.converged()).isTrue();
    }

    @Test
    void an_interrupted_thread_is_cancelled_before_the_next_step() {
        AtomicInteger calls = new AtomicInteger();
        try {
            assertThatThrownBy(() -> EmLoop.of(10, 0).run(1, 0, Double.NEGATIVE_INFINITY, n -> {
                if (calls.incrementAndGet() == 2) {
                    Thread.currentThread().interrupt();
                }
                return new EmLoop.Iteration<>(-n, () -> n + 1);
            })).isInstanceOf(CancellationException.class).hasMessageContaining("start 1, iteration 3");
            assertThat(calls).hasValue(2);
        } finally {
            Thread.interrupted(); // clear the flag for the next test on this thread
        }
    }

    @Test
    void a_non_finite_bound_fails_with_the_callers_words_before_the_next_state_is_asked_for() {
        AtomicInteger nexts = new AtomicInteger();
        EmLoop loop = EmLoop.of(10, 1e-3).nonFiniteBound("the variational lower bound", "increase reg_covar");
        assertThatThrownBy(() -> loop.run(0, 0, Double.NEGATIVE_INFINITY,
                n -> new EmLoop.Iteration<>(n == 0 ? -1 : Double.NaN, () -> nexts.incrementAndGet())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the variational lower bound became NaN at iteration 2: increase reg_covar");
        assertThat(nexts).hasValue(1);
    }

    @Test
    void the_trace_is_as_long_as_the_iterations_when_max_iter_stops_it() {
        EmLoop.Result<Integer> r = EmLoop.of(3, 0).run(0, 0, Double.NEGATIVE_INFINITY, bounds(-4, -3, -2, -1));
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.trace()).containsExactly(-4, -3, -2);
    }

    @Test
    void bad_settings_are_refused() {
        assertThatThrownBy(() -> EmLoop.of(-1, 1e-3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmLoop.of(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
