#include "casus/report/text_table.hpp"

#include <algorithm>
#include <sstream>

namespace casus {

size_t DisplayWidth(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

namespace {
// Byte offset of the first `count` code points of `text`.
size_t PrefixBytes(const std::string& text, size_t count) {
  size_t seen = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
      if (seen == count) {
        return pos;
      }
      ++seen;
    }
  }
  return text.size();
}
}  // namespace

std::vector<std::string> WrapText(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string line;
  for (std::string word; words >> word;) {
    while (DisplayWidth(word) > width) {  // a word longer than the column: cut it
      if (!line.empty()) {
        lines.push_back(line);
        line.clear();
      }
      size_t cut = PrefixBytes(word, width);
      const size_t hyphen = word.find_last_of("-,/", cut - 1);  // prefer to break after a hyphen
      if (hyphen != std::string::npos && hyphen > 0) {
        cut = hyphen + 1;
      }
      lines.push_back(word.substr(0, cut));
      word = word.substr(cut);
    }
    if (word.empty()) {
      continue;
    }
    if (line.empty()) {
      line = word;
    } else if (DisplayWidth(line) + 1 + DisplayWidth(word) <= width) {
      line += ' ' + word;
    } else {
      lines.push_back(line);
      line = word;
    }
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(line);
  }
  return lines;
}

std::string WrapParagraph(const std::string& text, size_t width, size_t indent) {
  std::string out;
  bool first = true;
  for (const auto& line : WrapText(text, width - indent)) {
    out += (first ? "" : std::string(indent, ' ')) + line + '\n';
    first = false;
  }
  return out;
}

std::string RenderColumnBlocks(const std::string& corner, const std::vector<std::string>& header, const std::vector<GridLine>& lines,
                               size_t indent, size_t gap, size_t width) {
  size_t label_width = DisplayWidth(corner);
  size_t cell_width = 0;
  for (const auto& cell : header) cell_width = std::max(cell_width, DisplayWidth(cell));
  for (const auto& line : lines) {
    label_width = std::max(label_width, DisplayWidth(line.label));
    for (const auto& cell : line.cells) cell_width = std::max(cell_width, DisplayWidth(cell));
  }
  const size_t columns = header.size();
  const size_t room = width > indent + label_width ? width - indent - label_width : 0;
  const size_t fit = std::max<size_t>(1, room / (gap + cell_width));
  const size_t blocks = columns == 0 ? 1 : (columns + fit - 1) / fit;
  const size_t per_block = columns == 0 ? 0 : (columns + blocks - 1) / blocks;  // blocks of about equal size
  auto pad_right = [](const std::string& text, size_t to) { return text + std::string(to - std::min(to, DisplayWidth(text)), ' '); };
  auto emit = [&](const std::string& label, const std::vector<std::string>& cells, size_t begin, size_t end) {
    std::string row = std::string(indent, ' ') + pad_right(label, label_width);
    for (size_t column = begin; column < end; ++column) {
      const std::string cell = column < cells.size() ? cells[column] : "";
      row += std::string(gap + cell_width - std::min(cell_width, DisplayWidth(cell)), ' ') + cell;
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    return row + '\n';
  };
  std::string out;
  for (size_t begin = 0; begin < columns || (columns == 0 && begin == 0); begin += std::max<size_t>(per_block, 1)) {
    const size_t end = std::min(columns, begin + per_block);
    if (begin > 0) out += '\n';
    out += emit(corner, header, begin, end);
    for (const auto& line : lines) out += emit(line.label, line.cells, begin, end);
  }
  return out;
}

TextTable::TextTable(std::vector<std::string> header, size_t max_column_width)
    : header_(std::move(header)), max_column_width_(max_column_width) {}

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(header_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::Render() const {
  const size_t columns = header_.size();
  std::vector<size_t> widths(columns, 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (size_t column_idx = 0; column_idx < columns; ++column_idx) {
      const size_t cap = column_idx == 0 ? SIZE_MAX : max_column_width_;
      size_t longest_line = 0;
      for (const auto& line : WrapText(cells[column_idx], cap == SIZE_MAX ? 1000 : cap)) {
        longest_line = std::max(longest_line, DisplayWidth(line));
      }
      widths[column_idx] = std::max(widths[column_idx], std::min(longest_line, cap));
    }
  };
  measure(header_);
  for (const auto& row : rows_) {
    measure(row);
  }
  size_t full_width = 0;
  for (size_t column_idx = 0; column_idx < columns; ++column_idx) full_width += widths[column_idx] + (column_idx + 1 < columns ? 2 : 0);
  if (full_width > kTextWidth && columns > 2) {
    // Too wide for the terminal: the columns after the labels in blocks that fit, one under the
    // other, each with the labels again (a column too wide on its own gets a block of its own).
    auto block_end = [&](size_t begin, size_t most) {  // as many columns as fit, at most `most`
      size_t end = begin + 1;
      size_t used = widths[0] + 2 + widths[begin];
      while (end < columns && end - begin < most && used + 2 + widths[end] <= kTextWidth) used += 2 + widths[end++];
      return end;
    };
    size_t blocks = 0;
    for (size_t begin = 1; begin < columns; begin = block_end(begin, columns)) ++blocks;
    const size_t most = (columns - 1 + blocks - 1) / blocks;  // blocks of about equal size: 3 and 2, not 4 and 1
    std::string out;
    for (size_t begin = 1; begin < columns;) {
      const size_t end = block_end(begin, most);
      auto pick = [&](const std::vector<std::string>& cells) {
        std::vector<std::string> picked{cells[0]};
        picked.insert(picked.end(), cells.begin() + static_cast<std::ptrdiff_t>(begin), cells.begin() + static_cast<std::ptrdiff_t>(end));
        return picked;
      };
      TextTable block(pick(header_), max_column_width_);
      for (const auto& row : rows_) block.AddRow(pick(row));
      if (begin > 1) out += '\n';
      out += block.Render();
      begin = end;
    }
    return out;
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> wrapped(columns);
    size_t height = 1;
    for (size_t column_idx = 0; column_idx < columns; ++column_idx) {
      wrapped[column_idx] = WrapText(cells[column_idx], std::max<size_t>(widths[column_idx], 1));
      height = std::max(height, wrapped[column_idx].size());
    }
    for (size_t line_idx = 0; line_idx < height; ++line_idx) {
      std::string line;
      for (size_t column_idx = 0; column_idx < columns; ++column_idx) {
        const std::string cell = line_idx < wrapped[column_idx].size() ? wrapped[column_idx][line_idx] : "";
        line += cell;
        if (column_idx + 1 < columns) {
          line += std::string(widths[column_idx] - DisplayWidth(cell) + 2, ' ');
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + '\n';
    }
  };
  emit(header_);
  size_t total = 0;
  for (size_t column_idx = 0; column_idx < columns; ++column_idx) total += widths[column_idx] + (column_idx + 1 < columns ? 2 : 0);
  out += std::string(total, '-') + '\n';
  for (const auto& row : rows_) {
    emit(row);
  }
  return out;
}

}  // namespace casus
