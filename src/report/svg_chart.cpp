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
  const int height = plot_bottom + 52;
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

}  // namespace casus
