package dev.planbake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The files that differ between two trees under the plans folders: what JGit's {@code
 * DiffEntry.scan} says of a recursive {@code TreeWalk} over the two trees with the folders' path
 * filter and {@code TreeFilter.ANY_DIFF}, in the same order, read straight from the trees' bytes. A
 * commit of the bench repository changes about nine of 1,212 files: the walk parsed and compared
 * every entry of every changed folder through its iterators and looked up each file's attributes;
 * here each entry is a few byte comparisons.
 */
final class TreeDiff {
  private static final byte[] EMPTY = {};

  private final ObjectReader reader;

  /** The folders, as repository paths in UTF-8; null for the whole tree. */
  private final List<byte[]> folders;

  /**
   * @param folders the plans folders as paths in the repository ({@code /} between names); empty
   *     for every file
   */
  TreeDiff(ObjectReader reader, List<String> folders) {
    this.reader = reader;
    this.folders =
        folders.isEmpty()
            ? null
            : folders.stream().map(f -> f.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** What changed from tree {@code before} (null: none) to tree {@code after}. */
  List<DiffEntry> between(ObjectId before, ObjectId after) throws IOException {
    List<DiffEntry> out = new ArrayList<>();
    compare(EMPTY, tree(before), tree(after), folders == null, out);
    return out;
  }

  private byte[] tree(ObjectId id) throws IOException {
    return id == null ? EMPTY : reader.open(id, Constants.OBJ_TREE).getCachedBytes();
  }

  /** One entry of a tree's bytes: mode, name, id, and where the next entry starts. */
  private static final class Cursor {
    final byte[] raw;
    int at;
    int mode;
    int nameStart;
    int nameEnd;
    int next;

    Cursor(byte[] raw) throws IOException {
      this.raw = raw;
      read(0);
    }

    boolean done() {
      return at >= raw.length;
    }

    void advance() throws IOException {
      read(next);
    }

    void read(int from) throws IOException {
      at = from;
      if (at >= raw.length) {
        return;
      }
      int i = at;
      int m = 0;
      while (i < raw.length && raw[i] != ' ') {
        m = (m << 3) + (raw[i++] - '0');
      }
      nameStart = i + 1;
      int nul = nameStart;
      while (nul < raw.length && raw[nul] != 0) {
        nul++;
      }
      if (nul + 1 + Constants.OBJECT_ID_LENGTH > raw.length) {
        throw new IOException("damaged tree object");
      }
      mode = m;
      nameEnd = nul;
      next = nul + 1 + Constants.OBJECT_ID_LENGTH;
    }

    boolean tree() {
      return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }

    ObjectId id() {
      return ObjectId.fromRaw(raw, nameEnd + 1);
    }

    boolean sameEntry(Cursor o) {
      return mode == o.mode && Arrays.equals(raw, nameEnd + 1, next, o.raw, o.nameEnd + 1, o.next);
    }

    /** This entry's path below {@code dir} (which ends in {@code /} unless it is the root). */
    byte[] path(byte[] dir) {
      byte[] p = Arrays.copyOf(dir, dir.length + nameEnd - nameStart);
      System.arraycopy(raw, nameStart, p, dir.length, nameEnd - nameStart);
      return p;
    }
  }

  /**
   * Git's order of two entries: their names byte by byte, a tree's name followed by {@code /}, so
   * that a file and a folder of the same name are two entries.
   */
  private static int order(Cursor a, Cursor b) {
    int i = a.nameStart;
    int j = b.nameStart;
    while (i < a.nameEnd && j < b.nameEnd) {
      int c = (a.raw[i++] & 0xff) - (b.raw[j++] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    int ca = i < a.nameEnd ? a.raw[i] & 0xff : a.tree() ? '/' : 0;
    int cb = j < b.nameEnd ? b.raw[j] & 0xff : b.tree() ? '/' : 0;
    return ca - cb;
  }

  private void compare(byte[] dir, byte[] before, byte[] after, boolean all, List<DiffEntry> out)
      throws IOException {
    Cursor a = new Cursor(before);
    Cursor b = new Cursor(after);
    while (!a.done() || !b.done()) {
      if (!a.done() && !b.done() && !skipSame(a, b)) {
        return; // the rest of both trees is the same
      }
      int c = a.done() ? 1 : b.done() ? -1 : order(a, b);
      if (c < 0) {
        one(dir, a, true, all, out);
        a.advance();
      } else if (c > 0) {
        one(dir, b, false, all, out);
        b.advance();
      } else {
        if (!a.sameEntry(b)) {
          both(dir, a, b, all, out);
        }
        a.advance();
        b.advance();
      }
    }
  }

  /**
   * Moves both cursors past the entries they share byte for byte, up to the first byte where the
   * trees differ (found at once, as most of a folder's entries are the same from one commit to the
   * next); false when nothing differs after them.
   */
  private static boolean skipSame(Cursor a, Cursor b) throws IOException {
    int m = Arrays.mismatch(a.raw, a.at, a.raw.length, b.raw, b.at, b.raw.length);
    if (m < 0) {
      return false;
    }
    int from = a.at;
    int differs = from + m;
    if (a.next > differs) {
      return true; // the entries at the cursors differ already
    }
    while (!a.done() && a.next <= differs) {
      a.advance();
    }
    // The bytes before the difference are the same, so are the entries' places in them.
    b.read(b.at + (a.at - from));
    return true;
  }

  /** An entry only in the tree before ({@code gone}) or only in the tree after. */
  private void one(byte[] dir, Cursor e, boolean gone, boolean all, List<DiffEntry> out)
      throws IOException {
    byte[] path = e.path(dir);
    int where = all ? INSIDE : where(path);
    if (e.tree()) {
      if (where != OUTSIDE) {
        byte[] t = tree(e.id());
        compare(slash(path), gone ? t : EMPTY, gone ? EMPTY : t, where == INSIDE, out);
      }
    } else if (where == INSIDE) {
      String p = decode(path);
      FileMode mode = FileMode.fromBits(e.mode);
      AbbreviatedObjectId id = AbbreviatedObjectId.fromObjectId(e.id());
      out.add(
          gone
              ? new Change(DiffEntry.ChangeType.DELETE, p, DiffEntry.DEV_NULL, mode, id, null, null)
              : new Change(DiffEntry.ChangeType.ADD, DiffEntry.DEV_NULL, p, null, null, mode, id));
    }
  }

  /** An entry in both trees that differs in id or mode (both trees, or both not trees). */
  private void both(byte[] dir, Cursor a, Cursor b, boolean all, List<DiffEntry> out)
      throws IOException {
    byte[] path = a.path(dir);
    int where = all ? INSIDE : where(path);
    if (a.tree()) {
      if (where != OUTSIDE) {
        compare(slash(path), tree(a.id()), tree(b.id()), where == INSIDE, out);
      }
      return;
    }
    if (where != INSIDE) {
      return;
    }
    String p = decode(path);
    FileMode was = FileMode.fromBits(a.mode);
    FileMode now = FileMode.fromBits(b.mode);
    AbbreviatedObjectId wasId = AbbreviatedObjectId.fromObjectId(a.id());
    AbbreviatedObjectId nowId = AbbreviatedObjectId.fromObjectId(b.id());
    if (wasId.equals(nowId) || (a.mode & FileMode.TYPE_MASK) == (b.mode & FileMode.TYPE_MASK)) {
      out.add(new Change(DiffEntry.ChangeType.MODIFY, p, p, was, wasId, now, nowId));
    } else {
      // A file become a symbolic link (or the reverse) with other content is one removed and
      // another added.
      out.add(
          new Change(DiffEntry.ChangeType.DELETE, p, DiffEntry.DEV_NULL, was, wasId, null, null));
      out.add(new Change(DiffEntry.ChangeType.ADD, DiffEntry.DEV_NULL, p, null, null, now, nowId));
    }
  }

  private static final int OUTSIDE = 0;
  private static final int INSIDE = 1;
  private static final int ABOVE = 2;

  /** Whether {@code path} is a plans folder or inside one, holds one, or neither. */
  private int where(byte[] path) {
    int found = OUTSIDE;
    for (byte[] f : folders) {
      int n = Math.min(f.length, path.length);
      if (Arrays.mismatch(f, 0, n, path, 0, n) >= 0) {
        continue;
      }
      if (path.length == f.length || (path.length > f.length && path[f.length] == '/')) {
        return INSIDE;
      }
      if (f.length > path.length && f[path.length] == '/') {
        found = ABOVE;
      }
    }
    return found;
  }

  private static byte[] slash(byte[] path) {
    byte[] p = Arrays.copyOf(path, path.length + 1);
    p[path.length] = '/';
    return p;
  }

  private static String decode(byte[] path) {
    return RawParseUtils.decode(StandardCharsets.UTF_8, path, 0, path.length);
  }

  /** A change as {@code DiffEntry.scan} makes it; a missing side has no mode and the zero id. */
  private static final class Change extends DiffEntry {
    private static final AbbreviatedObjectId ZERO =
        AbbreviatedObjectId.fromObjectId(ObjectId.zeroId());

    Change(
        ChangeType type,
        String oldPath,
        String newPath,
        FileMode oldMode,
        AbbreviatedObjectId oldId,
        FileMode newMode,
        AbbreviatedObjectId newId) {
      this.changeType = type;
      this.oldPath = oldPath;
      this.newPath = newPath;
      this.oldMode = oldMode == null ? FileMode.MISSING : oldMode;
      this.oldId = oldId == null ? ZERO : oldId;
      this.newMode = newMode == null ? FileMode.MISSING : newMode;
      this.newId = newId == null ? ZERO : newId;
    }
  }
}
