package dev.planbake.render;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Fatal;
import dev.planbake.diag.Position;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The look of the site: Pebble templates and static assets from the default theme packed in the jar
 * ({@code site-theme/}), each of which a user theme folder can override by holding a file of the
 * same name. Templates are compiled once and autoescape HTML.
 */
final class Theme {
  static final String BUILT_IN = "site-theme";

  /** Where the search library goes in the site; the search page loads it from there. */
  static final String FUSE_ASSET = "assets/fuse.min.js";

  /** Fuse.js as its WebJar packs it; the version is the pom's, stamped in at build time. */
  private static final byte[] FUSE =
      vendored("META-INF/resources/webjars/fuse.js/" + vendorVersion("fuse") + "/dist/fuse.min.js");

  private final Path userDir;
  private final PebbleEngine engine;

  private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();

  Theme(Path userDir) {
    this.userDir = userDir;
    List<Loader<?>> loaders = new ArrayList<>();
    if (userDir != null) {
      FileLoader user = new FileLoader();
      user.setPrefix(userDir.resolve("templates").toAbsolutePath().toString());
      user.setSuffix(".peb");
      loaders.add(user);
    }
    ClasspathLoader builtIn = new ClasspathLoader(Theme.class.getClassLoader());
    builtIn.setPrefix(BUILT_IN + "/templates");
    builtIn.setSuffix(".peb");
    loaders.add(builtIn);
    this.engine =
        new PebbleEngine.Builder()
            .loader(new DelegatingLoader(loaders))
            .autoEscaping(true)
            // As Pebble's own "html" escaping (unbescape), but without its tables of named
            // references, whose class initialiser took ~50 ms of a cold build on one thread while
            // the others waited for it; characters outside Latin-1 become numeric references, so
            // a page stays one byte per character while it is built and encoded.
            .addEscapingStrategy("html", Escape::xml)
            .defaultEscapingStrategy("html")
            .extension(Grouped.EXTENSION)
            .extension(Utf8Html.RAW)
            // The site is written in English whatever the machine's language: filters such as
            // lower then give the same bytes everywhere ("IN" is not "ın" on a Turkish machine).
            .defaultLocale(java.util.Locale.ENGLISH)
            .strictVariables(true)
            .newLineTrimming(true)
            .build();
  }

  /**
   * Renders a template with the given context.
   *
   * @throws Fatal if a template does not compile or fails while it renders (an attribute it names
   *     does not exist, say), at the file and line of the template it happened in
   */
  String render(String template, Map<String, Object> context) {
    PebbleTemplate t = template(template);
    Text out = TEXT.get();
    if (out.busy) {
      out = new Text(); // a template rendered while another renders on this thread
    }
    out.busy = true;
    try {
      t.evaluate(out, context);
      return out.sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PebbleException e) {
      throw fatal(template, e);
    } finally {
      out.reset();
    }
  }

