/** Puts pages and assets into the output folder, swapping the whole folder in atomically. */
package dev.planbake.write;
