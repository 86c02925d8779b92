package dev.planbake.model;

/** A metadata field as written, kept for display in the order it appears. */
public record Field(String key, String value, int line) {}
