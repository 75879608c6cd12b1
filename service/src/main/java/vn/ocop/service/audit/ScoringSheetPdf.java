package vn.ocop.service.audit;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The scoring sheet's XHTML rendered to PDF by openhtmltopdf. The font is Liberation Sans (SIL Open Font License 1.1),
 * the TrueType font Apache PDFBox ships in its jar: it has the Vietnamese letters, needs no system font and is
 * embedded (subset) in every PDF, so the sheet prints the same on any machine.
 */
final class ScoringSheetPdf {
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private ScoringSheetPdf() {}

    static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ScoringSheetPdf.class.getResourceAsStream(FONT), "OcopSans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the scoring sheet could not be rendered to PDF", e);
        }
        return out.toByteArray();
    }
}
