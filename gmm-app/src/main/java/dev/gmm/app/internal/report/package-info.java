/**
 * Turns an experiment's plain-data result into PNG plots (through XChart), an HTML page and a JSON
 * file of every number shown. Experiments never draw (Decision 8); this package draws any result
 * without knowing which experiment made it. Not exported.
 */
package dev.gmm.app.internal.report;
