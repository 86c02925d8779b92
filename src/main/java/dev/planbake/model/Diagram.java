package dev.planbake.model;

import java.util.List;

/**
 * A graph laid out for drawing: boxes at positions and the polylines of the arrows between them, in
 * pixels with the origin top left. It says nothing about what the boxes mean (status, links): only
 * their size and the graph's shape go into a layout, so that colours can change without laying it
 * out again.
 */
public record Diagram(int width, int height, List<Box> boxes, List<Arrow> arrows) {
  public Diagram {
    boxes = List.copyOf(boxes);
    arrows = List.copyOf(arrows);
  }

  /** What a layout needs to know: box sizes by key and the arrows between keys, in order. */
  public record Sketch(List<Size> sizes, List<Link> links) {
    public Sketch {
      sizes = List.copyOf(sizes);
      links = List.copyOf(links);
    }
  }

  /** A box to place; {@code key} is unique in its sketch. */
  public record Size(String key, int width, int height) {}

  /** An arrow from one box to another. */
  public record Link(String from, String to) {}

  /** A placed box. */
  public record Box(String key, int x, int y, int width, int height) {}

  /** A routed arrow: its points from the start to the end, bends in between. */
  public record Arrow(String from, String to, List<Point> points) {
    public Arrow {
      points = List.copyOf(points);
    }
  }

  public record Point(int x, int y) {}
}
