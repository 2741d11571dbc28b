#include "casus/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace casus {

namespace {

constexpr int kFontSize = 13;
constexpr double kCharWidth = 7.2;  // of the 13px sans-serif font, to size label columns

double Clamp01(double value) { return std::clamp(std::isfinite(value) ? value : 0.0, 0.0, 1.0); }

//! A sequential blue scale: 0 → near white, 1 → dark blue (one hue, lightness only).
std::string Shade(double fraction) {
  const double t = Clamp01(fraction);
  const auto channel = [t](double light, double dark) { return static_cast<int>(std::lround(light + (dark - light) * t)); };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(247, 8), channel(251, 48), channel(255, 107));
}

//! Black text on light cells, white on dark ones.
std::string TextOn(double fraction) { return Clamp01(fraction) > 0.55 ? "#ffffff" : "#1d2329"; }

std::string Header(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"{2}\" font-family=\"system-ui, sans-serif\" font-size=\"{3}\">\n<title>{2}</title>\n"
      "<text x=\"0\" y=\"16\" font-weight=\"600\" font-size=\"15\">{2}</text>\n",
      width, height, XmlEscape(title), kFontSize);
}

int LabelWidth(const std::vector<std::string>& labels) {
  size_t longest = 0;
  for (const auto& label : labels) longest = std::max(longest, label.size());
  return static_cast<int>(std::ceil(static_cast<double>(longest) * kCharWidth)) + 12;
}

}  // namespace

std::string XmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char character : text) {
    switch (character) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += character;
    }
  }
  return out;
}

std::string RenderBarChart(const BarChart& chart) {
  std::vector<std::string> labels;
  for (const auto& bar : chart.bars) labels.push_back(bar.label);
  const int label_width = LabelWidth(labels);
  const int plot_width = 420;
  const int bar_height = 22;
  const int gap = 10;
  const int top = 34;
  const int value_room = 64;
  const int width = label_width + plot_width + value_room;
  const int plot_bottom = top + static_cast<int>(chart.bars.size()) * (bar_height + gap);
  const int height = plot_bottom + 62;  // the axis label, then the legend below it
  const double maximum = chart.maximum > 0.0 ? chart.maximum : 1.0;
  const auto x_of = [&](double value) { return label_width + plot_width * std::clamp(value / maximum, 0.0, 1.0); };
  std::string out = Header(width, height, chart.title);
  for (int tick = 0; tick <= 4; ++tick) {  // the axis: gridlines at quarters of the maximum
    const double value = maximum * tick / 4.0;
    const double x = x_of(value);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#d5dbe1\"/>\n", x, top - 4, plot_bottom);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5d6873\">{:.{}f}</text>\n", x, plot_bottom + 14, value,
                       maximum <= 1.0 ? 2 : 1);
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5d6873\">{}</text>\n", label_width + plot_width / 2.0,
                     plot_bottom + 30, XmlEscape(chart.axis));
  for (size_t bar_idx = 0; bar_idx < chart.bars.size(); ++bar_idx) {
    const Bar& bar = chart.bars[bar_idx];
    const int y = top + static_cast<int>(bar_idx) * (bar_height + gap);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", label_width - 8, y + bar_height / 2 + 4, XmlEscape(bar.label));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>\n", label_width, y, x_of(bar.value) - label_width,
                       bar_height, Shade(0.75));
    double text_x = x_of(bar.value);
    if (bar.interval) {
      const double low = x_of(bar.interval->first);
      const double high = x_of(bar.interval->second);
      const int middle = y + bar_height / 2;
      out += fmt::format("<path d=\"M{0:.1f} {1}H{2:.1f}M{0:.1f} {3}V{4}M{2:.1f} {3}V{4}\" stroke=\"#c2410c\" stroke-width=\"2\" fill=\"none\"/>\n",
                         low, middle, high, middle - 6, middle + 6);
      text_x = std::max(text_x, high);
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-weight=\"600\">{:.{}f}</text>\n", text_x + 6, y + bar_height / 2 + 4, bar.value,
                       chart.decimals);
  }
  // The legend: what the bar and the whisker are.
  const int legend_y = height - 10;
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n", label_width,
                     legend_y - 9, Shade(0.75), label_width + 18, legend_y, XmlEscape(chart.axis));
  if (!chart.interval_label.empty()) {
    const int x = label_width + 30 + static_cast<int>(static_cast<double>(chart.axis.size()) * kCharWidth);
    out += fmt::format("<path d=\"M{0} {1}H{2}\" stroke=\"#c2410c\" stroke-width=\"2\"/><text x=\"{3}\" y=\"{4}\">{5}</text>\n", x, legend_y - 4,
                       x + 16, x + 20, legend_y, XmlEscape(chart.interval_label));
  }
  out += "</svg>\n";
  return out;
}

