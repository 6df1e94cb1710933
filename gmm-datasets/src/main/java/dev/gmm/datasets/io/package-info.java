/** Reading and writing models and start parameters as JSON (DESIGN.md Decision 4). */
package dev.gmm.datasets.io;
