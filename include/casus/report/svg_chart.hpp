// Charts as standalone SVG, readable without hover: values printed on bars and in cells, a legend,
// one colour scale per chart. Shared by the HTML reports and the web workbench (`casus serve`).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace casus {

struct Bar {
  std::string label;
  double value = 0.0;
  std::optional<std::pair<double, double>> interval;  //!< e.g. a 95% confidence interval
};

struct BarChart {
  std::string title;
  std::string axis;            //!< what the value is, e.g. "P(attack)"
  std::string interval_label;  //!< legend text for the whiskers, e.g. "95% interval"
  std::vector<Bar> bars;
  double maximum = 1.0;        //!< the axis runs 0 … maximum
  int decimals = 3;
};

struct HeatMap {
  std::string title;
  std::string scale_label;  //!< legend text, e.g. "P(means used | attack)"
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<double>>> cells;  //!< [row][column]; nullopt: not applicable
  double maximum = 1.0;  //!< one scale, 0 … maximum, for every cell
  int decimals = 2;
};

struct Series {
  std::string label;
  std::vector<double> values;  //!< one per x step (0, 1, 2, …)
};

struct LineChart {
  std::string title;
  std::string x_axis;       //!< e.g. "turn"
  std::string y_axis;       //!< e.g. "position (0–100)"
  std::string low_label;    //!< what the bottom of the axis stands for (may be empty)
  std::string high_label;   //!< what the top stands for (may be empty)
  std::vector<Series> series;
  double minimum = 0.0;
  double maximum = 100.0;
  int decimals = 1;
};

struct ScatterPoint {
  double x = 0.0;
  double y = 0.0;
  std::optional<std::pair<double, double>> x_interval;  //!< e.g. a 95% confidence interval, drawn as whiskers
  std::optional<std::pair<double, double>> y_interval;
  size_t group = 0;          //!< index into ScatterChart::groups: the point's colour
  bool highlighted = false;  //!< filled and labelled (e.g. on the Pareto front); the others hollow
  std::string label;         //!< printed beside a highlighted point (may be empty)
  std::string tooltip;       //!< the point's <title> (extra detail; nothing needs it)
};

struct ScatterChart {
  std::string title;
  std::string x_axis;
  std::string y_axis;
  std::vector<std::string> groups;  //!< legend entries, coloured with SeriesColour(index)
  std::string highlighted_label;    //!< legend text for the filled points, e.g. "on the front"
  std::string other_label;          //!< legend text for the hollow ones
  std::string interval_label;       //!< legend text for the whiskers (empty: none drawn)
  std::vector<ScatterPoint> points;
  double x_minimum = 0.0, x_maximum = 1.0, y_minimum = 0.0, y_maximum = 1.0;
  int decimals = 2;  //!< of the axes' tick values
};

//! Points coloured by group (the categorical palette, with a legend), highlighted ones filled with
//! their label printed beside them (labels pushed apart so none overlap), whiskers for intervals.
std::string RenderScatterChart(const ScatterChart& chart);
//! Lines over steps, each series in its own colour (a fixed categorical palette, in series order)
//! with its last value printed at its end (labels pushed apart so none overlap) and a legend.
std::string RenderLineChart(const LineChart& chart);
//! The categorical colour of series `index` (the palette RenderLineChart uses; it repeats after 12).
std::string SeriesColour(size_t index);
//! Horizontal bars with the value printed at each bar's end and whiskers for intervals.
std::string RenderBarChart(const BarChart& chart);
//! A grid of cells shaded on one sequential scale, each cell's value printed in it, with a legend.
std::string RenderHeatMap(const HeatMap& chart);
//! Escapes &, <, >, " and ' for XML text and attributes.
std::string XmlEscape(const std::string& text);

}  // namespace casus
