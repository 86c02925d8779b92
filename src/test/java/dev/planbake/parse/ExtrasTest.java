package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gates, risks, files and URLs as {@link Extras} reads them from a document's lines. */
class ExtrasTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://pkg.go.dev/github.com/teambition/rrule-go, | https://pkg.go.dev/github.com/teambition/rrule-go",
        "https://a.dev/x. | https://a.dev/x",
        "https://a.dev/x?! | https://a.dev/x",
        "https://en.wikipedia.org/wiki/Rust_(language) | https://en.wikipedia.org/wiki/Rust_(language)",
        "https://a.dev/x) | https://a.dev/x",
        "https://a.dev/x/ | https://a.dev/x/",
      })
  void aBareUrlLeavesTheSentencesPunctuationBehind(String written, String url) {
    assertEquals(url, Extras.bareUrl(written));
  }

  @Test
  void importantUrlsOnOneLineAreEachTheirOwnLink() {
    String md =
        """
        ## Important URLs

        - External Documentation: https://pkg.go.dev/github.com/teambition/rrule-go, https://riverqueue.com/docs/periodic-jobs
        - [saml docs](https://pkg.go.dev/github.com/crewjam/saml) - service provider API
        """;
    Doc doc = DocumentReader.read(Path.of("plans"), "p.md", md, "", false);
    assertEquals(
        List.of(
            "https://pkg.go.dev/github.com/teambition/rrule-go",
            "https://riverqueue.com/docs/periodic-jobs",
            "saml docs=https://pkg.go.dev/github.com/crewjam/saml"),
        doc.content().urls().stream()
            .map(l -> l.label().equals(l.url()) ? l.url() : l.label() + "=" + l.url())
            .toList());
  }
}
