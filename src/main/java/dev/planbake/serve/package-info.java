/** The dev loop: a local HTTP server that rebuilds on change and reloads open pages. */
package dev.planbake.serve;
