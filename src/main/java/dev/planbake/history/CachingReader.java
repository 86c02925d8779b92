package dev.planbake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * One reader for a whole walk, which keeps what the walk asks for twice. The walk compares each
 * commit with its parent, and the next commit it visits is most often that parent: the trees of one
 * comparison are those of the next one, so the trees of the last two comparisons are kept (each
 * tree is read and unpacked once instead of twice). A plan's text after one commit is its text
 * before the next that changed it, so texts are kept by blob for the whole walk, decoded once
 * (which also makes equal texts one string).
 */
final class CachingReader extends ObjectReader.Filter {
  private final ObjectReader delegate;
  private final PackedObjects packed;
  private Map<ObjectId, byte[]> trees = new HashMap<>();
  private Map<ObjectId, byte[]> older = new HashMap<>();
  private final Map<ObjectId, String> texts = new HashMap<>();

  /**
   * @param packed reads trees and texts from the packs, each delta applied once; what it cannot
   *     read is read through {@code delegate}
   */
  CachingReader(ObjectReader delegate, PackedObjects packed) {
    this.delegate = delegate;
    this.packed = packed;
  }

  @Override
  public void close() {
    packed.close();
    super.close();
  }

  @Override
  protected ObjectReader delegate() {
    return delegate;
  }

  /** Starts the next comparison: trees of the one before last are let go. */
  void next() {
    older = trees;
    trees = new HashMap<>();
  }

  @Override
  public ObjectLoader open(AnyObjectId id, int type) throws IOException {
    if (type != Constants.OBJ_TREE) {
      return delegate.open(id, type);
    }
    byte[] raw = trees.get(id);
    if (raw == null) {
      raw = older.get(id);
      if (raw == null) {
        raw = packed.read(id, type);
      }
      if (raw == null) {
        raw = delegate.open(id, type).getCachedBytes();
      }
      trees.put(id.copy(), raw);
    }
    return new ObjectLoader.SmallObject(Constants.OBJ_TREE, raw);
  }

  /**
   * The text of a blob, decoded as UTF-8.
   *
   * @throws org.eclipse.jgit.errors.LargeObjectException when it is larger than {@code limit}
   */
  String text(ObjectId blob, int limit) throws IOException {
    String t = texts.get(blob);
    if (t == null) {
      byte[] raw = packed.read(blob, Constants.OBJ_BLOB);
      if (raw == null || raw.length > limit) {
        raw = delegate.open(blob, Constants.OBJ_BLOB).getCachedBytes(limit);
      }
      t = new String(raw, StandardCharsets.UTF_8);
      texts.put(blob.copy(), t);
    }
    return t;
  }
}
