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

//! Horizontal bars with the value printed at each bar's end and whiskers for intervals.
std::string RenderBarChart(const BarChart& chart);
//! A grid of cells shaded on one sequential scale, each cell's value printed in it, with a legend.
std::string RenderHeatMap(const HeatMap& chart);
//! Escapes &, <, >, " and ' for XML text and attributes.
std::string XmlEscape(const std::string& text);

}  // namespace casus
