/** Commands, terminal output and exit codes. */
package dev.planbake.cli;