std::string RenderHeatMap(const HeatMap& chart) {
  const int label_width = LabelWidth(chart.rows);
  int cell_width = 64;
  for (const auto& column : chart.columns) cell_width = std::max(cell_width, static_cast<int>(static_cast<double>(column.size()) * kCharWidth) + 10);
  const int cell_height = 26;
  const int top = 52;
  const int width = label_width + cell_width * static_cast<int>(chart.columns.size()) + 10;
  const int grid_bottom = top + cell_height * static_cast<int>(chart.rows.size());
  const int height = grid_bottom + 50;
  const double maximum = chart.maximum > 0.0 ? chart.maximum : 1.0;
  std::string out = Header(std::max(width, 360), height, chart.title);
  for (size_t column_idx = 0; column_idx < chart.columns.size(); ++column_idx) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"600\">{}</text>\n",
                       label_width + cell_width * static_cast<int>(column_idx) + cell_width / 2, top - 8, XmlEscape(chart.columns[column_idx]));
  }
  for (size_t row_idx = 0; row_idx < chart.rows.size(); ++row_idx) {
    const int y = top + cell_height * static_cast<int>(row_idx);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", label_width - 8, y + cell_height / 2 + 4, XmlEscape(chart.rows[row_idx]));
    for (size_t column_idx = 0; column_idx < chart.columns.size(); ++column_idx) {
      const int x = label_width + cell_width * static_cast<int>(column_idx);
      const std::optional<double> value =
          row_idx < chart.cells.size() && column_idx < chart.cells[row_idx].size() ? chart.cells[row_idx][column_idx] : std::nullopt;
      const double fraction = value ? *value / maximum : 0.0;
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\"/>\n", x, y, cell_width, cell_height,
                         value ? Shade(fraction) : "#eceff2");
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n", x + cell_width / 2, y + cell_height / 2 + 4,
                         value ? TextOn(fraction) : "#5d6873", value ? fmt::format("{:.{}f}", *value, chart.decimals) : "—");
    }
  }
  // The legend: the one scale, from 0 to the maximum, in five steps.
  const int legend_y = grid_bottom + 16;
  for (int step = 0; step <= 4; ++step) {
    const double fraction = step / 4.0;
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"40\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\" "
                       "font-size=\"11\">{:.2f}</text>\n",
                       label_width + step * 40, legend_y, Shade(fraction), label_width + step * 40 + 20, legend_y + 11, TextOn(fraction),
                       fraction * maximum);
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", label_width + 5 * 40 + 8, legend_y + 11, XmlEscape(chart.scale_label));
  out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#5d6873\" font-size=\"11\">— : not applicable</text>\n", label_width, legend_y + 30);
  out += "</svg>\n";
  return out;
}

std::string SeriesColour(size_t index) {
  // Twelve colours told apart by hue and lightness (after the Tableau 10 and ColorBrewer Paired sets).
  static const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
                                         "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#637939"};
  return kPalette[index % (sizeof(kPalette) / sizeof(kPalette[0]))];
}

