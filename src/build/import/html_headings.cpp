// A heading written in HTML on a line of its own (<h2 id="setup">Setup</h2>,
// as WordPress exports and hand-written posts have them): CommonMark starts
// an HTML block there, but md4c 0.4.8 knows only <h1> of the headings as
// a block's start (its table of type-6 tags lists h1 alone), and puts
// <h2>..<h6> inside a paragraph with the text under it. Such a line is put
// in a <div> (a block's start md4c knows, which the build's sanitizer
// keeps), with a blank line after it so the text under it is a paragraph.
// Lines in code are left alone, and so are a heading whose closing tag is
// on another line and one under a line of HTML (it may be in an HTML block
// already).
#include <regex>

#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"

namespace quire::import {

std::string html_heading_blocks(Run& run, const std::string& body) {
  static const std::regex heading(R"(^ {0,3}<[hH]([2-6])(\s[^<>]*)?>.*</[hH]\1>\s*$)");
  if (body.find("<h") == std::string::npos && body.find("<H") == std::string::npos) return body;
  const std::vector<bool> code = code_bytes(body);
  std::string out;
  out.reserve(body.size() + 16);
  std::string previous;  // the line above, "" for none or a blank one
  for (size_t at = 0; at < body.size();) {
    size_t end = body.find('\n', at);
    end = end == std::string::npos ? body.size() : end + 1;
    const std::string_view line = std::string_view(body).substr(at, end - at);
    std::string text(line);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    // Under a line of HTML the heading may be inside an HTML block already.
    const std::string above = trim(previous);
    previous = text;
    if (!code[at] && (above.empty() || above[0] != '<') && text.find('<') <= 3 && std::regex_match(text, heading)) {
      out += text.substr(0, text.find('<')) + "<div>" + text.substr(text.find('<')) + "</div>\n";
      if (end < body.size() && body[end] != '\n' && body.compare(end, 2, "\r\n") != 0) out += '\n';
      run.count("a heading in HTML on its own line (in a <div>: an HTML block, as CommonMark reads it)");
      at = end;
      continue;
    }
    out.append(line);
    at = end;
  }
  return out;
}

}  // namespace quire::import
