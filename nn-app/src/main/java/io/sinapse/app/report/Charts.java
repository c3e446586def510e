package io.sinapse.app.report;

import io.sinapse.app.Num;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Collection;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** The charts reports use, drawn with JFreeChart. */
public final class Charts {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };

    private Charts() {
    }

    /** A named line: {@code y[i]} at {@code x[i]}. */
    public record Series(String name, double[] x, double[] y) {

        /** The values against 1, 2, 3, …: e.g. a loss per epoch. */
        public static Series perEpoch(String name, double[] values) {
            double[] epochs = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                epochs[i] = i + 1;
            }
            return new Series(name, epochs, values);
        }
    }

    /**
     * Lines on shared axes. On a logarithmic y axis ({@code logY}), values that are not positive are left out;
     * non-finite values always are (a diverged run's line simply stops).
     */
    public static JFreeChart lines(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries line = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (Double.isFinite(y) && (!logY || y > 0)) {
                    line.add(s.x()[i], y);
                }
            }
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart, plot);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        if (logY) {
            LogAxis axis = new LogAxis(yLabel);
            axis.setSmallestValue(1e-12);
            axis.setNumberFormatOverride(new PlainNumbers());
            plot.setRangeAxis(axis);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        }
        return chart;
    }

    /**
     * {@code chart} with a dashed vertical line at {@code x}, labelled: e.g. the epoch a curve turned. Each further
     * marker's label sits below the previous one's.
     */
    public static JFreeChart marked(JFreeChart chart, double x, String label) {
        ValueMarker marker = new ValueMarker(x, new Color(0x555555), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        // A second marker's label goes below the first's, so close lines keep readable labels.
        Collection<?> existing = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        marker.setLabelOffset(new RectangleInsets(4 + 16 * (existing == null ? 0 : existing.size()), 4, 4, 4));
        chart.getXYPlot().addDomainMarker(marker);
        return chart;
    }

    /**
     * A classifier's view of the plane: the background shaded by {@code probability(x, y)} of class 1 (blue for
     * 0, red for 1, white at the 0.5 boundary), with the examples on top, coloured by their class.
     */
    public static JFreeChart decisionBoundary(String title, DoubleBinaryOperator probability, double xMin,
                                              double xMax, double yMin, double yMax, double[] pointX,
                                              double[] pointY, int[] pointClass) {
        int steps = 120;
        double dx = (xMax - xMin) / steps;
        double dy = (yMax - yMin) / steps;
        double[][] grid = new double[3][steps * steps];
        int k = 0;
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                double x = xMin + (i + 0.5) * dx;
                double y = yMin + (j + 0.5) * dy;
                grid[0][k] = x;
                grid[1][k] = y;
                grid[2][k] = probability.applyAsDouble(x, y);
                k++;
            }
        }
        DefaultXYZDataset background = new DefaultXYZDataset();
        background.addSeries("p(class 1)", grid);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(dx);
        blocks.setBlockHeight(dy);
        blocks.setPaintScale(new BlueWhiteRed());

        XYSeriesCollection points = new XYSeriesCollection();
        XYSeries zeros = new XYSeries("class 0", false, true);
        XYSeries ones = new XYSeries("class 1", false, true);
        for (int i = 0; i < pointX.length; i++) {
            (pointClass[i] == 0 ? zeros : ones).add(pointX[i], pointY[i]);
        }
        points.addSeries(zeros);
        points.addSeries(ones);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-4, -4, 8, 8);
        dots.setSeriesShape(0, dot);
        dots.setSeriesShape(1, dot);
        dots.setSeriesPaint(0, new Color(0x1f4e9c));
        dots.setSeriesPaint(1, new Color(0xb22222));
        dots.setUseOutlinePaint(true);
        dots.setDefaultOutlinePaint(Color.WHITE);

        NumberAxis xAxis = new NumberAxis("x1");
        NumberAxis yAxis = new NumberAxis("x2");
        xAxis.setRange(xMin, xMax);
        yAxis.setRange(yMin, yMax);
        XYPlot plot = new XYPlot(background, xAxis, yAxis, blocks);
        plot.setDataset(1, points);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(chart, plot);
        return chart;
    }

    private static void style(JFreeChart chart, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
    }

    /** Tick labels as a person writes numbers (0.25, 1.5e-05), not as powers of ten. */
    private static final class PlainNumbers extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Num.format(number, 3));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }

    /** 0 → blue, 0.5 → white, 1 → red. */
    private static final class BlueWhiteRed implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Double.isNaN(value) ? 0.5 : Math.max(0, Math.min(1, value));
            if (v < 0.5) {
                double t = v / 0.5;
                return blend(new Color(0x9ec3ec), Color.WHITE, t);
            }
            return blend(Color.WHITE, new Color(0xf2a3a3), (v - 0.5) / 0.5);
        }

        private static Color blend(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                    (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                    (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
        }
    }
}
