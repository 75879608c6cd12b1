package vn.ocop.service.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import vn.ocop.api.model.CountRow;
import vn.ocop.api.model.ProvinceReport;

/** The report's chart: evaluations by product group, one bar per star level (JFreeChart; SVG drawn by JFreeSVG). */
final class StarsChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 450;
    private static final Color[] STAR_COLOURS = {
        new Color(0xB0BEC5), new Color(0x90A4AE), new Color(0x66BB6A), new Color(0x2E7D32), new Color(0xF9A825)
    };

    private StarsChart() {}

    static JFreeChart chart(ProvinceReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CountRow row : report.getEvaluationsByGroup()) {
            for (int s = 1; s <= 5; s++) {
                data.addValue(
                        row.getStars().getOrDefault(Integer.toString(s), 0),
                        s + " sao",
                        row.getName() == null ? row.getKey() : row.getName());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Kết quả đánh giá theo nhóm sản phẩm và hạng sao, " + report.getProvinceName() + " (" + report.getFrom()
                        + " – " + report.getTo() + ")",
                "Nhóm sản phẩm",
                "Số sản phẩm",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < STAR_COLOURS.length; i++) renderer.setSeriesPaint(i, STAR_COLOURS[i]);
        return chart;
    }

    static String svg(ProvinceReport report) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart(report).draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    static byte[] png(ProvinceReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(report), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
