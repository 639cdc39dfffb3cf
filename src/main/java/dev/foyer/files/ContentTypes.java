package dev.foyer.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.Locale;
import java.util.Set;

/**
 * The type of a file, told from its first bytes (magic numbers), never from the name or what
 * the browser claimed. Only the types on a short list are ever sent back as such; everything
 * else is downloaded as {@code application/octet-stream}.
 */
final class ContentTypes {

    /** How many leading bytes detection looks at. */
    static final int HEAD = 64 * 1024;

    static final String OCTET_STREAM = "application/octet-stream";
    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String ZIP = "application/zip";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    static final String ODP = "application/vnd.oasis.opendocument.presentation";
    static final String TEXT = "text/plain";
    /** Text that a browser would run as a page (HTML, SVG, XML): never sent as such. */
    static final String MARKUP = "text/html";

    private static final Set<String> SAFE = Set.of(PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, ODP, TEXT);
    private static final Set<String> ODF = Set.of(ODT, ODS, ODP);
    private static final String[] MARKUP_SIGNS = {"<!doctype", "<html", "<head", "<body", "<script", "<svg", "<iframe",
            "<?xml", "<object", "<embed", "<meta", "<a ", "<img", "<style", "<form", "<div", "<table"};

    private ContentTypes() {
    }

    /** The type of content that starts with these bytes (at most {@link #HEAD} of them). */
    static String detect(byte[] head) {
        if (startsWith(head, "%PDF-")) {
            return PDF;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return GIF;
        }
        if (startsWith(head, "RIFF") && head.length >= 12 && ascii(head, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return zipKind(head);
        }
        if (isText(head)) {
            return looksLikeMarkup(head) ? MARKUP : TEXT;
        }
        return OCTET_STREAM;
    }

    /** The Content-Type a download is sent with: the detected type if it is on the safe list. */
    static String forDownload(String detected) {
        if (TEXT.equals(detected)) {
            return "text/plain;charset=UTF-8";
        }
        return detected != null && SAFE.contains(detected) ? detected : OCTET_STREAM;
    }

    private static String zipKind(byte[] head) {
        // ODF: the first entry is "mimetype", stored uncompressed, holding the document's type.
        if (head.length >= 30) {
            int method = u16(head, 8);
            int nameLength = u16(head, 26);
            int extraLength = u16(head, 28);
            if (method == 0 && nameLength == 8 && head.length >= 30 + nameLength
                    && ascii(head, 30, 8).equals("mimetype")) {
                int start = 30 + nameLength + extraLength;
                int length = (int) Math.min(u32(head, 18), 100);
                if (start + length <= head.length) {
                    String type = ascii(head, start, length).strip();
                    if (ODF.contains(type)) {
                        return type;
                    }
                }
            }
        }
        // Office Open XML: [Content_Types].xml plus the part folder of the document kind.
        if (contains(head, "[Content_Types].xml")) {
            if (contains(head, "word/")) {
                return DOCX;
            }
            if (contains(head, "xl/")) {
                return XLSX;
            }
            if (contains(head, "ppt/")) {
                return PPTX;
            }
        }
        return ZIP;
    }

    /** UTF-8 (a sequence cut off at the end of the head is fine) without control characters but tab and line ends. */
    private static boolean isText(byte[] head) {
        int length = head.length >= HEAD ? withoutCutOffSequence(head) : head.length;
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
        } catch (CharacterCodingException e) {
            return false;
        }
        while (chars.hasRemaining()) {
            char c = chars.get();
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The length of bytes without a multi-byte sequence that the end of the head cut in two. */
    private static int withoutCutOffSequence(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= 3 && n - back >= 0; back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }

    private static boolean looksLikeMarkup(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String start = text.replace("\uFEFF", "").stripLeading();
        if (start.startsWith("<")) {
            return true;
        }
        for (String sign : MARKUP_SIGNS) {
            if (text.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, String ascii) {
        return bytes.length >= ascii.length() && ascii(bytes, 0, ascii.length()).equals(ascii);
    }

    private static boolean startsWith(byte[] bytes, int... expected) {
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, Math.min(length, bytes.length - offset), StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] bytes, int offset) {
        return (u16(bytes, offset) | (long) u16(bytes, offset + 2) << 16);
    }
}
