package dev.planbake.model;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Turns any text (a unit id from front matter, a folder name) into one folder name that is safe on
 * every filesystem the site may be copied to: lowercase ASCII letters, digits, dots and dashes, no
 * leading dot, no Windows device name, at most {@value #MAX} characters. A name that had to be
 * changed gets a short hash of the original, so that two ids that differ only in case or in dropped
 * characters still get distinct folders on case-insensitive filesystems.
 */
public final class SafePath {
  /** Long enough for every real id, short enough that a whole output path stays under 260. */
  public static final int MAX = 80;

  /** Names Windows reserves for devices, with or without an extension. */
  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6",
          "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
          "lpt8", "lpt9");

  private SafePath() {}

  /** One safe path segment for {@code text}; the same text always gives the same segment. */
  public static String segment(String text) {
    if (isPlain(text)) {
      // Nearly every id (`1.0`, `001-user-auth`) is already safe: skip the regular expressions,
      // which every page of every unit would otherwise run again.
      return text;
    }
    return byRules(text);
  }

  /** {@link #segment} without its shortcut for names that are already safe (tests compare). */
  static String byRules(String text) {
    String s = fold(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    s = s.replaceAll("-{2,}", "-").replaceAll("^[.-]+|[.-]+$", "");
    if (s.length() > MAX - 9) {
      s = s.substring(0, MAX - 9).replaceAll("[.-]+$", "");
    }
    if (s.isEmpty()) {
      s = "id";
    }
    boolean reserved = isReserved(s);
    if (reserved) {
      // `lpt9.md-1a2b3c4d` is still a device name to Windows; `lpt9-md-1a2b3c4d` is not.
      s = s.replace('.', '-');
    }
    if (reserved || !s.equals(text)) {
      s = s + "-" + hash(text);
    }
    return s;
  }

  /**
   * Lowercase ASCII letters and digits, every other run of characters one dash, none at either end:
   * {@code "Über die Brücke"} gives {@code uber-die-brucke}. The name a plan's or a group's page
   * gets from a file or folder name; may be empty (a name in another script).
   */
  public static String slug(String text) {
    String s = fold(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  /**
   * Latin letters without their accents and ligatures spelled out ({@code é} e, {@code ß} ss,
   * {@code Ø} O, {@code ﬁ} fi), so that a slug keeps them instead of dropping them; other
   * characters as they are.
   */
  public static String fold(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) < 0x80) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    String d = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); k++) {
      char c = d.charAt(k);
      switch (c) {
        case 'ß' -> b.append("ss");
        case 'æ' -> b.append("ae");
        case 'Æ' -> b.append("AE");
        case 'œ' -> b.append("oe");
        case 'Œ' -> b.append("OE");
        case 'ø' -> b.append('o');
        case 'Ø' -> b.append('O');
        case 'đ', 'ð' -> b.append('d');
        case 'Đ', 'Ð' -> b.append('D');
        case 'ł' -> b.append('l');
        case 'Ł' -> b.append('L');
        case 'þ' -> b.append("th");
        case 'Þ' -> b.append("TH");
        case 'ı' -> b.append('i');
        default -> {
          if (Character.getType(c) != Character.NON_SPACING_MARK) {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Whether {@link #segment} would give {@code text} back unchanged. */
  private static boolean isPlain(String text) {
    int n = text.length();
    if (n == 0 || n > MAX - 9) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
      if (c == '-') {
        ok = i == 0 || text.charAt(i - 1) != '-';
      }
      if (!ok) {
        return false;
      }
    }
    char first = text.charAt(0);
    char last = text.charAt(n - 1);
    return first != '.' && first != '-' && last != '.' && last != '-' && !isReserved(text);
  }

  /** {@code 001-user-auth}: how spec-kit names a feature's folder (a number, a dash, a name). */
  private static final Pattern FEATURE_FOLDER = Pattern.compile("\\d{3,}-[^/]+");

  /** Whether a folder's name is a spec-kit feature folder's: {@code 001-user-auth}. */
  public static boolean isFeatureFolder(String name) {
    return FEATURE_FOLDER.matcher(name).matches();
  }

  /** Whether Windows treats the name as a device ({@code con}, {@code nul.txt}, {@code com1}). */
  public static boolean isReserved(String name) {
    int dot = name.indexOf('.');
    String stem = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT).strip();
    return RESERVED.contains(stem);
  }

  private static String hash(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }
}