std::string RenderLineChart(const LineChart& chart) {
  size_t steps = 1;
  std::vector<std::string> labels;
  for (const auto& series : chart.series) {
    steps = std::max(steps, series.values.size());
    labels.push_back(fmt::format("{} {:.{}f}", series.label, series.values.empty() ? 0.0 : series.values.back(), chart.decimals));
  }
  const int left = 52;
  const int plot_width = 380;
  const int top = 40;
  const int plot_height = 260;
  const int leader = 22;  // room for the leaders from the lines' ends to their labels
  const int label_room = LabelWidth(labels) + leader + 8;
  const int legend_columns = 3;
  const int legend_rows = static_cast<int>((chart.series.size() + legend_columns - 1) / legend_columns);
  const int width = left + plot_width + label_room;
  const int plot_bottom = top + plot_height;
  const int height = plot_bottom + 44 + (chart.low_label.empty() ? 0 : 32) + legend_rows * 18 + 8;
  const double span = chart.maximum > chart.minimum ? chart.maximum - chart.minimum : 1.0;
  const auto x_of = [&](size_t step) { return left + (steps > 1 ? plot_width * static_cast<double>(step) / static_cast<double>(steps - 1) : 0.0); };
  const auto y_of = [&](double value) {
    const double clamped = std::clamp(std::isfinite(value) ? value : chart.minimum, chart.minimum, chart.maximum);
    return plot_bottom - plot_height * (clamped - chart.minimum) / span;
  };
  std::string out = Header(width, height, chart.title);
  for (int tick = 0; tick <= 4; ++tick) {  // the value axis: gridlines at quarters
    const double value = chart.minimum + span * tick / 4.0;
    const double y = y_of(value);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#d5dbe1\"/>\n", left, y, left + plot_width);
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#5d6873\">{:.0f}</text>\n", left - 6, y + 4, value);
  }
  const size_t every = std::max<size_t>(1, (steps + 9) / 10);  // at most about ten step labels
  for (size_t step = 0; step < steps; step += every) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5d6873\">{}</text>\n", x_of(step), plot_bottom + 16, step);
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5d6873\">{}</text>\n", left + plot_width / 2.0, plot_bottom + 32,
                     XmlEscape(chart.x_axis));
  out += fmt::format("<text transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\" fill=\"#5d6873\">{}</text>\n",
                     top + plot_height / 2.0, XmlEscape(chart.y_axis));
  int below = plot_bottom + 44;
  if (!chart.low_label.empty() || !chart.high_label.empty()) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#5d6873\" font-size=\"11\">{:.0f} = {}</text>\n", left, below, chart.maximum,
                       XmlEscape(chart.high_label));
    out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#5d6873\" font-size=\"11\">{:.0f} = {}</text>\n", left, below + 16, chart.minimum,
                       XmlEscape(chart.low_label));
    below += 32;
  }
  // The lines, then each series' last value at its end: labels sorted by height and pushed apart.
  struct EndLabel {
    double y;
    size_t series;
    double line_y;  //!< where the line ends (the label may have been pushed away from it)
  };
  std::vector<EndLabel> ends;
  for (size_t index = 0; index < chart.series.size(); ++index) {
    const auto& values = chart.series[index].values;
    if (values.empty()) continue;
    std::string path;
    for (size_t step = 0; step < values.size(); ++step) path += fmt::format("{}{:.1f} {:.1f}", step == 0 ? "M" : "L", x_of(step), y_of(values[step]));
    out += fmt::format("<path d=\"{}\" stroke=\"{}\" stroke-width=\"2\" fill=\"none\" stroke-linejoin=\"round\"/>\n", path, SeriesColour(index));
    ends.push_back({y_of(values.back()), index, y_of(values.back())});
  }
  std::stable_sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
  constexpr double kLineHeight = 14.0;
  for (size_t i = 1; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, ends[i - 1].y + kLineHeight);
  const double overflow = ends.empty() ? 0.0 : ends.back().y - (plot_bottom + 10.0);
  if (overflow > 0) {  // pushed below the plot: shift up, then keep the first inside the top
    for (auto& end : ends) end.y -= overflow;
    for (size_t i = 0; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, top - 6.0 + kLineHeight * static_cast<double>(i));
  }
  for (const auto& end : ends) {
    if (std::abs(end.y - end.line_y) > 1.0) {  // a leader from the line's end to its pushed label
      out += fmt::format("<path d=\"M{} {:.1f}L{} {:.1f}\" stroke=\"{}\" stroke-width=\"1\" fill=\"none\"/>\n", left + plot_width, end.line_y,
                         left + plot_width + leader, end.y, SeriesColour(end.series));
    }
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" fill=\"{}\" font-weight=\"600\">{}</text>\n", left + plot_width + leader + 3, end.y + 4,
                       SeriesColour(end.series), XmlEscape(labels[end.series]));
  }
  // The legend: colour → series, in series order.
  const int column_width = (width - left) / legend_columns;
  for (size_t index = 0; index < chart.series.size(); ++index) {
    const int x = left + column_width * static_cast<int>(index % legend_columns);
    const int y = below + 6 + 18 * static_cast<int>(index / legend_columns);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"4\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n", x, y, SeriesColour(index),
                       x + 18, y + 5, XmlEscape(chart.series[index].label));
  }
  out += "</svg>\n";
  return out;
}

