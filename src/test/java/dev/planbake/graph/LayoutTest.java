package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.model.Diagram;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
  static final Diagram.Sketch CHAIN =
      new Diagram.Sketch(
          List.of(
              new Diagram.Size("a", 100, 40),
              new Diagram.Size("b", 140, 40),
              new Diagram.Size("c", 90, 40),
              new Diagram.Size("lone", 80, 40)),
          List.of(
              new Diagram.Link("a", "b"),
              new Diagram.Link("b", "c"),
              new Diagram.Link("a", "c"),
              new Diagram.Link("a", "missing")));

  @Test
  void boxesKeepTheirSizeAndFitInsideTheDrawing() {
    Diagram d = Layout.layout(CHAIN);
    assertEquals(List.of("a", "b", "c", "lone"), d.boxes().stream().map(Diagram.Box::key).toList());
    for (Diagram.Box b : d.boxes()) {
      assertTrue(b.x() >= 0 && b.y() >= 0, b.toString());
      assertTrue(b.x() + b.width() <= d.width() && b.y() + b.height() <= d.height(), b.toString());
    }
    assertEquals(140, d.boxes().get(1).width());
  }

  @Test
  void arrowsRunLeftToRightFromTheirStartToTheirEnd() {
    Diagram d = Layout.layout(CHAIN);
    assertEquals(3, d.arrows().size(), "the link to a missing box is dropped");
    Diagram.Box a = d.boxes().get(0);
    Diagram.Box b = d.boxes().get(1);
    assertTrue(a.x() + a.width() <= b.x(), "a is left of b");
    Diagram.Arrow ab = d.arrows().get(0);
    assertEquals("a", ab.from());
    assertEquals(a.x() + a.width(), ab.points().get(0).x());
    assertEquals(b.x(), ab.points().get(ab.points().size() - 1).x());
  }

  @Test
  void theSameSketchGivesTheSameDiagram() {
    assertEquals(Layout.layout(CHAIN), Layout.layout(CHAIN));
  }

  @Test
  void aSketchSeenBeforeIsNotLaidOutAgainUntilTheLimitPushesItOut() {
    Layout layout = new Layout(2);
    Diagram first = layout.of(CHAIN);
    Diagram.Sketch equal = new Diagram.Sketch(CHAIN.sizes(), CHAIN.links());
    assertSame(first, layout.of(equal), "remembered");
    Diagram.Sketch other = sketchOf("x", "y");
    Diagram.Sketch third = sketchOf("p", "q");
    Diagram otherFirst = layout.of(other);
    assertSame(first, layout.of(CHAIN), "still remembered, and now the most recently used");
    layout.of(third);
    assertSame(first, layout.of(CHAIN), "the chain was used more recently than the other");
    assertNotSame(otherFirst, layout.of(other), "the other was pushed out: laid out again");
    Layout none = new Layout(0);
    assertNotSame(none.of(CHAIN), none.of(CHAIN), "a layout with no memory lays out every time");
  }

  private static Diagram.Sketch sketchOf(String a, String b) {
    return new Diagram.Sketch(
        List.of(new Diagram.Size(a, 80, 40), new Diagram.Size(b, 80, 40)),
        List.of(new Diagram.Link(a, b)));
  }

  @Test
  void anEmptySketchIsAnEmptyDiagram() {
    assertEquals(
        new Diagram(0, 0, List.of(), List.of()),
        Layout.layout(new Diagram.Sketch(List.of(), List.of())));
  }
}
