package dev.planbake.model;

import java.util.List;

/** One checkbox: where it is, whether it is ticked, its text and the headings above it. */
public record Task(String source, int line, boolean done, String text, List<String> headingPath) {
  public Task {
    headingPath = List.copyOf(headingPath);
  }
}
