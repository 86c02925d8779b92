package dev.planbake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git repository a test writes commit by commit, each with the author and day the test gives, so
 * that what the site says of history can be checked against what the test wrote.
 */
public final class GitRepo implements AutoCloseable {
  private final Path dir;
  private final Git git;

  private GitRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  public static GitRepo init(Path dir) {
    try {
      Files.createDirectories(dir);
      return new GitRepo(
          dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** Writes a file (relative to the repository); it is committed by the next {@link #commit}. */
  public GitRepo write(String path, String text) {
    try {
      Path f = dir.resolve(path);
      Files.createDirectories(f.getParent());
      Files.writeString(f, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRepo delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRepo move(String from, String to) {
    try {
      Path t = dir.resolve(to);
      Files.createDirectories(t.getParent());
      Files.move(dir.resolve(from), t);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits every change of the work tree as {@code author} on {@code day} (an ISO date, noon UTC
   * plus {@code offsetHours}).
   *
   * @return the new commit's id
   */
  public String commit(String author, String day, int offsetHours, String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      ZoneOffset offset = ZoneOffset.ofHours(offsetHours);
      Instant when = Instant.parse(day + "T12:00:00Z").minusSeconds(offsetHours * 3600L);
      PersonIdent who =
          new PersonIdent(author, author.toLowerCase() + "@example.org", when, offset);
      RevCommit c =
          git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
      return c.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public String commit(String author, String day, String message) {
    return commit(author, day, 0, message);
  }

  /** Packs every object, most of them as deltas on others, as {@code git gc} does. */
  public GitRepo gc() {
    try {
      git.gc().call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes the clone shallow at {@code commit}, as {@code git clone --depth} leaves it. */
  public void shallowAt(String commit) {
    try {
      Files.writeString(dir.resolve(".git").resolve("shallow"), commit + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
