/** Walks the plans folders in a stable order and reads each Markdown file safely as UTF-8. */
package dev.planbake.scan;
