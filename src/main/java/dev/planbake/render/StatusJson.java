package dev.planbake.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.planbake.diag.Diagnostic;
import dev.planbake.model.Gate;
import dev.planbake.model.Phase;
import dev.planbake.model.Progress;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status.json}: the machine-readable contract (see docs/status-json.md). Keys are written in
 * a fixed order and units sorted by id, so the same plans always give the same bytes.
 */
final class StatusJson {
  private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new HtmlSafe());

  /**
   * Escapes {@code < > &} (and the two JavaScript line separators) as {@code \\u} sequences, so
   * that a title like {@code </script>} stays harmless if the JSON is ever inlined in a page.
   */
  static final class HtmlSafe extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
      ASCII['<'] = ESCAPE_STANDARD;
      ASCII['>'] = ESCAPE_STANDARD;
      ASCII['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }

  /**
   * The contract's version: 2 since {@code blocked} and {@code ready} mean the board's standing (a
   * started unit is neither) and {@code standing}, {@code waiting_on} and {@code blocked_reason}
   * came.
   */
  static final int VERSION = 2;

  private StatusJson() {}

  /**
   * Each unit's object as last written, for a kept session ({@code serve}): an edit changes a few
   * units, and the others are copied instead of written again. Only what the last render used is
   * kept. Used by one thread at a time.
   */
  static final class Memo {
    /** A unit's object as UTF-8, ready to be copied into the file as it is. */
    private record Written(Unit unit, byte[] json) {}

    private Map<UnitId, Written> last = new HashMap<>();
    private Map<UnitId, Written> next = new HashMap<>();

    /** The size of the last file: the next is about as large, so its buffer never grows. */
    private int size = 1 << 16;

    private byte[] json(Unit u) {
      Written w = last.get(u.id());
      if (w == null || (w.unit != u && !w.unit.equals(u))) {
        w = new Written(u, unitBytes(u));
      }
      next.put(u.id(), w);
      return w.json;
    }

    private void endRound() {
      last = next;
      next = new HashMap<>(2 * last.size());
    }
  }

  /** As UTF-8 bytes: for 100,000 units this is tens of megabytes, so no String copy of it. */
  static byte[] render(Repository repo, List<Diagnostic> diagnostics, String generator) {
    return render(repo, diagnostics, generator, null);
  }

  /**
   * @param memo units' objects from the last render to reuse (null: write every unit)
   */
  static byte[] render(Repository repo, List<Diagnostic> diagnostics, String generator, Memo memo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(memo == null ? 1 << 16 : memo.size);
    write(
        out,
        g -> {
          g.writeStartObject();
          g.writeStringField("generator", generator);
          g.writeNumberField("version", VERSION);
          progress(g, "progress", repo.progress());
          g.writeArrayFieldStart("units");
          for (Unit u : repo.units()) {
            if (memo == null) {
              unit(g, u);
            } else {
              // The generator writes the separator before a value (and counts it, for the
              // closing bracket); the object's bytes then go straight after it, as they are.
              g.writeRawValue("");
              g.flush();
              out.writeBytes(memo.json(u));
            }
          }
          if (memo != null) {
            memo.endRound();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("critical_path");
          for (UnitId id : repo.criticalPath()) {
            g.writeString(id.toString());
          }
          g.writeEndArray();
          diagnosticsField(g, diagnostics);
          g.writeEndObject();
        });
    if (memo != null) {
      memo.size = out.size() + (out.size() >> 4);
    }
    return out.toByteArray();
  }

  /** Just the problems, in the same shape as in status.json ({@code check --format json}). */
  static String diagnostics(List<Diagnostic> diagnostics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 12);
    write(
        out,
        g -> {
          g.writeStartObject();
          diagnosticsField(g, diagnostics);
          g.writeEndObject();
        });
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void unit(JsonGenerator g, Unit u) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", u.id().toString());
    g.writeStringField("title", u.title());
    g.writeStringField("source", u.source());
    g.writeStringField("style", u.style().slug());
    g.writeStringField("url", Urls.unitPage(u));
    g.writeStringField("status", u.status().slug());
    g.writeStringField("declared_status", u.declared().status().slug());
    g.writeStringField("derived_status", u.derived().slug());
    progress(g, "progress", u.progress());
    ids(g, "depends_on", u.dependsOn());
    ids(g, "enables", u.enables());
    ids(g, "related", u.related());
    g.writeStringField("standing", u.standing().slug());
    g.writeBooleanField("blocked", u.blocked());
    g.writeBooleanField("ready", u.ready());
    g.writeBooleanField("waiting", u.waiting());
    ids(g, "waiting_on", u.waitingOn());
    g.writeStringField("blocked_reason", u.blockedReason());
    g.writeBooleanField("placeholder", u.placeholder());
    g.writeArrayFieldStart("phases");
    if (u.part() != null) {
      for (Phase p : u.part().content().phases()) {
        g.writeStartObject();
        g.writeStringField("name", p.name().isEmpty() ? "Phase " + p.number() : p.name());
        progress(g, "progress", p.progress());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("gates");
    if (u.part() != null) {
      for (Gate gate : u.part().content().gates()) {
        g.writeStartObject();
        g.writeStringField("name", gate.name());
        g.writeStringField("status", gate.result());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void diagnosticsField(JsonGenerator g, List<Diagnostic> diagnostics)
      throws IOException {
    g.writeArrayFieldStart("diagnostics");
    for (Diagnostic d : diagnostics) {
      g.writeStartObject();
      g.writeStringField("severity", d.severity().label());
      g.writeStringField("source", d.position().source());
      g.writeNumberField("line", d.position().line());
      g.writeStringField("message", d.message());
      if (!d.hint().isEmpty()) {
        g.writeStringField("hint", d.hint());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void progress(JsonGenerator g, String name, Progress p) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("done", p.done());
    g.writeNumberField("total", p.total());
    g.writeEndObject();
  }

  private static void ids(JsonGenerator g, String name, List<UnitId> ids) throws IOException {
    g.writeArrayFieldStart(name);
    for (UnitId id : ids) {
      g.writeString(id.toString());
    }
    g.writeEndArray();
  }

  /**
   * One unit's object alone, as {@link #render} writes it in the list of units: indented one level
   * in, as the list is a field of the top object.
   */
  private static byte[] unitBytes(Unit u) {
    // Written as UTF-8 by the same kind of generator as the file, which escapes what a generator
    // writing characters would not (the halves of an emoji's surrogate pair).
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new Nested(pretty(), 1));
      unit(g, u);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A pretty printer that starts {@code nesting} levels in. */
  private static final class Nested extends DefaultPrettyPrinter {
    Nested(DefaultPrettyPrinter base, int nesting) {
      super(base);
      _nesting = nesting;
    }
  }

  private static DefaultPrettyPrinter pretty() {
    return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static void write(ByteArrayOutputStream out, Body body) {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(pretty());
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
  }
}
