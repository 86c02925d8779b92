package dev.planbake.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The product's link checker ({@link dev.planbake.render.LinkCheck}) over a built site's output
 * folder, in the form the site tests read: {@code page: url (problem)} lines.
 */
final class LinkCheck {
  private final Path root;

  LinkCheck(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  List<String> broken(List<Path> pages) throws IOException {
    dev.planbake.render.LinkCheck check =
        new dev.planbake.render.LinkCheck(
            path -> {
              Path f = root.resolve(path).normalize();
              return f.startsWith(root) && Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
            });
    List<String> relative =
        pages.stream()
            .map(p -> root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'))
            .toList();
    return check.broken(relative).stream().map(Object::toString).toList();
  }
}
