package dev.planbake.model;

/**
 * One commit's change to one plan file, with the file's text before and after it.
 *
 * @param commit the commit that made the change
 * @param source the file as the scanner names it: relative to its plans folder, with {@code /}
 * @param now the same file's name at HEAD, after any later renames (as {@code source}); null when a
 *     later commit deleted it
 * @param before its text before the commit, or null when the commit added it
 * @param after its text after the commit, or null when the commit deleted it
 */
public record Revision(Commit commit, String source, String now, String before, String after) {}
