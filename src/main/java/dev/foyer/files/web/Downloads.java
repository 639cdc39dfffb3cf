package dev.foyer.files.web;

import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a download: always an attachment, with the name in RFC 5987 form. */
final class Downloads {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    static String attachment(String name) {
        StringBuilder fallback = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            fallback.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%' ? '_' : c);
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
