/** Reads when each plan file was created and last changed, from git, in one walk (JGit). */
package dev.planbake.history;
