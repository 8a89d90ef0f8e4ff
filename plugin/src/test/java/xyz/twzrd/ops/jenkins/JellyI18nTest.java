package xyz.twzrd.ops.jenkins;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads in the plugin's Jelly views goes through Stapler's i18n ({@code ${%key}} or
 * {@code ${%key(args)}}): no literal words in text nodes or in the attributes that are shown ({@code title},
 * {@code description}), and every named key (one lower-case word, e.g. {@code config}) has a value in the view's
 * {@code .properties}; a key that is the English text itself may stand alone (Stapler shows the key when no
 * properties file defines it).
 */
class JellyI18nTest {
    private static final Path VIEWS = Path.of("src/main/resources");
    private static final Set<String> SHOWN_ATTRIBUTES = Set.of("title", "description", "displayName");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern I18N = Pattern.compile("\\$\\{%([^(}]*)");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** A key that is one lower-case word (logs, config, run) names a text in the .properties; others are the text. */
    private static final Pattern NAMED_KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    @Test
    void everyTextOfTheViewsIsLocalizable() throws Exception {
        List<Path> views = views();
        assertThat(views).as("Jelly views under %s", VIEWS.toAbsolutePath()).isNotEmpty();
        List<String> literal = new ArrayList<>();
        for (Path view : views) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(view.toFile());
            collect(doc.getDocumentElement(), VIEWS.relativize(view).toString(), literal);
        }
        assertThat(literal).as("literal texts in the views (use ${%...})").isEmpty();
    }

    @Test
    void everyNamedKeyHasAValue() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path view : views()) {
            String name = view.getFileName().toString().replaceFirst("\\.jelly$", ".properties");
            Path props = view.resolveSibling(name);
            java.util.Properties p = new java.util.Properties();
            if (Files.exists(props)) {
                try (var in = Files.newInputStream(props)) {
                    p.load(in);
                }
            }
            Matcher m = I18N.matcher(Files.readString(view));
            while (m.find()) {
                String key = m.group(1).trim();
                if (NAMED_KEY.matcher(key).matches() && p.getProperty(key, "").isBlank()) {
                    missing.add(VIEWS.relativize(view) + ": " + key + " (no value in " + name + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> s = Files.walk(VIEWS)) {
            return s.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    private static void collect(Node node, String view, List<String> literal) {
        if (node.getNodeType() == Node.TEXT_NODE && hasWords(node.getNodeValue())) {
            literal.add(view + ": text '" + node.getNodeValue().trim() + "'");
        }
        if (node instanceof Element e) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (SHOWN_ATTRIBUTES.contains(a.getName()) && hasWords(a.getValue())) {
                    literal.add(view + ": " + e.getTagName() + " @" + a.getName() + "='" + a.getValue() + "'");
                }
            }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, view, literal);
        }
    }

    /** Words left once every ${...} expression is removed. */
    private static boolean hasWords(String s) {
        return s != null && WORD.matcher(EXPRESSION.matcher(s).replaceAll("")).find();
    }
}
