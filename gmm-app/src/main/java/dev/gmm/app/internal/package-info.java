/**
 * The app's helpers: file formats (CSV, model JSON through gmm-datasets), the console progress bar,
 * the Iris fit of the demo, the kernel timings of {@code gmm bench}; not exported.
 */
package dev.gmm.app.internal;
