package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML list one element at a time (the full OFAC or EU list is tens of megabytes; no DOM), by local
 * name so that the publishers' namespaces, which they change, do not matter. DTDs and external entities are off:
 * a list file is input from outside, and an entity must not read a local file or call a URL (XXE).
 */
final class StreamingXml {

    /** Receives elements by their path below the root, e.g. {@code sdnEntry/akaList/aka/lastName}. */
    interface Handler {

        /** {@code attributes} is valid only during this call. */
        default void start(String path, Attributes attributes) throws IOException {}

        /** {@code text} is the element's own text, stripped; empty for an element holding only elements. */
        default void end(String path, String text) throws IOException {}
    }

    /** An element's attributes by local name. */
    interface Attributes {

        /** The value, or null when absent. */
        String get(String localName);
    }

    private StreamingXml() {}

    /**
     * Reads the whole document, checking first that its root element is {@code root}.
     *
     * @param expected what the file should be, for error messages: "an OFAC SDN XML file (sdn.xml)"
     * @throws IOException when the input is not well-formed XML or has another root element
     */
    static void read(InputStream in, String root, String expected, Handler handler) throws IOException {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(in);
            StringBuilder path = new StringBuilder();
            Deque<Integer> lengths = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = reader.getLocalName();
                        if (!rootSeen) {
                            if (!root.equals(name)) {
                                throw new IOException("expected " + expected + " with root element <" + root
                                        + ">, found <" + name + ">");
                            }
                            rootSeen = true;
                            continue;
                        }
                        lengths.push(path.length());
                        path.append(path.length() == 0 ? "" : "/").append(name);
                        text.setLength(0);
                        XMLStreamReader current = reader;
                        handler.start(path.toString(), attribute -> current.getAttributeValue(null, attribute));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (lengths.isEmpty()) {
                            continue; // the root closes
                        }
                        handler.end(path.toString(), text.toString().strip());
                        text.setLength(0);
                        path.setLength(lengths.pop());
                    }
                    default -> {
                        // comments, processing instructions, whitespace outside elements
                    }
                }
            }
            if (!rootSeen) {
                throw new IOException("expected " + expected + " with root element <" + root + ">, found no element");
            }
        } catch (XMLStreamException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            String reason = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
            throw new IOException("not well-formed XML" + where + "; expected " + expected + ": " + reason, e);
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close(); // releases the parser only; the caller's stream stays open
            } catch (XMLStreamException ignored) {
                // nothing was written; nothing to lose
            }
        }
    }
}