std::string RenderScatterChart(const ScatterChart& chart) {
  std::vector<std::string> labels;
  for (const auto& point : chart.points) {
    if (point.highlighted && !point.label.empty()) labels.push_back(point.label);
  }
  const int left = 64;
  const int top = 40;
  const int plot_width = 520;
  const int plot_height = 340;
  const int plot_bottom = top + plot_height;
  const int label_room = labels.empty() ? 16 : LabelWidth(labels) + 8;
  const int width = left + plot_width + label_room;
  const int legend_columns = 3;
  const int legend_rows = static_cast<int>((chart.groups.size() + legend_columns - 1) / legend_columns) + 1;  // + the marker row
  const int height = plot_bottom + 48 + legend_rows * 18 + 8;
  const double x_span = chart.x_maximum > chart.x_minimum ? chart.x_maximum - chart.x_minimum : 1.0;
  const double y_span = chart.y_maximum > chart.y_minimum ? chart.y_maximum - chart.y_minimum : 1.0;
  const auto x_of = [&](double value) {
    const double clamped = std::clamp(std::isfinite(value) ? value : chart.x_minimum, chart.x_minimum, chart.x_minimum + x_span);
    return left + plot_width * (clamped - chart.x_minimum) / x_span;
  };
  const auto y_of = [&](double value) {
    const double clamped = std::clamp(std::isfinite(value) ? value : chart.y_minimum, chart.y_minimum, chart.y_minimum + y_span);
    return plot_bottom - plot_height * (clamped - chart.y_minimum) / y_span;
  };
  std::string out = Header(width, height, chart.title);
  for (int tick = 0; tick <= 5; ++tick) {  // gridlines and tick values at fifths of each axis
    const double y = y_of(chart.y_minimum + y_span * tick / 5.0);
    const double x = x_of(chart.x_minimum + x_span * tick / 5.0);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#d5dbe1\"/>\n", left, y, left + plot_width);
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#5d6873\">{:.{}f}</text>\n", left - 6, y + 4,
                       chart.y_minimum + y_span * tick / 5.0, chart.decimals);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eef1f4\"/>\n", x, top, plot_bottom);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5d6873\">{:.{}f}</text>\n", x, plot_bottom + 16,
                       chart.x_minimum + x_span * tick / 5.0, chart.decimals);
  }
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#9aa4ad\"/>\n", left, top, plot_width, plot_height);
  out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5d6873\">{}</text>\n", left + plot_width / 2.0, plot_bottom + 34,
                     XmlEscape(chart.x_axis));
  out += fmt::format("<text transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\" fill=\"#5d6873\">{}</text>\n",
                     top + plot_height / 2.0, XmlEscape(chart.y_axis));
  // The hollow points first, the highlighted ones over them with their whiskers.
  for (const bool highlighted : {false, true}) {
    for (const auto& point : chart.points) {
      if (point.highlighted != highlighted) continue;
      const std::string colour = SeriesColour(point.group);
      const double x = x_of(point.x);
      const double y = y_of(point.y);
      if (highlighted && !chart.interval_label.empty()) {
        if (point.x_interval) {
          out += fmt::format("<path d=\"M{:.1f} {:.1f}H{:.1f}\" stroke=\"{}\" stroke-width=\"1.2\"/>\n", x_of(point.x_interval->first), y,
                             x_of(point.x_interval->second), colour);
        }
        if (point.y_interval) {
          out += fmt::format("<path d=\"M{:.1f} {:.1f}V{:.1f}\" stroke=\"{}\" stroke-width=\"1.2\"/>\n", x, y_of(point.y_interval->first),
                             y_of(point.y_interval->second), colour);
        }
      }
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\">", x, y,
                         highlighted ? 5.5 : 4, highlighted ? colour : "#ffffff", highlighted ? "#1d2329" : colour, highlighted ? 1 : 1.5);
      out += point.tooltip.empty() ? "</circle>\n" : fmt::format("<title>{}</title></circle>\n", XmlEscape(point.tooltip));
    }
  }
  // The highlighted points' labels in the right margin, sorted by height and pushed apart, each
  // with a leader to its point.
  struct Tag {
    double y;
    double point_x;
    double point_y;
    const ScatterPoint* point;
  };
  std::vector<Tag> tags;
  for (const auto& point : chart.points) {
    if (point.highlighted && !point.label.empty()) tags.push_back({y_of(point.y), x_of(point.x), y_of(point.y), &point});
  }
  std::stable_sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) { return a.y < b.y; });
  constexpr double kLineHeight = 14.0;
  for (size_t i = 1; i < tags.size(); ++i) tags[i].y = std::max(tags[i].y, tags[i - 1].y + kLineHeight);
  const double overflow = tags.empty() ? 0.0 : tags.back().y - (plot_bottom + 10.0);
  if (overflow > 0) {
    for (auto& tag : tags) tag.y -= overflow;
    for (size_t i = 0; i < tags.size(); ++i) tags[i].y = std::max(tags[i].y, top - 6.0 + kLineHeight * static_cast<double>(i));
  }
  for (const auto& tag : tags) {
    const std::string colour = SeriesColour(tag.point->group);
    out += fmt::format("<path d=\"M{:.1f} {:.1f}L{} {:.1f}\" stroke=\"{}\" stroke-width=\"0.8\" stroke-dasharray=\"2 2\" fill=\"none\"/>\n",
                       tag.point_x + 6, tag.point_y, left + plot_width + 4, tag.y, colour);
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" fill=\"{}\" font-weight=\"600\">{}</text>\n", left + plot_width + 8, tag.y + 4, colour,
                       XmlEscape(tag.point->label));
  }
  // The legend: colour → group, then what filled and hollow mean (and the whiskers).
  const int below = plot_bottom + 48;
  const int column_width = (width - left) / legend_columns;
  for (size_t index = 0; index < chart.groups.size(); ++index) {
    const int x = left + column_width * static_cast<int>(index % legend_columns);
    const int y = below + 6 + 18 * static_cast<int>(index / legend_columns);
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n", x + 6, y + 1,
                       SeriesColour(index), x + 16, y + 5, XmlEscape(chart.groups[index]));
  }
  const int marker_y = below + 6 + 18 * (legend_rows - 1);
  out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"#5d6873\" stroke=\"#1d2329\"/><text x=\"{}\" y=\"{}\">{}</text>\n", left + 6,
                     marker_y + 1, left + 16, marker_y + 5, XmlEscape(chart.highlighted_label));
  out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#ffffff\" stroke=\"#5d6873\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                     left + column_width + 6, marker_y + 1, left + column_width + 16, marker_y + 5, XmlEscape(chart.other_label));
  if (!chart.interval_label.empty()) {
    const int x = left + 2 * column_width;
    out += fmt::format("<path d=\"M{} {}H{}\" stroke=\"#5d6873\" stroke-width=\"1.2\"/><text x=\"{}\" y=\"{}\">{}</text>\n", x, marker_y + 1, x + 14,
                       x + 18, marker_y + 5, XmlEscape(chart.interval_label));
  }
  out += "</svg>\n";
  return out;
}

}  // namespace casus
