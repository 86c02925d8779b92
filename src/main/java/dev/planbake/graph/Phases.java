package dev.planbake.graph;

import dev.planbake.model.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which phase a plan belongs to, so that "Depends on: Phase 2" can name the plans of phase 2: a GSD
 * plan {@code .planning/phases/02-x/02-01-PLAN.md} by its number, any other plan by the phase its
 * file name ({@code phase-2-api.md}, {@code web_voice_pipeline_phase2.md}) or title ("Phase 2:
 * API") gives, among the plans of its folder.
 */
final class Phases {
  private Phases() {}

  private static final Pattern GSD = Pattern.compile("(?i)(\\d+(?:\\.\\d+)*)-\\d+-plan\\.md");
  private static final Pattern FILE =
      Pattern.compile("(?i)^(.*?)phase[-_ ]?(\\d+(?:\\.\\d+)*[a-z]?)(?![a-z0-9])");
  private static final Pattern TITLE =
      Pattern.compile("(?i)^phase\\s+(\\d+(?:\\.\\d+)*[a-z]?)\\s*(?:[:—–.-]|$)");
  private static final Pattern FEATURE = Pattern.compile("(\\d+)-[a-z0-9].*");

  /** The keys a plan is found by, for {@link Index#byPhase}. */
  static List<String> keysOf(Plan p) {
    List<String> keys = new ArrayList<>();
    String name = fileName(p.source());
    Matcher gsd = GSD.matcher(name);
    if (gsd.matches()) {
      keys.add(gsd(gsd.group(1)));
      return keys;
    }
    Matcher file = FILE.matcher(name);
    if (file.find()) {
      keys.add(inFolder(folderOf(p.source()), series(file.group(1)), file.group(2)));
    }
    Matcher title = TITLE.matcher(p.title().strip());
    if (title.find()) {
      keys.add(inFolder(folderOf(p.source()), "title:", title.group(1)));
    }
    return keys;
  }

  /** The key of GSD phase {@code number} ({@code 2} and {@code 02} are one phase). */
  static String gsd(String number) {
    return "gsd:" + normal(number);
  }

  /**
   * The key of phase {@code number} among the plans of {@code folder} whose file names start with
   * {@code series} ({@code web_voice_pipeline_}), or are titled so for series {@code title:}.
   */
  static String inFolder(String folder, String series, String number) {
    return folder + "|" + series + "|" + normal(number);
  }

  /** The series of a plan: what its file name has before {@code phase}, or "" if no phase. */
  static String seriesOf(String source) {
    Matcher file = FILE.matcher(fileName(source));
    return file.find() ? series(file.group(1)) : "";
  }

  /**
   * The number of the numbered folder a plan is read from ({@code 3} for {@code 003-x/} or {@code
   * 3-x/}), or null.
   */
  static String featureNumber(Plan p) {
    String folder = folderOf(p.source());
    String last = folder.substring(folder.lastIndexOf('/') + 1);
    // Spec-kit's 003-x/ and Kiro's numbered 3-x/ alike.
    Matcher m = FEATURE.matcher(last.toLowerCase(Locale.ROOT));
    return m.matches() ? normal(m.group(1)) : null;
  }

  static String folderOf(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? "" : source.substring(0, slash);
  }

  private static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private static String series(String prefix) {
    return prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /**
   * Without leading zeros in each part, lower case: {@code 02} is {@code 2}, {@code 2A} {@code 2a}.
   */
  static String normal(String number) {
    StringBuilder b = new StringBuilder();
    for (String part : number.toLowerCase(Locale.ROOT).split("\\.", -1)) {
      if (b.length() > 0) {
        b.append('.');
      }
      int i = 0;
      while (i < part.length() - 1
          && part.charAt(i) == '0'
          && Character.isDigit(part.charAt(i + 1))) {
        i++;
      }
      b.append(part, i, part.length());
    }
    return b.toString();
  }
}
