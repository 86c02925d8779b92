package dev.planbake.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders (recursively, new subfolders included) with the JDK's WatchService and reports
 * batches of changed paths once the file system has been quiet for a moment, so that an editor's
 * save-as-rename-and-write counts as one change.
 */
final class Watcher implements AutoCloseable {
  private static final long QUIET_MS = 40;

  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param trees folders watched with all their subfolders
   * @param flat folders watched without subfolders (the config file's folder)
   * @param onFailure told of anything a batch threw (watching goes on)
   */
  Watcher(
      List<Path> trees,
      List<Path> flat,
      Consumer<Set<Path>> onChange,
      Consumer<Throwable> onFailure)
      throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    for (Path root : trees) {
      if (Files.isDirectory(root)) {
        registerTree(root);
      }
    }
    for (Path dir : flat) {
      if (Files.isDirectory(dir)) {
        register(dir);
      }
    }
    this.thread = new Thread(() -> loop(onChange, onFailure), "planbake-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (name.equals(".git") || name.equals("node_modules")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            register(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void register(Path dir) throws IOException {
    WatchKey key =
        dir.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    synchronized (dirs) {
      dirs.put(key, dir);
    }
  }

  /**
   * Reports batches until closed. Nothing a batch throws ends the loop: a watcher that died would
   * leave the server showing an old site with no sign that edits are no longer seen.
   */
  private void loop(Consumer<Set<Path>> onChange, Consumer<Throwable> onFailure) {
    while (running) {
      try {
        WatchKey first = service.take();
        Set<Path> changed = new LinkedHashSet<>();
        drain(first, changed);
        WatchKey more;
        while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
          drain(more, changed);
        }
        if (!changed.isEmpty()) {
          onChange.accept(changed);
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (Throwable e) {
        if (!running) {
          return;
        }
        onFailure.accept(e);
      }
    }
  }

  private void drain(WatchKey key, Set<Path> changed) {
    Path dir;
    synchronized (dirs) {
      dir = dirs.get(key);
    }
    for (WatchEvent<?> event : key.pollEvents()) {
      if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed.add(Path.of("."));
        continue;
      }
      Path p = dir.resolve((Path) event.context());
      changed.add(p);
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
        try {
          registerTree(p);
        } catch (IOException e) {
          // The folder went away again; nothing to watch.
        }
      }
    }
    if (!key.reset()) {
      synchronized (dirs) {
        dirs.remove(key);
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    service.close();
    thread.interrupt();
  }
}
