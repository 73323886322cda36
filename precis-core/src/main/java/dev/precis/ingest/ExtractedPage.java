package dev.precis.ingest;

import java.time.Instant;

/**
 * Main text and metadata extracted from an HTML page.
 *
 * @param title page title or {@code null}
 * @param text main text, one paragraph a line
 * @param url canonical URL or {@code null}
 * @param outlet site name or {@code null}
 * @param published publication time or {@code null}
 * @param author author or {@code null}
 * @param language ISO 639-1 code or {@code null}
 */
public record ExtractedPage(
    String title,
    String text,
    String url,
    String outlet,
    Instant published,
    String author,
    String language) {}
