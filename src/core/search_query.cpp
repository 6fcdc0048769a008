#include "core/search_query.hpp"

#include <algorithm>
#include <cstring>

#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/search.hpp"
#include "core/search_index.hpp"
#include "core/search_text.hpp"

namespace quire {
namespace {

// ln(x) for x >= 1, to about 4 digits, without libm's tables.
double approx_ln(double x) {
  int twos = 0;
  while (x > 2) {
    x /= 2;
    ++twos;
  }
  const double y = (x - 1) / (x + 1), y2 = y * y;
  return 2 * y * (1 + y2 / 3 + y2 * y2 / 5 + y2 * y2 * y2 / 7) + twos * 0.6931471805599453;
}

struct Part {
  enum Kind { Word, Phrase, Exclude, Tag } kind = Word;
  std::string raw;                 // as typed
  std::vector<std::string> terms;  // folded
  bool prefix = false;             // the last term is being typed
  bool category = false;           // a Tag part: category:name
};

std::vector<Part> parse_query(std::string_view q, bool& dropped) {
  std::vector<Part> parts;
  std::vector<std::string> seen;  // different words only
  size_t words = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t i = 0;
  while (i < q.size()) {
    if (space(q[i])) {
      ++i;
      continue;
    }
    Part p;
    size_t start = i;
    if (q[i] == '-' && i + 1 < q.size() && !space(q[i + 1])) {
      p.kind = Part::Exclude;
      ++start;
    }
    size_t end;
    if (q[start] == '"') {
      end = q.find('"', start + 1);
      p.raw = std::string(q.substr(start + 1, end == std::string_view::npos ? std::string_view::npos : end - start - 1));
      end = end == std::string_view::npos ? q.size() : end + 1;
      if (p.kind == Part::Word) p.kind = Part::Phrase;
    } else {
      end = start;
      while (end < q.size() && !space(q[end])) ++end;
      p.raw = std::string(q.substr(start, end - start));
      if (p.kind == Part::Word && p.raw.size() > 4 && ascii_lower(p.raw.substr(0, 4)) == "tag:") {
        p.kind = Part::Tag;
        p.raw = tag_slug(p.raw.substr(4));
      } else if (p.kind == Part::Word && p.raw.size() > 9 && ascii_lower(p.raw.substr(0, 9)) == "category:") {
        p.kind = Part::Tag;
        p.category = true;
        p.raw = tag_slug(p.raw.substr(9));
      }
    }
    i = end;
    if (p.kind != Part::Tag) {
      for (SearchToken& t : search_tokens(p.raw)) {
        if (p.kind == Part::Word && std::find(seen.begin(), seen.end(), t.term) != seen.end()) continue;
        if (p.kind == Part::Word) seen.push_back(t.term);
        if (words == kMaxSearchWords) {
          dropped = true;
          break;
        }
        p.terms.push_back(std::move(t.term));
        ++words;
      }
      if (p.terms.empty()) continue;
    }
    parts.push_back(std::move(p));
  }
  // The last word is a prefix while it is typed.
  if (!parts.empty() && !q.empty() && !space(q.back()) && parts.back().kind == Part::Word &&
      term_chars(parts.back().terms.back()) >= 2)
    parts.back().prefix = true;
  return parts;
}

// The end of a prefix's range: terms starting with p sort below p + 0xFF.
std::string prefix_end(const std::string& p) { return p + '\xff'; }

// Shards in [first, last] of terms from..to, at most `cap`.
void shards_between(const SearchIndex& index, std::string_view from, std::string_view to, size_t cap,
                    std::vector<size_t>& out) {
  const size_t a = index.shard_for(from), b = std::min(index.shard_for(to), a + std::min(cap, index.shards.size()) - 1);
  for (size_t s = a; s <= b; ++s) out.push_back(s);
}

// The first character of a term, and the string just past all terms that
// start with it.
std::pair<std::string, std::string> first_char_range(const std::string& term) {
  size_t n = 1;
  while (n < term.size() && (static_cast<unsigned char>(term[n]) & 0xC0) == 0x80) ++n;
  return {term.substr(0, n), term.substr(0, n) + '\xff'};
}

// A typo in a term's first character: the rests (all but the first
// character) the meant term may have, found in the typo shards:
// the first character changed (the same rest), missing (the whole term is
// the rest) or swapped with the second (the first, then from the third on).
// A first character too many is the term's own rest, an exact term.
std::vector<std::string> typo_rests(const std::string& t) {
  auto char_end = [&](size_t at) {
    size_t n = at + 1;
    while (n < t.size() && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) ++n;
    return n;
  };
  const size_t one = char_end(0), two = char_end(one);
  std::vector<std::string> out{t.substr(one), t};
  if (two <= t.size() && t.compare(0, one, t, one, two - one) != 0) out.push_back(t.substr(0, one) + t.substr(two));
  return out;
}

struct Match {
  const SearchShard* shard;
  const SearchShard::Term* term;
  double weight;  // 1 for the word as typed, less for completions and corrections
};

}  // namespace

SearchRun run_search(const Bundle& b, std::string_view query) {
  SearchRun run;
  std::vector<Part> parts = parse_query(query, run.dropped);
  std::vector<const TagInfo*> tags;
  bool unknown_tag = false;
  for (const Part& p : parts)
    if (p.kind == Part::Tag) {
      const TagInfo* t = b.find_term(p.category, p.raw);
      if (t) tags.push_back(t);
      else unknown_tag = true;
    }
  const bool any_words = std::any_of(parts.begin(), parts.end(), [](const Part& p) {
    return p.kind == Part::Word || p.kind == Part::Phrase;
  });
  if (b.search.empty() && any_words) {  // no index: the text scan
    std::string words;
    std::vector<size_t> excluded;  // posts holding every word of a -part, as the scan matches them
    for (const Part& p : parts)
      if (p.kind == Part::Word || p.kind == Part::Phrase) {
        words += p.raw;  // the scan folds case only (search.hpp)
        words += ' ';
        for (const std::string& t : p.terms) run.marks.push_back({t, true});
      } else if (p.kind == Part::Exclude && !p.terms.empty()) {
        for (size_t post : search_posts(b, p.raw)) excluded.push_back(post);
      }
    std::sort(excluded.begin(), excluded.end());
    for (size_t post : search_posts(b, words))
      if (!unknown_tag && !std::binary_search(excluded.begin(), excluded.end(), post) &&
          std::all_of(tags.begin(), tags.end(), [&](const TagInfo* t) {
            return std::binary_search(t->posts.begin(), t->posts.end(), post);
          }))
        run.hits.push_back(post);
    return run;
  }
  const size_t n = b.posts.size();
  if (unknown_tag || (!any_words && tags.empty())) return run;
  if (!any_words) {  // tags only: their posts, newest first
    for (size_t post : tags[0]->posts)
      if (std::all_of(tags.begin() + 1, tags.end(), [&](const TagInfo* t) {
            return std::binary_search(t->posts.begin(), t->posts.end(), post);
          }))
        run.hits.push_back(post);
    return run;
  }
  run.indexed = true;
  if (!b.search_index) {
    run.needs.push_back(b.search);
    return run;
  }
  const SearchIndex& index = *b.search_index;
  // Round 1: the shards of every term (and of a prefix's completions).
  std::vector<size_t> want;
  for (const Part& p : parts) {
    if (p.kind == Part::Tag) continue;
    for (const std::string& t : p.terms) want.push_back(index.shard_for(t));
    if (p.prefix) shards_between(index, p.terms.back(), prefix_end(p.terms.back()), kPrefixShards, want);
  }
  auto need = [&](const std::vector<size_t>& shards) {
    for (size_t s : shards)
      if (!index.shards[s].shard &&
          std::find(run.needs.begin(), run.needs.end(), index.shards[s].path) == run.needs.end())
        run.needs.push_back(index.shards[s].path);
    return !run.needs.empty();
  };
  if (need(want)) return run;
  auto exact = [&](const std::string& t) -> Match {
    const SearchShard& s = *index.shards[index.shard_for(t)].shard;
    return {&s, s.find(t), 1.0};
  };
  // The typo shards holding the keys of a rest.
  std::vector<size_t> typo_key_shards;
  auto typo_keys = [&](const std::string& rest) {
    if (index.typo_shards.empty()) return;
    const size_t a = index.typo_shard_for(rest + '\0'), z = index.typo_shard_for(rest + '\1');
    for (size_t s = a; s <= z; ++s) typo_key_shards.push_back(s);
  };
  auto need_typo = [&] {
    for (size_t s : typo_key_shards)
      if (!index.typo_shards[s].shard &&
          std::find(run.needs.begin(), run.needs.end(), index.typo_shards[s].path) == run.needs.end())
        run.needs.push_back(index.typo_shards[s].path);
    return !run.needs.empty();
  };
  // Round 2: what each required term matches; a missing word of 5+
  // characters asks for its first letter's shards and the typo shards of
  // its rests (typos).
  struct Group {
    std::vector<Match> matches;
    const Part* part;
    size_t term;
  };
  std::vector<Group> groups;
  std::vector<size_t> typo_shards;
  for (const Part& p : parts) {
    if (p.kind != Part::Word && p.kind != Part::Phrase) continue;
    for (size_t k = 0; k < p.terms.size(); ++k) {
      Group g{{}, &p, k};
      const std::string& t = p.terms[k];
      Match m = exact(t);
      if (m.term) g.matches.push_back(m);
      if (p.prefix && k + 1 == p.terms.size()) {
        std::vector<size_t> shards;
        shards_between(index, t, prefix_end(t), kPrefixShards, shards);
        std::vector<Match> more;
        for (size_t s : shards) {
          const SearchShard& sh = *index.shards[s].shard;
          auto [first, last] = sh.range(t, prefix_end(t));
          for (const SearchShard::Term* x = first; x != last; ++x)
            if (x->text != t) more.push_back({&sh, x, 0.7});
        }
        std::sort(more.begin(), more.end(), [](const Match& x, const Match& y) { return x.term->df > y.term->df; });
        if (more.size() > kPrefixTerms) more.resize(kPrefixTerms);
        g.matches.insert(g.matches.end(), more.begin(), more.end());
      }
      if (g.matches.empty() && p.kind == Part::Word && term_chars(t) >= kTypoMinChars) {
        auto [from, to] = first_char_range(t);
        shards_between(index, from, to, SIZE_MAX, typo_shards);
        const std::vector<std::string> rests = typo_rests(t);
        typo_shards.push_back(index.shard_for(rests[0]));  // a first character too many
        for (const std::string& rest : rests) typo_keys(rest);
      }
      groups.push_back(std::move(g));
    }
  }
  need(typo_shards);
  if (need_typo()) return run;  // both lists named at once
  std::vector<std::string> corrections;  // per group: the word used instead, or ""
  for (Group& g : groups) {
    const std::string& t = g.part->terms[g.term];
    std::string used;
    if (g.matches.empty() && g.part->kind == Part::Word && term_chars(t) >= kTypoMinChars) {
      auto [from, to] = first_char_range(t);
      Match best{nullptr, nullptr, 0.6};
      for (size_t s = index.shard_for(from); s <= index.shard_for(to); ++s) {
        const SearchShard& sh = *index.shards[s].shard;
        auto [first, last] = sh.range(from, to);
        for (const SearchShard::Term* x = first; x != last; ++x)
          if ((!best.term || x->df > best.term->df) && one_edit_apart(t, x->text)) best = {&sh, x, 0.6};
      }
      // A typo in the first character: terms from the typo shards, the
      // likeliest read from its own shard (one more round).
      const std::vector<std::string> rests = typo_rests(t);
      std::vector<std::pair<std::string, uint32_t>> candidates;
      if (const Match m = exact(rests[0]); m.term) candidates.emplace_back(m.term->text, m.term->df);
      for (const std::string& rest : rests) {
        if (index.typo_shards.empty()) break;
        const size_t a = index.typo_shard_for(rest + '\0'), z = index.typo_shard_for(rest + '\1');
        for (size_t s = a; s <= z; ++s) index.typo_shards[s].shard->terms_with_rest(rest, candidates);
      }
      std::string other;
      uint32_t other_df = 0;
      for (const auto& [term, df] : candidates)
        if (df > other_df && (!best.term || df > best.term->df) && one_edit_apart(t, term)) {
          other = term;
          other_df = df;
        }
      if (!other.empty()) {
        const size_t s = index.shard_for(other);
        if (!index.shards[s].shard) {
          need(std::vector<size_t>{s});
          continue;
        }
        best = exact(other);
        best.weight = 0.6;
      }
      if (best.term) {
        g.matches.push_back(best);
        used = best.term->text;
      }
    }
    corrections.push_back(used);
    for (const Match& m : g.matches) run.marks.push_back({m.term->text, false});
  }
  if (!run.needs.empty()) {  // a correction's shard
    run.marks.clear();
    return run;
  }
  if (std::any_of(corrections.begin(), corrections.end(), [](const std::string& c) { return !c.empty(); })) {
    // The query as corrected: each corrected word replaced where typed.
    size_t k = 0;
    for (const Part& p : parts) {
      if (!run.corrected.empty()) run.corrected += ' ';
      if (p.kind == Part::Tag) {
        run.corrected += (p.category ? "category:" : "tag:") + p.raw;
        continue;
      }
      std::string text = p.kind == Part::Exclude ? "-" : "";
      if (p.kind == Part::Word || p.kind == Part::Phrase) {
        std::string words;
        for (size_t j = 0; j < p.terms.size(); ++j, ++k)
          words += (j ? " " : "") + (corrections[k].empty() ? p.terms[j] : corrections[k]);
        text += p.kind == Part::Phrase ? "\"" + words + "\"" : words;
      } else {
        text += p.raw;
      }
      run.corrected += text;
    }
  }
  // Scores: every group must match (AND).
  std::vector<double> score(n, 0.0);
  std::vector<uint16_t> matched(n, 0), in_title(n, 0);
  std::vector<Posting> postings;
  // Per group, each post's best match: dense arrays and the posts touched
  // (no sort: a common word's completions hold most posts).
  std::vector<double> best(n, -1.0);
  std::vector<char> titled(n, 0);
  std::vector<uint32_t> touched;
  for (const Group& g : groups) {
    touched.clear();
    for (const Match& m : g.matches) {
      postings.clear();
      m.shard->decode(*m.term, postings);
      const double df = m.term->df;
      const double idf = approx_ln(1 + (double(index.posts) - df + 0.5) / (df + 0.5));
      for (const Posting& p : postings) {
        if (p.post >= n) continue;
        const double boost = (p.fields & kInTitle ? 2.0 : 0) + (p.fields & kInTag ? 1.0 : 0) +
                             (p.fields & kInHeading ? 0.5 : 0);
        const double s = m.weight * idf * (p.weight / 8.0 + boost);
        if (best[p.post] < 0) touched.push_back(p.post);
        if (s > best[p.post]) best[p.post] = s;
        if (p.fields & kInTitle) titled[p.post] = 1;
      }
    }
    for (uint32_t post : touched) {
      score[post] += best[post];
      ++matched[post];
      in_title[post] += titled[post];
      best[post] = -1.0;
      titled[post] = 0;
    }
  }
  std::vector<char> excluded(n, 0);
  for (const Part& p : parts) {
    if (p.kind != Part::Exclude) continue;
    std::vector<uint16_t> has(n, 0);
    for (const std::string& t : p.terms) {
      const Match m = exact(t);
      if (!m.term) continue;
      postings.clear();
      m.shard->decode(*m.term, postings);
      for (const Posting& x : postings) ++has[x.post];
    }
    for (size_t d = 0; d < n; ++d)
      if (has[d] == p.terms.size()) excluded[d] = 1;
  }
  std::vector<size_t> hits;
  for (size_t d = 0; d < n; ++d) {
    if (matched[d] != groups.size() || excluded[d]) continue;
    if (!std::all_of(tags.begin(), tags.end(), [&](const TagInfo* t) {
          return std::binary_search(t->posts.begin(), t->posts.end(), d);
        }))
      continue;
    if (in_title[d] == groups.size()) score[d] *= 1.5;  // every word in the title
    hits.push_back(d);
  }
  // Phrases, checked against the text; a split blog's bodies are fetched
  // for that (at most kPhraseChunks chunks, else the words alone count).
  std::vector<const Part*> phrases;
  for (const Part& p : parts)
    if (p.kind == Part::Phrase && p.terms.size() > 1) phrases.push_back(&p);
  if (!phrases.empty()) {
    constexpr size_t kPhraseChunks = 16;
    std::vector<std::string> chunks;
    for (size_t d : hits)
      if (const std::string* c = b.missing_chunk(b.posts[d]))
        if (std::find(chunks.begin(), chunks.end(), *c) == chunks.end()) chunks.push_back(*c);
    if (!chunks.empty() && chunks.size() <= kPhraseChunks) {
      run.needs = chunks;
      return run;
    }
    std::vector<SearchToken> tokens;
    auto holds = [&](const Part& p) {
      for (size_t at = 0; at + p.terms.size() <= tokens.size(); ++at) {
        size_t k = 0;
        while (k < p.terms.size() && tokens[at + k].term == p.terms[k]) ++k;
        if (k == p.terms.size()) return true;
      }
      return false;
    };
    std::vector<size_t> kept;
    for (size_t d : hits) {
      const Post& post = b.posts[d];
      if (!post.has_body && chunks.size() > kPhraseChunks) {
        kept.push_back(d);
        continue;
      }
      tokens.clear();
      search_tokens(post.title, tokens);
      search_tokens(markdown_plain_text(post.summary), tokens);
      search_tokens(markdown_plain_text(post.body), tokens);
      if (std::all_of(phrases.begin(), phrases.end(), [&](const Part* p) { return holds(*p); })) kept.push_back(d);
    }
    hits = std::move(kept);
  }
  // Best first, then by post: sorted as one integer per hit, the score (a
  // float's bits, which order as the non-negative floats do) inverted
  // above the post (a common word's hits are most posts).
  std::vector<uint64_t> ranked;
  ranked.reserve(hits.size());
  for (size_t d : hits) {
    const float f = static_cast<float>(std::max(0.0, score[d]));
    uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    ranked.push_back(uint64_t{0xFFFFFFFFu - bits} << 32 | d);
  }
  std::sort(ranked.begin(), ranked.end());
  for (size_t k = 0; k < ranked.size(); ++k) hits[k] = static_cast<uint32_t>(ranked[k]);
  run.hits = std::move(hits);
  return run;
}

NearPosts near_posts(const Bundle& b, std::string_view path, size_t limit) {
  constexpr size_t kNearWords = 8;  // the path's first words, at most
  NearPosts out;
  std::string_view rest = path.substr(0, path.find_first_of("?#"));
  if (rest.substr(0, b.site.base_path.size()) == b.site.base_path) rest.remove_prefix(b.site.base_path.size());
  std::vector<std::string> words;
  for (SearchToken& t : search_tokens(percent_decode(rest))) {
    if (t.term == "posts" || t.term == "html" || t.term == "index" ||
        std::find(words.begin(), words.end(), t.term) != words.end())
      continue;
    if (std::all_of(t.term.begin(), t.term.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;  // dates
    words.push_back(t.term);
    out.words += (out.words.empty() ? "" : " ") + t.term;
    if (words.size() == kNearWords) break;
  }
  if (words.empty()) return out;
  // A word long enough to match with a typo (4 characters or more) is
  // compared with a post's words one character shorter to one longer
  // (counted once each: most pairs differ by more, and are not compared).
  size_t chars[kNearWords];
  for (size_t k = 0; k < words.size(); ++k) chars[k] = term_chars(words[k]);
  std::vector<std::pair<int, size_t>> scored;
  std::vector<SearchToken> tokens;
  std::vector<size_t> token_chars;
  for (size_t i = 0; i < b.posts.size(); ++i) {
    const Post& p = b.posts[i];
    if (p.slug.empty() && p.title.empty()) continue;  // a stub nothing is known of yet
    tokens.clear();
    search_tokens(p.slug, tokens);
    search_tokens(p.title, tokens);
    token_chars.resize(tokens.size());
    for (size_t j = 0; j < tokens.size(); ++j) token_chars[j] = term_chars(tokens[j].term);
    int s = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& w = words[k];
      int best = 0;
      for (size_t j = 0; j < tokens.size() && best < 4; ++j) {
        const std::string& t = tokens[j].term;
        if (t == w) best = 4;
        else if (best < 2 && w.size() >= 3 && t.compare(0, w.size(), w) == 0) best = 2;
        else if (best < 1 && chars[k] >= 4 && token_chars[j] + 1 >= chars[k] && token_chars[j] <= chars[k] + 1 &&
                 one_edit_apart(w, t))
          best = 1;
      }
      s += best;
    }
    if (s > 0) scored.emplace_back(-s, i);
  }
  std::sort(scored.begin(), scored.end());
  for (size_t k = 0; k < scored.size() && k < limit; ++k) out.posts.push_back(scored[k].second);
  return out;
}

}  // namespace quire
