package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a site needs at its root beside the pages (GitHub Pages' {@code CNAME} and {@code
 * .nojekyll}) live in {@code static/} beside the config file and are copied on every build, so the
 * next build no longer deletes them (issue 24 item 7).
 */
class StaticFilesTest {
  @Test
  void theStaticFolderIsCopiedToTheSiteRootOnEveryBuild(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "a.md", "# A\n");
    Path statics = Files.createDirectories(tmp.resolve("static/img"));
    Files.writeString(tmp.resolve("static/CNAME"), "plans.example.com\n");
    Files.writeString(tmp.resolve("static/.nojekyll"), "");
    Files.write(statics.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(tmp.resolve("static/index.html"), "<p>not the dashboard</p>");
    Files.createSymbolicLink(tmp.resolve("static/passwd"), Path.of("/etc/passwd"));
    Settings settings = site.settings().withBase(tmp);

    Site.build(settings);
    Site.Result r = Site.build(settings); // the second build keeps them too
    Path out = site.out();
    assertAll(
        () -> assertEquals("plans.example.com\n", Files.readString(out.resolve("CNAME"))),
        () -> assertTrue(Files.isRegularFile(out.resolve(".nojekyll"))),
        () -> assertEquals(4, Files.size(out.resolve("img/logo.png"))),
        () -> assertTrue(Files.readString(out.resolve("index.html")).contains("<!DOCTYPE html>")),
        () -> assertTrue(Files.notExists(out.resolve("passwd"))),
        () ->
            assertEquals(
                java.util.List.of(
                    "static/index.html: warning: not copied to the site: the site has a page at"
                        + " this path, which is kept",
                    "static/passwd: warning: not copied to the site: a symbolic link; copy the"
                        + " file itself into the folder"),
                TestSite.lines(r)),
        () -> assertEquals(2, r.warnings()));
  }

  @Test
  void withoutAStaticFolderNothingChanges(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "a.md", "# A\n");
    Site.Result r = Site.build(site.settings().withBase(tmp));
    assertEquals(0, r.warnings(), TestSite.lines(r).toString());
  }
}
