package dev.planbake.cli;

import dev.planbake.config.ConfigFile;
import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command shares: where the plans are, the config file, verbosity. */
final class Common {
  @Option(
      names = "--plans",
      paramLabel = "DIR",
      description = "A plans folder; repeat for several (default: content/plans).")
  List<Path> plans;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (default: planbake.yml if present).")
  Path config;

  @Option(names = "--strict", description = "Exit 1 on errors (build) or on warnings too (check).")
  boolean strict;

  @Option(names = "--verbose", description = "Show per-stage timings and stack traces.")
  boolean verbose;

  @Option(
      names = "--theme",
      paramLabel = "DIR",
      description = "A theme folder whose files override the default theme's.")
  Path theme;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      converter = BaseUrl.class,
      description = "The published site's URL, for canonical links and the sitemap.")
  String baseUrl;

  /** A usage error, as for any malformed option, when the address is not absolute. */
  static final class BaseUrl implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String url = value.strip();
      if (!Settings.isWebAddress(url)) {
        throw new CommandLine.TypeConversionException(
            "'" + url + "' is not an absolute http(s) address such as https://plans.example.com/");
      }
      return url;
    }
  }

  @Option(
      names = "--trust-html",
      description = "Keep raw HTML in plans as written (no sanitising). Only for trusted plans.")
  boolean trustHtml;

  /** The settings from defaults, the config file, then flags. */
  Settings settings(PrintWriter err) throws IOException {
    Settings s = Settings.defaults();
    Path file = config != null ? config : Path.of(ConfigFile.NAME);
    if (config != null || Files.exists(file)) {
      s = ConfigFile.load(file, s);
    }
    if (plans != null && !plans.isEmpty()) {
      s = s.withPlans(plans);
    }
    if (theme != null) {
      s = s.withTheme(theme);
    }
    if (baseUrl != null) {
      s = s.withBaseUrl(baseUrl);
    }
    if (trustHtml) {
      s = s.withTrustHtml(true);
    }
    return s;
  }

  static void print(PrintWriter err, List<Diagnostic> diagnostics) {
    Path cwd = Path.of("");
    for (Diagnostic d : diagnostics) {
      err.println(d.format(cwd));
    }
  }
}
