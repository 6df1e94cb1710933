/** The public API of gmm-audio. */
package dev.gmm.audio;
