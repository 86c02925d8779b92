package dev.planbake.parse;

import dev.planbake.diag.Diagnostic;
import dev.planbake.model.Content;
import dev.planbake.model.Document;
import dev.planbake.model.Field;
import dev.planbake.model.Section;
import java.util.List;

/**
 * Everything read from one Markdown file, before it is assembled into a plan.
 *
 * @param h1 the plain text of the first level-1 heading ("" if none)
 * @param firstHeading the plain text of the first heading of any level ("" if none)
 * @param fields bold or plain {@code Key: value} fields of paragraphs, with the heading they sit
 *     under
 * @param statusTexts the first paragraph under each heading named "Status"
 * @param units headings of the form {@code Unit X.Y: Name}
 * @param content everything extracted, with lines
 * @param stageHeadings how many {@code Stage N:} headings there are
 * @param verificationHeadings whether there are Automated/Manual Verification headings
 */
record Doc(
    String source,
    String h1,
    int h1Line,
    String firstHeading,
    int firstHeadingLine,
    List<ScopedField> fields,
    List<ScopedField> statusTexts,
    List<UnitHeading> units,
    List<Section> sections,
    Content content,
    int stageHeadings,
    boolean verificationHeadings,
    Document document,
    List<Diagnostic> problems) {

  /**
   * A field and the heading it sits under: {@code headingLine} 0 before any heading, and {@code
   * headingLevel} that heading's level (0 before any); {@code metadata} when that heading names the
   * plan's metadata or status ("Plan Metadata", "Status"), where list items and table rows are
   * fields too.
   */
  record ScopedField(Field field, int headingLine, int headingLevel, boolean metadata) {}

  /** A {@code Unit X.Y: Name} heading and the lines its section spans. */
  record UnitHeading(String id, String title, int level, String anchor, int line, int endLine) {}
}
