/**
 * {@code gmm bench}: times gmm's own EM kernels (SIMD, scalar, float32 storage) on generated
 * workloads shaped like the shared W1 and W2, without JMH (Decision 8: gmm-bench's JMH suite is
 * the real measurement and the place for peers). Not exported.
 */
package dev.gmm.app.internal.bench;
