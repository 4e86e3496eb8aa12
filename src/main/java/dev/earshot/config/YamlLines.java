package dev.earshot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of every key path in a YAML document ({@code commands.on[0].action} to 12).
 *
 * <p>Jackson only reports locations for its own binding errors; the cross-field checks (unknown
 * pin, duplicate BCM number, ...) run after binding, so we record where each key was written to
 * point the user at it too.
 */
final class YamlLines {

    private final Map<String, Integer> lines;
    private final JsonToken rootToken;

    private YamlLines(Map<String, Integer> lines, JsonToken rootToken) {
        this.lines = lines;
        this.rootToken = rootToken;
    }

    /** Reads the whole document; syntax errors surface here as Jackson exceptions. */
    static YamlLines scan(JsonParser parser) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        JsonToken root = parser.nextToken();
        JsonToken token = root;
        while (token != null) {
            // A container's start token already lives in its own new context; its key is in the parent's.
            JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent()
                    : parser.getParsingContext();
            if (!token.isStructEnd() && context != null) {
                lines.putIfAbsent(path(context), parser.currentTokenLocation().getLineNr());
            }
            token = parser.nextToken();
        }
        return new YamlLines(lines, root);
    }

    /** The first token of the document: null for an empty one, START_OBJECT for a proper config. */
    JsonToken rootToken() {
        return rootToken;
    }

    /** The line of {@code key}, or of its nearest written parent (e.g. when the key itself is missing). */
    Integer lineOf(String key) {
        String probe = key;
        while (!probe.isEmpty()) {
            Integer line = lines.get(probe);
            if (line != null) {
                return line;
            }
            probe = parentOf(probe);
        }
        return null;
    }

    private static String parentOf(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }

    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
