/** The public API of gmm-app. */
package dev.gmm.app;
