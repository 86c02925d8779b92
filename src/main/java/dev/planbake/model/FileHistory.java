package dev.planbake.model;

/**
 * When one plan file was created and last changed, by the commits that did it.
 *
 * @param created the commit that added the file (following renames); null when the history is
 *     shallow and the file is older than its first commit
 * @param changed the last commit that changed it
 */
public record FileHistory(Commit created, Commit changed) {}
