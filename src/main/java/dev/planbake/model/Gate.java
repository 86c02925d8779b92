package dev.planbake.model;

/** A {@code Gate N: name} with its result: PASS, FAIL, CONDITIONAL, or {@code ""} if not given. */
public record Gate(String name, String result, int line) {
  public boolean failed() {
    return "FAIL".equals(result);
  }
}
