package dev.planbake.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads objects from a repository's pack files, keeping every object it rebuilds from deltas, the
 * bases on the way included. Git stores most versions of a tree as a delta on another version, in
 * chains up to 50 long whose order is not the order of the commits, and JGit keeps only the base
 * just before the object asked for: walking 500 commits of a plans folder rebuilt about fourteen
 * deltas for each tree it read (72,729 for 5,164 trees). Kept here, each delta is applied about
 * once (6,813).
 *
 * <p>An object it cannot read (a loose one, one in an alternate's pack, a damaged pack) is answered
 * with null, and the caller asks JGit.
 */
final class PackedObjects implements AutoCloseable {
  private static final int OBJ_OFS_DELTA = 6;
  private static final int OBJ_REF_DELTA = 7;

  /** A longer chain than this is taken for a damaged pack. */
  private static final int MAX_CHAIN = 10_000;

  /** Objects larger than this are left to JGit. */
  private static final int MAX_SIZE = 8 << 20;

  /** How many bytes of rebuilt objects are kept. */
  private static final long KEPT_BYTES = 48L << 20;

  private final List<PackFileReader> packs = new ArrayList<>();
  private final Inflater inflater = new Inflater();

  /** Rebuilt objects by pack and offset ({@link #key}), least recently used first. */
  private final Map<Long, Typed> kept =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Typed> eldest) {
          if (keptBytes <= KEPT_BYTES) {
            return false;
          }
          keptBytes -= eldest.getValue().bytes().length;
          return true;
        }
      };

  private long keptBytes;
  private int deltas;

  /** The packs of {@code db}; none (every read answered null) when it is not a local directory. */
  PackedObjects(ObjectDatabase db) {
    if (db instanceof ObjectDirectory dir) {
      for (Pack p : dir.getPacks()) {
        packs.add(new PackFileReader(p, packs.size()));
      }
    }
  }

  /** How many deltas were applied so far. */
  int deltas() {
    return deltas;
  }

  /**
   * The content of object {@code id} if it is of type {@code type} and in one of the packs; null
   * when it cannot be read here (JGit then reads it).
   */
  byte[] read(AnyObjectId id, int type) {
    for (PackFileReader p : packs) {
      try {
        long at = p.offset(id);
        if (at < 0) {
          continue;
        }
        Typed o = resolve(p, at);
        return o == null || o.type() != type ? null : o.bytes();
      } catch (IOException | DataFormatException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** An object's type and content. */
  private record Typed(int type, byte[] bytes) {}

  /** The key of offset {@code at} of pack {@code p}: offsets stay far below 2^48. */
  private static long key(PackFileReader p, long at) {
    return ((long) p.number << 48) | at;
  }

  /** One entry's header: its type, its size, where its data starts, and its base's offset. */
  private record Entry(long at, int type, long size, long data, long base) {}

  /**
   * The object at {@code at}: its chain of deltas followed down to a whole object or a kept one,
   * then applied back up, each result kept.
   */
  private Typed resolve(PackFileReader p, long at) throws IOException, DataFormatException {
    Typed base = kept(p, at);
    if (base != null) {
      return base;
    }
    List<Entry> chain = new ArrayList<>();
    long pos = at;
    while (base == null) {
      if (chain.size() > MAX_CHAIN) {
        return null;
      }
      Entry e = p.entry(pos);
      if (e.size() > MAX_SIZE) {
        return null;
      }
      if (e.type() == OBJ_OFS_DELTA || e.type() == OBJ_REF_DELTA) {
        chain.add(e);
        Typed k = kept(p, e.base());
        if (k != null) {
          base = k;
        }
        pos = e.base();
      } else if (e.type() >= Constants.OBJ_COMMIT && e.type() <= Constants.OBJ_TAG) {
        base = new Typed(e.type(), p.inflate(inflater, e.data(), (int) e.size()));
        keep(p, e.at(), base);
      } else {
        return null;
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Entry e = chain.get(i);
      byte[] delta = p.inflate(inflater, e.data(), (int) e.size());
      base = new Typed(base.type(), apply(base.bytes(), delta));
      deltas++;
      keep(p, e.at(), base);
    }
    return base;
  }

  private Typed kept(PackFileReader p, long at) {
    return kept.get(key(p, at));
  }

  private void keep(PackFileReader p, long at, Typed o) {
    Typed before = kept.put(key(p, at), o);
    keptBytes += o.bytes().length - (before == null ? 0 : before.bytes().length);
  }

  /**
   * {@code base} with git's binary {@code delta} applied: the sizes before and after, then
   * instructions that copy a range of the base or insert the bytes that follow them.
   */
  static byte[] apply(byte[] base, byte[] delta) throws DataFormatException {
    int[] at = {0};
    if (size(delta, at) != base.length) {
      throw new DataFormatException("delta for another base");
    }
    long length = size(delta, at);
    if (length > MAX_SIZE) {
      throw new DataFormatException("delta result too large");
    }
    byte[] out = new byte[(int) length];
    int o = 0;
    int i = at[0];
    while (i < delta.length) {
      int cmd = delta[i++] & 0xff;
      if ((cmd & 0x80) != 0) {
        long from = 0;
        int n = 0;
        for (int b = 0; b < 4; b++) {
          if ((cmd & (1 << b)) != 0) {
            from |= (long) (delta[i++] & 0xff) << (8 * b);
          }
        }
        for (int b = 0; b < 3; b++) {
          if ((cmd & (0x10 << b)) != 0) {
            n |= (delta[i++] & 0xff) << (8 * b);
          }
        }
        if (n == 0) {
          n = 0x10000;
        }
        if (from + n > base.length || o + n > out.length) {
          throw new DataFormatException("delta copies outside its base");
        }
        System.arraycopy(base, (int) from, out, o, n);
        o += n;
      } else if (cmd != 0) {
        if (i + cmd > delta.length || o + cmd > out.length) {
          throw new DataFormatException("delta inserts past its end");
        }
        System.arraycopy(delta, i, out, o, cmd);
        i += cmd;
        o += cmd;
      } else {
        throw new DataFormatException("reserved delta instruction");
      }
    }
    if (o != out.length) {
      throw new DataFormatException("delta result shorter than said");
    }
    return out;
  }

  /** A size at {@code at[0]} of a delta: seven bits a byte, lowest first; moves {@code at[0]}. */
  private static long size(byte[] delta, int[] at) throws DataFormatException {
    long size = 0;
    int shift = 0;
    int c;
    do {
      if (at[0] >= delta.length || shift > 56) {
        throw new DataFormatException("bad delta header");
      }
      c = delta[at[0]++] & 0xff;
      size |= (long) (c & 0x7f) << shift;
      shift += 7;
    } while ((c & 0x80) != 0);
    return size;
  }

  @Override
  public void close() {
    inflater.end();
    for (PackFileReader p : packs) {
      p.close();
    }
  }

  /** One pack file, read by position through a window of a few kilobytes. */
  private static final class PackFileReader {
    private final Pack pack;
    private final int number;
    private PackIndex index;
    private FileChannel channel;
    private final byte[] window = new byte[16384];
    private long windowAt = -1;
    private int windowLength;

    PackFileReader(Pack pack, int number) {
      this.pack = pack;
      this.number = number;
    }

    long offset(AnyObjectId id) throws IOException {
      if (index == null) {
        index = pack.getIndex();
      }
      return index.findOffset(id);
    }

    /**
     * Moves the window to {@code at} unless it holds {@code at} and {@code need} bytes after it;
     * returns where {@code at} is in it.
     */
    private int window(long at, int need) throws IOException {
      if (windowAt < 0 || at < windowAt || at + need > windowAt + windowLength) {
        if (channel == null) {
          channel = FileChannel.open(pack.getPackFile().toPath(), StandardOpenOption.READ);
        }
        ByteBuffer b = ByteBuffer.wrap(window);
        while (b.hasRemaining() && channel.read(b, at + b.position()) > 0) {
          // read until the window is full or the file ends
        }
        windowAt = at;
        windowLength = b.position();
      }
      return (int) (at - windowAt);
    }

    /** The header of the entry at {@code at}. */
    Entry entry(long at) throws IOException {
      int i = window(at, 32);
      int end = windowLength;
      byte[] h = window;
      int c = h[i++] & 0xff;
      int type = (c >> 4) & 7;
      long size = c & 15;
      int shift = 4;
      while ((c & 0x80) != 0) {
        if (i >= end || shift > 56) {
          throw new IOException("bad pack entry header at " + at);
        }
        c = h[i++] & 0xff;
        size += (long) (c & 0x7f) << shift;
        shift += 7;
      }
      long base = -1;
      if (type == OBJ_OFS_DELTA) {
        c = h[i++] & 0xff;
        long back = c & 127;
        while ((c & 128) != 0) {
          if (i >= end) {
            throw new IOException("bad delta offset at " + at);
          }
          back += 1;
          c = h[i++] & 0xff;
          back = (back << 7) + (c & 127);
        }
        base = at - back;
        if (base < 0 || base >= at) {
          throw new IOException("bad delta base at " + at);
        }
      } else if (type == OBJ_REF_DELTA) {
        if (i + Constants.OBJECT_ID_LENGTH > end) {
          throw new IOException("short pack entry at " + at);
        }
        base = offset(ObjectId.fromRaw(h, i));
        if (base < 0) {
          throw new IOException("delta base outside the pack at " + at);
        }
        i += Constants.OBJECT_ID_LENGTH;
      }
      return new Entry(at, type, size, windowAt + i, base);
    }

    /** The {@code size} bytes that the zlib stream starting at {@code at} inflates to. */
    byte[] inflate(Inflater inf, long at, int size) throws IOException, DataFormatException {
      byte[] out = new byte[size];
      inf.reset();
      long pos = at;
      int got = 0;
      while (got < size) {
        if (inf.needsInput()) {
          int i = window(pos, 1);
          int n = windowLength - i;
          if (n <= 0) {
            throw new IOException("pack ends inside an object at " + at);
          }
          inf.setInput(window, i, n);
          pos += n;
        }
        int n = inf.inflate(out, got, size - got);
        if (n == 0 && !inf.needsInput()) {
          throw new DataFormatException("object shorter than its header at " + at);
        }
        got += n;
      }
      return out;
    }

    void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // opened to read only: nothing is lost
        }
      }
    }
  }
}
