/** Implementation details of gmm-audio (not exported). */
package dev.gmm.audio.internal;
