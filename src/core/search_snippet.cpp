#include "core/search_snippet.hpp"

#include <algorithm>

#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/search_text.hpp"

namespace quire {

bool is_marked(std::string_view term, const std::vector<SearchMark>& marks) {
  for (const SearchMark& m : marks)
    if (term == m.term || (m.prefix && term.substr(0, m.term.size()) == m.term)) return true;
  return false;
}

namespace {

// The snippet of `text` whose tokens and their marks are known.
std::string snippet_of(std::string_view text, const std::vector<SearchToken>& tokens, const std::vector<char>& hit,
                       size_t max_bytes) {
  // The window of tokens within max_bytes holding the most marked ones.
  size_t best_first = 0, best_count = 0, count = 0, first = 0;
  for (size_t last = 0; last < tokens.size(); ++last) {
    count += hit[last];
    while (first < last && tokens[last].end - tokens[first].begin > max_bytes) count -= hit[first++];
    if (count > best_count) {
      best_count = count;
      best_first = first;
    }
  }
  // The window starts at its first marked word (the window found may start
  // up to max_bytes before it).
  while (best_count > 0 && !hit[best_first]) ++best_first;
  size_t begin = tokens.empty() ? 0 : tokens[best_first].begin;
  // Some words before the first mark, when there is room.
  if (best_count > 0) {
    size_t k = best_first;
    while (k > 0 && tokens[best_first].begin - tokens[k - 1].begin < max_bytes / 4) --k;
    begin = tokens[k].begin;
  }
  if (begin < 40) begin = 0;
  size_t end = std::min(text.size(), begin + max_bytes);
  // End at a token's end (whole characters and words).
  size_t cut = begin;
  for (const SearchToken& t : tokens)
    if (t.begin >= begin && t.end <= end) cut = t.end;
  if (end < text.size()) end = cut;
  std::string out;
  if (begin > 0) out += "…";
  auto plain = [&](size_t from, size_t to) {
    std::string piece(text.substr(from, to - from));
    for (char& c : piece)
      if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    append_escaped(out, piece);
  };
  size_t at = begin;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!hit[i] || tokens[i].end <= at || tokens[i].begin < begin || tokens[i].end > end) continue;
    const size_t from = std::max<size_t>(at, tokens[i].begin);  // CJK bigrams overlap
    plain(at, from);
    out += "<mark>";
    plain(from, tokens[i].end);
    out += "</mark>";
    at = tokens[i].end;
  }
  plain(at, end);
  if (end < text.size()) out += "…";
  return out;
}

// Tokens of `text` and which are marked; whether any is.
bool mark_tokens(std::string_view text, const std::vector<SearchMark>& marks, std::vector<SearchToken>& tokens,
                 std::vector<char>& hit) {
  tokens.clear();
  search_tokens(text, tokens);
  hit.assign(tokens.size(), 0);
  bool any = false;
  for (size_t i = 0; i < tokens.size(); ++i) any |= (hit[i] = is_marked(tokens[i].term, marks)) != 0;
  return any;
}

}  // namespace

std::string search_snippet(std::string_view text, const std::vector<SearchMark>& marks, size_t max_bytes) {
  std::vector<SearchToken> tokens;
  std::vector<char> hit;
  mark_tokens(text, marks, tokens, hit);
  return snippet_of(text, tokens, hit, max_bytes);
}

std::string markdown_snippet(std::string_view markdown, const std::vector<SearchMark>& marks, size_t max_bytes) {
  std::vector<SearchToken> tokens;
  std::vector<char> hit;
  bool code = false;
  std::string text = markdown_plain_text(markdown, true, &code);
  if (!mark_tokens(text, marks, tokens, hit) && code) {  // the match may be in code only
    std::string all = markdown_plain_text(markdown);
    std::vector<SearchToken> all_tokens;
    std::vector<char> all_hit;
    if (all.size() != text.size() && (mark_tokens(all, marks, all_tokens, all_hit) || text.empty())) {
      text = std::move(all);
      tokens = std::move(all_tokens);
      hit = std::move(all_hit);
    }
  }
  return text.empty() ? std::string() : snippet_of(text, tokens, hit, max_bytes);
}

}  // namespace quire