  /**
   * Renders a template into the page at {@code path}, its text encoded as UTF-8 while it is written
   * (see {@link Utf8Text}).
   *
   * @throws Fatal as {@link #render} does
   */
  Page page(String path, String template, Map<String, Object> context) {
    PebbleTemplate t = template(template);
    Utf8Text out = BYTES.get();
    if (out.busy) {
      out = new Utf8Text(); // a page rendered while another renders on this thread
    }
    out.busy = true;
    try {
      t.evaluate(out, context);
      return new Page(path, out.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PebbleException e) {
      throw fatal(template, e);
    } finally {
      out.reset();
    }
  }

  private PebbleTemplate template(String template) {
    try {
      return compiled.computeIfAbsent(template, engine::getTemplate);
    } catch (PebbleException e) {
      throw fatal(template, e);
    }
  }

  /**
   * A template's failure at its file and line: the user's theme file if it has one of that name,
   * else the built-in theme's, with a hint on whose mistake it likely is.
   */
  private Fatal fatal(String template, PebbleException e) {
    String name = e.getFileName() != null ? e.getFileName() : template;
    int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
    String file = name.endsWith(".peb") ? name : name + ".peb";
    Path theirs = userDir == null ? null : userDir.resolve("templates").resolve(file);
    boolean overridden = theirs != null && Files.isRegularFile(theirs);
    Path at = overridden ? theirs : Path.of(BUILT_IN, "templates", file);
    Diagnostic d = Diagnostic.error(Position.of(at, at.toString(), line), message(e));
    if (!overridden) {
      d =
          d.withHint(
              userDir == null
                  ? "in planbake's built-in theme: please report it"
                  : "in the built-in theme, used with your theme's templates: check what they"
                      + " pass to it and the macros they define");
    }
    return new Fatal(List.of(d), e);
  }

  /** Pebble's message for a name a view does not have, as in {@code site.titel}. */
  private static final Pattern NO_ATTRIBUTE =
      Pattern.compile(
          "Attribute \\[(\\w+)\\] of \\[([\\w.$]+)\\] does not exist.*", Pattern.DOTALL);

  /**
   * Pebble's message, except that a name a view does not have lists the names it has, in the
   * theme's terms instead of the Java class's ({@code View$Site}).
   */
  private static String message(PebbleException e) {
    String message = e.getPebbleMessage();
    Matcher m = NO_ATTRIBUTE.matcher(message);
    if (!m.matches()) {
      return message;
    }
    try {
      Class<?> view = Class.forName(m.group(2), false, Theme.class.getClassLoader());
      if (!view.isRecord()) {
        return message;
      }
      List<String> names = names(view);
      return "`"
          + m.group(1)
          + "` is not a field of "
          + view.getSimpleName()
          + "; it has "
          + String.join(", ", names);
    } catch (ClassNotFoundException | LinkageError notFound) {
      return message;
    }
  }

  /**
   * The names a template can read of a view: the record's components in order, then the values it
   * derives (a progress's {@code empty}), by name.
   */
  static List<String> names(Class<?> view) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : view.getRecordComponents()) {
      names.add(c.getName());
    }
    List<String> derived = new ArrayList<>();
    for (Method method : view.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0
          && !method.getName().equals("hashCode")
          && !method.getName().equals("toString")
          && !names.contains(method.getName())) {
        derived.add(method.getName());
      }
    }
    derived.sort(null); // the JVM lists methods in no particular order
    names.addAll(derived);
    return names;
  }

  /**
   * Each thread writes its pages into one buffer, which keeps its size from page to page (most
   * pages are tens of kilobytes: a new buffer would grow by copying several times for each).
   */
  private static final ThreadLocal<Text> TEXT = ThreadLocal.withInitial(Text::new);

  private static final ThreadLocal<Utf8Text> BYTES = ThreadLocal.withInitial(Utf8Text::new);

  /** A page being written: a {@link StringWriter} without its lock on every write. */
  private static final class Text extends java.io.Writer {
    /** Above this a buffer is not kept for the next page (a search page, a long list). */
    private static final int KEPT = 1 << 20;

    private StringBuilder sb = new StringBuilder(16384);
    private boolean busy;

    void reset() {
      busy = false;
      if (sb.capacity() > KEPT) {
        sb = new StringBuilder(16384);
      } else {
        sb.setLength(0);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) {
      sb.append(buf, off, len);
    }

    @Override
    public void write(String str) {
      sb.append(str);
    }

    @Override
    public void write(String str, int off, int len) {
      sb.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
      sb.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  /**
   * Every asset as site path to bytes: the built-in ones, overridden and extended by the user's.
   */
  /** The built-in theme's assets, read once: they are in the jar and do not change. */
  private static volatile Map<String, byte[]> builtInAssets;

  /**
   * Every asset of the theme by site path: the built-in ones (the same arrays every time, never to
   * be written to) with the user's on top, read afresh.
   */
  Map<String, byte[]> assets() {
    Map<String, byte[]> builtIn = builtInAssets;
    if (builtIn == null) {
      Map<String, byte[]> read = new TreeMap<>();
      readBuiltInAssets(read);
      builtIn = Collections.unmodifiableMap(read);
      builtInAssets = builtIn;
    }
    Map<String, byte[]> out = new TreeMap<>(builtIn);
    out.put(FUSE_ASSET, FUSE);
    if (userDir != null && Files.isDirectory(userDir.resolve("assets"))) {
      readTree(userDir.resolve("assets"), out);
    }
    return out;
  }

  private static String vendorVersion(String name) {
    try (InputStream in = Theme.class.getResourceAsStream("vendor.properties")) {
      if (in == null) {
        throw new IllegalStateException("vendor.properties is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] vendored(String resource) {
    try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readBuiltInAssets(Map<String, byte[]> out) {
    URL url = Theme.class.getClassLoader().getResource(BUILT_IN + "/assets");
    if (url == null) {
      throw new IllegalStateException("the built-in theme is missing from the classpath");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = newFileSystem(uri);
        }
        readTree(fs.provider().getPath(uri), out);
      } else {
        readTree(Path.of(uri), out);
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized FileSystem newFileSystem(URI uri) {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    }
  }

  private static void readTree(Path dir, Map<String, byte[]> out) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        Path relPath = dir.relativize(f);
        String rel =
            relPath.toString().replace(relPath.getFileSystem().getSeparator().charAt(0), '/');
        try (InputStream in = Files.newInputStream(f)) {
          out.put("assets/" + rel, in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
