package dev.planbake.model;

/** An external URL a plan lists (Important URLs), with its label. */
public record Link(String label, String url, int line) {}
