/**
 * The app's file formats (CSV, model JSON) until gmm-datasets' {@code Csv} and {@code ModelJson}
 * land; not exported.
 */
package dev.gmm.app.internal;
