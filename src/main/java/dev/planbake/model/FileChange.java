package dev.planbake.model;

/** A path from a "Files to Create/Update" list; action is {@code create}, {@code update} or "". */
public record FileChange(String path, String action, int line) {}
