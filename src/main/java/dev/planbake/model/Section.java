package dev.planbake.model;

/** A heading of a document with the boxes under it, its subsections included. */
public record Section(int level, String title, String anchor, int line, Progress progress) {}
