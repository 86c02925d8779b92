package dev.planbake.render;

/**
 * How wide a line of text draws, without font metrics at build time: the advance widths of DejaVu
 * Sans, the widest of the system fonts the theme asks for (Linux falls back to it; macOS and
 * Windows fonts are narrower), so that a box sized by it holds its text in every browser.
 */
final class TextWidth {
  /** Advance widths in thousandths of an em for ' ' to '~'. */
  private static final int[] ASCII = {
    318, 400, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // ' '..'/'
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, // '0'..'?'
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // '@'..'O'
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, // 'P'..'_'
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // '`'..'o'
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838 // 'p'..'~'
  };

  /** Bold glyphs are about this much wider than regular ones. */
  private static final double BOLD = 1.12;

  private TextWidth() {}

  /** The width in px of {@code s} at {@code px} font size. */
  static double of(String s, double px, boolean bold) {
    long milli = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= ' ' && c <= '~') {
        milli += ASCII[c - ' '];
      } else if (Character.isHighSurrogate(c)) {
        milli += 1000;
        i++;
      } else if (c >= 0xC0 && c < 0x250) {
        milli += 700; // accented Latin letters
      } else if (c >= 0x2E80) {
        milli += 1000; // CJK and other wide scripts
      } else {
        milli += 840; // Greek, Cyrillic, arrows, the ellipsis: rather too wide than cut
      }
    }
    return milli / 1000.0 * px * (bold ? BOLD : 1);
  }
}
