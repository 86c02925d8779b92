package dev.planbake.model;

/** A row of a risks table or a {@code Risk N:} entry; empty strings for what is not given. */
public record Risk(String risk, String impact, String mitigation, int line) {}
