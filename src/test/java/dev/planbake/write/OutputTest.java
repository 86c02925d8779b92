package dev.planbake.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path tmp;

  private static final List<Page> SITE_V1 =
      List.of(Page.text("index.html", "<p>v1</p>"), Page.text("plans/a/index.html", "<p>a</p>"));

  @Test
  void writesEveryPageAndTheMarker() throws IOException {
    Path out = tmp.resolve("public");
    new Output(out, List.of(tmp.resolve("plans"))).write(SITE_V1);
    assertEquals("<p>v1</p>", Files.readString(out.resolve("index.html")));
    assertEquals("<p>a</p>", Files.readString(out.resolve("plans/a/index.html")));
    assertTrue(Files.exists(out.resolve(Output.MARKER)));
  }

  @Test
  void theSiteFolderGetsTheUmasksPermissionsLikeAnyNewFolder() throws IOException {
    // A site readable by its owner alone is one a web server running as another user refuses
    // to serve (Files.createTempDirectory would have made it so).
    Path out = tmp.resolve("public");
    new Output(out, List.of(tmp.resolve("plans"))).write(SITE_V1);
    Path plain = Files.createDirectory(tmp.resolve("any-new-folder"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
  }

  @Test
  void aSecondBuildReplacesTheFirstAndLeavesNothingBeside() throws IOException {
    Path out = tmp.resolve("public");
    Output output = new Output(out, List.of(tmp.resolve("plans")));
    output.write(SITE_V1);
    output.write(List.of(Page.text("index.html", "<p>v2</p>")));
    assertEquals("<p>v2</p>", Files.readString(out.resolve("index.html")));
    assertTrue(Files.notExists(out.resolve("plans/a/index.html")), "pages of v1 alone are gone");
    assertEquals(List.of("public"), siblings());
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteIntact() throws IOException {
    Path out = tmp.resolve("public");
    Output output = new Output(out, List.of(tmp.resolve("plans")));
    output.write(SITE_V1);
    // A file and a folder of the same name cannot both be written: the write fails half-way.
    List<Page> broken =
        List.of(
            Page.text("index.html", "<p>v2</p>"),
            Page.text("plans/a", "a file"),
            Page.text("plans/a/index.html", "<p>a2</p>"));
    assertThrows(IOException.class, () -> output.write(broken));
    assertEquals("<p>v1</p>", Files.readString(out.resolve("index.html")));
    assertEquals("<p>a</p>", Files.readString(out.resolve("plans/a/index.html")));
    assertEquals(List.of("public"), siblings(), "the half-written folder is cleaned away");
  }

  @Test
  void foldersLeftByAKilledBuildAreSweptByTheNext() throws IOException, InterruptedException {
    Path out = tmp.resolve("public");
    Output output = new Output(out, List.of(tmp.resolve("plans")));
    output.write(SITE_V1);
    // A build killed half-way leaves its fresh folder (or the site it swapped out) beside the
    // output, named with its process id; the process is gone.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long dead = gone.pid();
    long alive = ProcessHandle.current().pid();
    for (String name :
        List.of(
            ".public.new-" + dead + "-123-1",
            ".public.old-" + dead + "-456",
            ".public.new-" + alive + "-789-1",
            ".public.notes",
            ".other.new-" + dead + "-1-1")) {
      Files.createDirectories(tmp.resolve(name).resolve("plans"));
      Files.writeString(tmp.resolve(name).resolve("plans").resolve("index.html"), "<p>x</p>");
      Files.writeString(tmp.resolve(name).resolve(Output.MARKER), "");
    }
    // Named like one, but without the marker: not planbake's to delete.
    Path unmarked = tmp.resolve(".public.new-" + dead + "-999-1");
    Files.createDirectories(unmarked);
    Files.writeString(unmarked.resolve("notes.txt"), "mine");
    output.write(List.of(Page.text("index.html", "<p>v2</p>")));
    assertEquals(
        Stream.of(
                ".other.new-" + dead + "-1-1",
                ".public.new-" + alive + "-789-1",
                ".public.new-" + dead + "-999-1",
                ".public.notes",
                "public")
            .sorted() // as siblings() lists them: which pid sorts first varies from run to run
            .toList(),
        siblings(),
        "a running build's folder, other outputs', unmarked folders and other files stay");
  }

  @Test
  void aPagePathCannotLeaveTheOutputFolder() throws IOException {
    Path out = tmp.resolve("public");
    Output output = new Output(out, List.of(tmp.resolve("plans")));
    IOException e =
        assertThrows(
            IOException.class, () -> output.write(List.of(Page.text("../escape.html", "x"))));
    assertEquals("page path leaves the output folder: ../escape.html", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("escape.html")));
  }

  @Test
  void refusesTheFilesystemRoot() {
    Path root = tmp.getRoot();
    Output.Refused e =
        assertThrows(Output.Refused.class, () -> new Output(root, List.of(tmp)).write(SITE_V1));
    assertEquals("refusing to write the site into the filesystem root " + root, e.getMessage());
  }

  @Test
  void refusesTheHomeFolder() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    String was = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      Output.Refused e =
          assertThrows(
              Output.Refused.class,
              () -> new Output(home, List.of(tmp.resolve("plans"))).write(SITE_V1));
      assertEquals(
          "refusing to replace your home folder " + home + "; choose another --out",
          e.getMessage());
      assertTrue(Files.exists(home), "the home folder is left where it was");
    } finally {
      System.setProperty("user.home", was);
    }
  }

  @Test
  void refusesThePlansFolderItself() throws IOException {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Files.writeString(plans.resolve("a.md"), "# A");
    Output.Refused e =
        assertThrows(Output.Refused.class, () -> new Output(plans, List.of(plans)).write(SITE_V1));
    assertEquals(
        "refusing to replace "
            + plans
            + ": it is the plans folder "
            + plans
            + "; choose another"
            + " --out",
        e.getMessage());
    assertEquals("# A", Files.readString(plans.resolve("a.md")));
  }

  @Test
  void refusesAFolderThatContainsThePlansFolder() throws IOException {
    Path plans = Files.createDirectories(tmp.resolve("repo/content/plans"));
    Path repo = tmp.resolve("repo");
    Output.Refused e =
        assertThrows(Output.Refused.class, () -> new Output(repo, List.of(plans)).write(SITE_V1));
    assertEquals(
        "refusing to replace "
            + repo
            + ": it contains the plans folder "
            + plans
            + "; choose"
            + " another --out",
        e.getMessage());
    assertTrue(Files.isDirectory(plans));
  }

  @Test
  void refusesANonEmptyFolderItDidNotWrite() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("notes.txt"), "mine");
    Output.Refused e =
        assertThrows(
            Output.Refused.class,
            () -> new Output(docs, List.of(tmp.resolve("plans"))).write(SITE_V1));
    assertEquals(
        "refusing to replace "
            + docs
            + ": it is not empty and was not written by planbake (no .planbake-output file in"
            + " it); empty it or choose another --out",
        e.getMessage());
    assertEquals("mine", Files.readString(docs.resolve("notes.txt")));
  }

  @Test
  void refusesAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("public"), "not a folder");
    Output.Refused e =
        assertThrows(
            Output.Refused.class,
            () -> new Output(file, List.of(tmp.resolve("plans"))).write(SITE_V1));
    assertEquals("refusing to replace " + file + ": it is a file, not a folder", e.getMessage());
  }

  @Test
  void acceptsAnEmptyFolder() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("empty"));
    new Output(out, List.of(tmp.resolve("plans"))).write(SITE_V1);
    assertEquals("<p>v1</p>", Files.readString(out.resolve("index.html")));
  }

  /**
   * What is beside the output, but its lock file, which stays on purpose: it keeps builds of the
   * output in the order they started (PublishOrderTest).
   */
  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(".public.lock"))
          .sorted()
          .toList();
    }
  }
}
