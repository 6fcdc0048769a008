// What the four importers share: reading a source file's front matter
// (YAML or TOML) into JSON, writing it back as Quire's YAML, dates to ISO
// 8601, walking the template tags of a text outside code, a post's new URL,
// and the files written. Each engine's file (jekyll.cpp, hugo.cpp, zola.cpp,
// eleventy.cpp) finds its posts, pages, static files and settings, and says
// what each of its tags becomes; liquid.cpp holds what Jekyll and Eleventy
// share. Defined in front_matter.cpp (front matter, dates), tags.cpp (tags
// in a text and their outputs) and common.cpp (URLs, files, writing).
#pragma once

#include "build/transliterate.hpp"
#include "core/html.hpp"  // sanitize_utf8

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "build/import/import.hpp"

namespace quire::import {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

// A source file split at its front matter (--- YAML --- or +++ TOML +++,
// ---js / ---json / ---yaml ... --- as Eleventy allows; blank lines before
// the fence allowed).
struct SourceDoc {
  std::string format;  // "yaml", "toml", "json" (Hugo's { ... }, ---json), "js" (---js), or "" without front matter
  std::string front;
  std::string body;
  int front_line = 1;  // file line of the front matter's first line
  int body_line = 1;   // file line of the body's first line
};
SourceDoc split_front_matter(std::string_view text);

// The front matter as JSON: YAML scalars stay strings, TOML keeps its types
// (dates become ISO strings). False with a message and file line on error.
bool parse_front(const SourceDoc& doc, ojson& out, std::string& error, int& error_line);
bool parse_toml(std::string_view text, ojson& out, std::string& error, int& error_line);
bool parse_yaml(std::string_view text, ojson& out, std::string& error, int& error_line);

// "2016-10-06 11:10:38 -0700" -> "2016-10-06T11:10:38-07:00"; ISO dates,
// date-only, "Z" and fractions pass through (fractions dropped). Nothing
// for anything else.
std::optional<std::string> iso_date(std::string_view s);

// Writes front matter as YAML between --- lines (values as JSON, which YAML
// reads as they are).
std::string yaml_front_matter(const ojson& front);

// A string list from a YAML/TOML value: a list (its items whole), or one
// string (split at spaces when `split_words`, as Jekyll does for tags and
// categories).
std::vector<std::string> string_list(const ojson& v, bool split_words);

// A post or page found in the source, read, then converted.
struct Item {
  fs::path source;             // full path of the source file
  std::string shown;           // the path shown in the report
  std::vector<std::string> keys;  // what links name it by (engine-specific)
  bool page = false;           // content/pages/ instead of posts/
  bool bundle = false;         // a folder: index.md + its files
  std::vector<fs::path> bundle_files;  // full paths
  std::string name;            // output file (x.md) or folder name (bundle)
  ojson in;                    // source front matter
  ojson out = ojson::object(); // Quire front matter
  std::string body;
  int front_line = 1, body_line = 1;
  std::vector<std::string> categories;
  // Jekyll's :categories as its URLs had them where they differ: a string
  // split at spaces only ("web, spring": /web,/spring/, hellojunho's).
  std::vector<std::string> url_categories;
  std::string slug;            // Quire's slug of it
  std::string name_slug;       // the slug the old engine made of the file name, when Quire refuses it ("café")
  // Where the old engine published it by default: /<section>/<old_name>/
  // (Hugo, Zola, Eleventy; Jekyll computes its own).
  std::string section, old_name;
  bool root_post = false;      // a post at /<old_name>/ (Zola's root section)
  // Its old address is unknown (a permalink function the import cannot
  // follow, said once at its file): no default one is kept as an alias.
  bool old_url_unknown = false;
  // Before its old address ("/fr"): a post only in another language.
  std::string old_url_prefix;
  // Its old address with Quire's tokens but the title slug the old engine
  // made (an Eleventy permalink function's slugify(title) that Quire
  // refuses as a slug): expanded into an alias.
  std::string title_alias;
  std::string page_url;        // a page kept at the address it had (undated_as_pages)
  bool bundle_page = false;    // Zola: a page file beside a post's index.md, rendered at <folder>/<name>/
  std::string old_url;         // where the old engine published it, when that is not its new address (decoded)
  // Hugo's relative aliases ("old-name"), as first resolved (against the
  // section) and as written: resolved again against the page's own
  // address once it is known (/2020/x/ -> /2020/old-name).
  std::vector<std::pair<std::string, std::string>> relative_aliases;
  // A key of `in` written elsewhere than the file's front matter (an
  // Eleventy layout's permalink): that file and line, for the report.
  std::map<std::string, std::pair<std::string, int>> key_origin = {};
};

// Reports and shared state of one import.
struct Run {
  Engine engine;
  fs::path src, dest;
  ImportReport& report;
  std::string permalink;  // the site's pattern in Quire's tokens, "" for /posts/:slug/
  std::string site_url;   // the site's absolute address with its folder, if the config gives it
  std::vector<Item> items;
  std::string timezone;   // the site's time zone (IANA), "" if the config gives none
  // Hugo: [permalinks] by top-level section (content/<section>/), in
  // Quire's tokens; a post's old URL follows its section's pattern.
  std::map<std::string, std::string> section_permalinks;
  // Taxonomies the site declared besides tags and categories (Hugo's
  // series = "series"): their terms join the post's tags.
  std::set<std::string> extra_taxonomies;
  // Hugo's [languages] and defaultContentLanguage: post.fr.md is the French
  // translation of post.md (not imported: a Quire blog has one language),
  // post.en.md the default language's post itself.
  std::set<std::string> languages;
  std::string default_language = "en";
  // The config's own top-level text settings (Jekyll's img_url: /img/...),
  // which {{ site.img_url }} in a post stands for.
  std::map<std::string, std::string> site_vars;
  // Hugo's other languages' folders ([languages.en] contentDir =
  // "content/en"), with their codes: not read as the blog's content.
  std::map<fs::path, std::string> translation_dirs;
  // The site keeps category pages (taxonomies: [tags, categories]):
  // /categories/ is then the build's own address.
  bool category_pages = false;
  // The post or page whose text is being converted (convert_items), for
  // the tags that name files relative to it (Hugo's ref and relref).
  const Item* converting = nullptr;
  std::string zola_slugify = "on";  // Zola's [slugify] paths (zola_path_slug)
  bool zola_keep_dates = false;    // Zola's [slugify] paths_keep_dates: 2023-10-16-x.md was at .../2023-10-16-x/
  // Zola's ignored_content: globs of content/'s files it never read.
  std::vector<std::string> ignored_content = {};
  // Hugo: each section's [permalinks] pattern as written (its :sections is
  // the post's own nested sections), and whether Hugo lowercased paths (its
  // disablePathToLower off, the default).
  std::map<std::string, std::string> hugo_patterns = {};
  bool hugo_lower = true;
  bool hugo_remove_accents = false;  // Hugo's removePathAccents
  // Hugo's uglyURLs: a page at /posts/x.html, a section's list at
  // /posts.html, not /posts/x/ and /posts/ (Rainboylvx's 184 posts).
  bool hugo_ugly = false;
  // Folders of content/ with a section's _index.md (Hugo: a nested folder
  // is a section of its own, with its list and feed, only with one), in
  // generic form ("post/go").
  std::set<std::string> section_lists = {};
  // Before every old address ("/zh"): Hugo's defaultContentLanguageInSubdir
  // put the default language under its code.
  std::string old_url_prefix = {};
  // Each file copied into static/ by its source (absolute), and its URL
  // there ("/media/images/a.png").
  std::map<fs::path, std::string> static_urls = {};
  // Each taxonomy's terms as the posts wrote them ("tags", "categories",
  // a site's own "series"), for their old pages' redirects.
  std::map<std::string, std::set<std::string>> terms = {};
  // Zola's [slugify] taxonomies (zola_path_slug).
  std::string zola_slugify_taxonomies = "on";
  // Each translation left out, by its original's source file: the
  // languages whose address (/en/posts/x/) now redirects to the original.
  std::map<fs::path, std::vector<std::string>> translated = {};
  // Sections whose lists had pages (Zola's paginate_by, Hugo's paginate):
  // section folder -> posts a page, the pages' folder name ("page": /blog/page/2/).
  std::map<std::string, std::pair<int, std::string>> section_pagination = {};
  // Jekyll's jekyll-archives plugin: the pages it made, each enabled type
  // ("tag", "category", "year", "month", "day") -> its permalink template
  // ("/tag/:name/"), and its slug_mode for the terms' :name.
  std::map<std::string, std::string> jekyll_archives = {};
  std::string jekyll_archives_slug_mode = {};
  // Old addresses that were no post or page (a theme's archive, a term's
  // page) and where each went: site.yaml's redirects (site_redirects).
  std::map<std::string, std::string> redirects = {};
  // An Eleventy template paginating over the tags' collections: where
  // each tag's page was ("/series/") and the filter that made its slug
  // ("slugify", "slug" or "" for the tag as it is).
  struct TermPages {
    std::string prefix;                // "/series/"
    std::string filter;                // "slugify", "slug" or ""
    std::string taxonomy = "tags";     // the terms it paginated over
  };
  std::vector<TermPages> eleventy_term_pages = {};
  // An Eleventy config's collection of terms made objects with a url
  // (LJWatson's `{ text, url: `/tag/${slugify(item.toLowerCase())}` }`
  // from item.data.tags): its name -> the url's prefix and the taxonomy.
  std::map<std::string, std::pair<std::string, std::string>> eleventy_collection_urls = {};
  // An Eleventy config's own filters of a date alone, each a format call
  // with its letters (henrik's slugDate: DateTime...toFormat("y/MM")):
  // the filter's name -> its format.
  std::map<std::string, std::string> eleventy_date_filters = {};
  // An Eleventy config's shortcodes that return one template literal of
  // their parameters (henrik's filename: `<div class="code-filename">${f}</div>`):
  // name -> the parameters (with defaults) and the literal.
  struct Shortcode {
    std::vector<std::pair<std::string, std::string>> params;  // name, default ("" none)
    std::string body;
  };
  std::map<std::string, Shortcode> eleventy_shortcodes = {};
  // An Eleventy template paginating over the posts (mbarker84's index.md,
  // size 2: /1/ ... /22/): its pages' address with "{n}" for the page
  // number, whether that counts from 0, and the posts a page.
  struct PagedList {
    std::string pattern;
    bool from_zero = true;
    int size = 10;
    std::string collection = {};  // what it paginates over ("posts" of collections.posts)
  };
  std::vector<PagedList> eleventy_paged_lists = {};
  // eleventy-plugin-footnotes' notes of each post, by its source: markdown
  // footnote definitions to add at its end.
  std::map<fs::path, std::string> footnote_definitions = {};
  // Eleventy has no drafts of its own: `draft: true` is one only when the
  // config acts on it (a preprocessor or a collection's filter).
  bool eleventy_drafts = false;
  // The old engine turned emoji shortcodes on (Hugo's enableEmoji, Jekyll's
  // jemoji, markdown-it-emoji, Zola's render_emoji): emojify the posts.
  bool emoji = false;
  bool definition_lists = false;  // the old engine read "Term\n: definition" (definition_lists())
  // Front-matter keys that held a post's old addresses besides aliases and
  // redirect_from: the ones an Eleventy template writing Netlify's
  // /_redirects read (clottman's redirectsFrom).
  std::set<std::string> alias_keys = {};
  // Hugo's buildDrafts: the site published its drafts; they are posts.
  bool drafts_published = false;
  // Hugo's buildFuture and buildExpired: what a publishDate to come or an
  // expiryDate passed had kept out, the site published.
  bool hugo_future = false, hugo_expired = false;
  // Hugo's paginate (10 by default) and paginatePath ("page").
  int hugo_paginate = 10;
  std::string hugo_paginate_path = "page";

  void note(const std::string& file, int line, const std::string& message) {
    // Excerpts of the source may hold bytes that are no UTF-8 (a Latin-1 post).
    report.not_converted.push_back({file, line, sanitize_utf8(message)});
  }
  void count(const std::string& construct) { ++report.converted[construct]; }
  const Item* find(const std::string& key) const {
    for (const Item& i : items)
      for (const std::string& k : i.keys)
        if (k == key) return &i;
    return nullptr;
  }
  // A post or page a ref names: by its keys, else (one match only) by its
  // file's name without extension, whatever the extension now
  // ("2023-07-12-x.markdown" finds 2023-07-12-x.md; a bundle by its folder).
  const Item* find_file(std::string target) const;
  // A post or page a ref names relative to the page that links
  // ("../other/x.md", "x.md" beside it, "../bundle/" or its index.md), as
  // Hugo looks first; nullptr for a path from the root or none there.
  const Item* find_beside(const std::string& target, const Item& from) const;
  std::string shown(const fs::path& p) const;  // p as src-joined path
  // The new root-relative URL of a post or page (its permalink: if it has
  // one, else the site's pattern, else /posts/<slug>/ or /<slug>/).
  std::string url_of(const Item& item) const;
  // While another language's folder (translation_dirs) is read
  // (collect_content_dir): its code, and the default language's folder,
  // where its files' originals are.
  std::string collecting_language = {};
  fs::path default_content = {};
  // The default language's files by their front matter's translationKey
  // (Hugo links translations by it as by their path), read once if needed.
  std::optional<std::map<std::string, fs::path>> translation_keys = {};
  // Hugo: each shortcode's template by name, read once (hugo.cpp's
  // shortcode_template; asked up to three times for every use).
  mutable std::map<std::string, std::optional<std::string>> shortcode_templates = {};
  // Each translation left out, by its original's source file: its
  // language, its own title and slug key (bpugh's Spanish posts were at
  // /es/blog/<their own title>/ under /blog/:slug/).
  struct TranslationName {
    std::string code, title, slug;
  };
  std::map<fs::path, std::vector<TranslationName>> translation_names = {};
};

// Eleventy's posts in Nunjucks whose text is in {% markdown %} ...
// {% endmarkdown %} blocks (a paired shortcode): where the first such tag
// of `name` starts at or after `from` (npos: none), and the post's body as
// markdown: each block's text, dedented, the HTML around it kept.
size_t markdown_tag_at(std::string_view text, size_t from = 0, const char* name = "markdown");
std::string njk_markdown_body(const std::string& body);

// An engine's permalink pattern in Quire's tokens: :output_ext becomes
// ".html" (a Jekyll post's page), Hugo's :contentbasename :slug, and
// :section/:sections the posts' section. The rest is the core's to judge
// (permalink_problem, at build time).
std::string quire_pattern(std::string pattern, const std::string& section);

// Carries an engine's site pattern over (already in Quire's tokens) into
// run.permalink and site.yaml, when the core's rule reads it; else reports
// it at `file` (which token, what posts get instead) and returns false.
bool carry_pattern(Run& run, ojson& site, const std::string& pattern, const std::string& file);

// A post's root-relative URL under a Quire pattern, by the core's own rule
// (core/permalink.hpp expand_permalink, the one the build applies): its
// slug (`slug` if given, else item.slug), its date placed in the site's
// time zone as the build places it, its categories.
// `own_offset`: a date with an offset keeps it (Hugo: :year/:month are the
// date's own, the site's timeZone only places dates without one), instead
// of being moved into the site's zone (Jekyll, and Quire's build).
// `zone`: that zone instead of the site's (Jekyll without a timezone: the
// build machine's, UTC on GitHub Pages). `categories`: those instead of
// the item's (Jekyll's old URL: item.url_categories).
std::string expand_pattern(const Run& run, std::string_view pattern, const Item& item,
                           const std::string& slug = {}, bool own_offset = false, const std::string* zone = nullptr,
                           const std::vector<std::string>* categories = nullptr);

// One template tag found in a text outside code.
struct Tag {
  size_t begin = 0, end = 0;   // the tag in the text: [begin, end)
  std::string open;            // "{%", "{{", "{{<" or "{{%"
  std::string inner;           // between the delimiters, trimmed, without Liquid's '-'
};
// What a handler makes of a tag: a replacement (it may move tag.end past a
// closing tag to take the text between), or a reason it could not.
struct TagResult {
  bool converted = false;
  std::string replacement;
  std::string construct;  // the report's name for it, e.g. "highlight"
  std::string reason;     // when not converted
};
using TagHandler = std::function<TagResult(std::string_view text, Tag& tag)>;

// Calls `handle` on each tag ({% %}, {{ }}, {{< >}}, {{% %}}) outside code
// and returns the text with the replacements; the ones not converted stay
// and are reported at `file`:line.
std::string rewrite_tags(std::string_view text, int first_line, const std::string& file, Run& run,
                         const TagHandler& handle);

// Where a closing tag like {% endhighlight %} or {{< /highlight >}} starts
// at or after `from`, and its end; npos if absent.
size_t find_closing(std::string_view text, size_t from, std::string_view open, std::string_view name,
                    size_t& close_end);

// Where `needle` occurs in `text` (rewrite_tags' text: found once per
// needle while it works on that text, else searched afresh), the first at or
// after `from`, the last lying wholly before `end`; npos if none. Handlers
// that look around a tag use these rather than a search of the whole text
// per tag (quadratic: 12,000 stray {% endcapture %} each searched all
// the text before it).
const std::vector<size_t>& occurrences(std::string_view text, std::string_view needle);
size_t find_after(std::string_view text, size_t from, std::string_view needle);
size_t rfind_before(std::string_view text, size_t end, std::string_view needle);

// A code block's options ("linenos=table,hl_lines=8 15-17", Hugo's and
// Jekyll's) as a fence's {...}: a value with spaces in brackets
// (hl_lines=[8 15-17]), which the core's fence reader takes whole.
std::string fence_options(const std::vector<std::pair<std::string, std::string>>& options);
std::vector<std::pair<std::string, std::string>> split_options(std::string_view options);

// Shared tag outputs.
std::string fenced_block(std::string_view code, const std::string& info, bool at_line_start);

// A paired tag (`t`, its closing tag at [close, close_end)) turned into a
// fenced block of its text: the block to append to the replacement (a line
// break after it when text follows the closing tag on its line), and t.end
// moved past the closing tag. `line_start`: whether the block starts a line.
std::string fence_paired(std::string_view text, Tag& t, size_t close, size_t close_end, const std::string& info,
                         bool line_start);
// `text` as one line of markdown emphasis (*...*), its markdown punctuation
// escaped: a code block's title above it.
std::string emphasis_line(const std::string& text);
std::string figure_markdown(const std::string& src, const std::string& alt, const std::string& caption,
                            const std::string& link);
// A video id the embeds take: YouTube's letters, digits, '-' and '_';
// Vimeo's digits only. False when empty.
bool video_id_ok(const std::string& id, bool vimeo);
// The player an engine's video shortcode or plugin wrote, as an iframe of
// class "video": the column's width at 16:9 (web/style.css), as Hugo's,
// Zola's and the plugins' responsive players were (without a size an
// iframe is 300 x 150).
std::string youtube_iframe(const std::string& id);
std::string vimeo_iframe(const std::string& id);
// A gist the old engine embedded (GitHub's script showed its code), as a
// link: "[gist user/id (file)](https://gist.github.com/user/id#file-...)".
// `path` is "user/id" or an old anonymous gist's "id"; `file` may be empty.
std::string gist_link(const std::string& path, const std::string& file);
// What the report says of such a link (Quire runs no third-party script).
inline constexpr const char* kGistLinkNote =
    "(a link to the gist: its code is not in the post; paste it in as a code block to keep it)";
// GitHub's embed script of a gist alone on a line, in raw HTML
// (<script src="https://gist.github.com/user/id.js?file=x"></script>),
// as gist_link: the script is removed by the build, and the reader was
// left with nothing where the code was.
std::string gist_scripts(Run& run, const std::string& text);
// CodePen's embed, <p class="codepen" data-user="u" data-slug-hash="h">
// (its fallback text and links) with CodePen's script after it, as the
// iframe that script made: https://codepen.io/u/embed/h, the column's width,
// its data-height (carry_iframe_hosts then adds codepen.io to
// iframe_hosts). The script goes too. Without a user or hash: as written.
std::string codepen_embeds(Run& run, const std::string& text);
// "&#8217;", "&#x2019;" and named references ("&rsquo;", "&amp;") as their
// characters; anything else as written (front_matter.cpp).
std::string decode_entities(std::string_view s);
// Callout shortcodes (notice, note, tip, warning, alert, admonition...):
// true for such a name. Their opening becomes a <div class="callout
// callout-<name> <kind>"> with the label in bold (the kind or title, when
// given) and a blank line, so the text inside is read as markdown; their
// closing a blank line and </div>.
bool is_callout(const std::string& name);
std::string callout_open(const std::string& name, const std::string& kind, const std::string& title);
std::string callout_close();
// Hugo's details (0.140) and the like: <details><summary>..</summary>.
std::string details_open(const std::string& summary);
std::string details_close();
// key="value" / key='value' / key=value arguments, and the bare words.
struct Args {
  std::vector<std::string> words;
  std::vector<std::pair<std::string, std::string>> named;
  std::string get(const std::string& key) const;
};
Args parse_args(std::string_view s);
// A path or URL naming an image by its extension (.png, .jpg, .jpeg, .gif,
// .webp, .svg, .avif; any case; a ?query or #fragment after it).
bool is_image_path(const std::string& path);
// A theme's own link shortcode ({{< friend name="A" url="https://a" des="..." >}},
// {{< link "Docs" "https://d" >}}, {{< douban "https://..." >}}): a markdown
// link, its text the name or title (else a word, else the URL) and a
// description after it; "" when no argument is a web address.
std::string link_card(const Args& args);
// Text that markdown shows as it is: its ASCII punctuation escaped with a
// backslash (a shortcode's output Hugo or Zola inserted as HTML).
std::string markdown_literal(std::string_view text);

// Lines holding a whole heading in HTML (<h2 id="x">Title</h2>) made HTML
// blocks for md4c as CommonMark has them (html_headings.cpp).
std::string html_heading_blocks(Run& run, const std::string& body);

// The front matter conversion every engine shares: the keys Quire reads,
// dates to ISO, lists made lists; the rest counted as left out. `item.out`
// gets the result; title and date may still be missing (the engine fills
// them from the file name).
void convert_front(Run& run, Item& item);

// Puts title and date first (the order authors expect to read), and fills
// a missing title from the slug ("my-first-post" -> "My First Post", as
// Jekyll does) and a missing date from the file name, reporting both.
void finish_front(Run& run, Item& item, const std::string& file_date_ymd);

// A body that opens with its title as a heading (`{{ page.title }}` over
// `====`, `# About`), as Jekyll's and Eleventy's layouts without a title of
// their own need: the heading is dropped, since Quire's post and page
// header shows the title; without a title in the front matter, the heading
// becomes it. Jekyll and Eleventy only.
void title_from_heading(Run& run, Item& item);
// `{{ page.title }}` (and Eleventy's `{{ title }}`) in a body, outside code
// and {% raw %}: the item's title (Jekyll, Eleventy); not converted else.
TagResult title_value(const Run& run, const Item& item, const Tag& t);
// A theme's table-of-contents marker ({{< toc >}}, {% include toc %}):
// removed, and the post gets toc: true.
TagResult toc_marker(const Run& run, Item& item, const Tag& t);
// The tags a post's own data answers: title_value, toc_marker, math_marker.
TagResult item_tag(const Run& run, Item& item, std::string_view text, Tag& t);

// Math (math.cpp): a front matter key themes read as "this page has
// math" (math, mathjax, katex, use_math...), and its value as Quire's
// math: true/false (nothing when it says neither); whether an old config
// turns math on for every page; MathJax's \( \) and \[ \] (or kramdown's
// \\( \\)) as $ and $$ outside code; and, after reading, the delimiters of
// every post with math (its own or the site's) converted.
bool is_math_key(std::string_view key);
std::optional<bool> math_value(const ojson& v);
bool config_math(const ojson& config);
// kramdown: TeX between \\( \\) or \\[ \\] was read as markdown first (its
// escapes are undone, as kramdown gave it to MathJax).
std::string math_delimiters(std::string_view markdown, bool kramdown = false);
// Whether Hugo's goldmark keeps TeX raw (its passthrough extension), and
// markdown's backslash escapes undone inside TeX between dollars (what an
// engine whose markdown ran first gave MathJax: \_ is _, \\\\ is \\).
bool hugo_passthrough(const ojson& config);
std::string unescape_math(std::string_view markdown, bool kramdown = false);  // kramdown: $...$ only, its escapable set
// Kramdown's $$...$$ among text on its line (inline math there) as $...$.
std::string kramdown_inline_math(std::string_view markdown);
// TeX between dollars: a $$ block, or $...$ with a \command, ^{ or _{.
bool has_tex_math(std::string_view markdown);
void carry_math(Run& run, const ojson& site);
// A theme's math in the text, and math: true: Blowfish's {{< katex >}}
// and {% include mathjax.html %} (removed), a paired {{< katex [display] >}}
// TeX {{< /katex >}} (as $TeX$ or $$TeX$$), Hugo Blox's {{< math >}}
// $$..$${{< /math >}} (its text).
TagResult math_marker(const Run& run, Item& item, std::string_view text, Tag& t);

// Liquid's {% raw %} markers glued to a code fence ("```njk{% raw %}",
// "{% endraw %}```"), which Liquid removed before markdown saw the fence:
// removed, so that the fence closes where it did (Jekyll, Eleventy).
std::string unglue_raw_fences(Run& run, const std::string& text);

// Liquid (Jekyll, Eleventy): one tag, the {% raw %} markers left in code,
// and kramdown's attribute lists.
TagResult liquid_tag(Run& run, std::string_view text, Tag& t);
// Hugo's shortcodes and Zola's, one tag each.
TagResult hugo_shortcode(Run& run, std::string_view text, Tag& t);
TagResult zola_shortcode(Run& run, std::string_view text, Tag& t);
// Zola's internal links, [x](@/blog/post.md#part): to the post's new URL.
std::string zola_links(Run& run, const std::string& text, int first_line, const std::string& file);
std::string strip_raw_in_code(Run& run, const std::string& text);
// A heading's attribute block, "## Title {#id .class}" (kramdown, Hugo,
// Zola): removed, since Quire gives headings their ids itself; reported at
// its line when the id it named differs from the one Quire gives.
std::string heading_attributes(Run& run, const std::string& text, int first_line, const std::string& file);

// GitHub's and Obsidian's alerts, a blockquote whose first line is
// "> [!NOTE]" (or "> [!tip] Title", "> [!warning]-"): a callout div
// (callout_open), as GitHub, Hugo's render hooks and markdown-it plugins
// show them; Quire's renderer would show "[!NOTE]" as text. Code untouched.
std::string github_alerts(Run& run, const std::string& text);

// Definition lists, "Term" then ": definition" (kramdown, Hugo's goldmark,
// Zola's definition_list): a <dl> whose terms are rendered inline and whose
// definitions stay markdown (blank lines around them inside <dd>). Quire's
// renderer has no such syntax: the ": " lines showed as text. Code untouched.
std::string definition_lists(Run& run, const std::string& text);
// Zola's escaped shortcodes ({{/* x() */}}) as Zola shows them ({{ x() }}).
std::string zola_unescape_shortcodes(Run& run, std::string text);
// Kramdown's block extras: attribute lists ({: .x}) removed and reported,
// {:toc} removed (`*toc` set: the post gets toc: true, when given),
// {::comment} blocks removed, {::nomarkdown} markers removed (the HTML
// stays), and an HTML block with markdown="1" opened by blank lines so its
// markdown is read as kramdown read it.
// With `parse_block_html` (kramdown's option, in _config.yml or a post's
// {::options}), every <div>, <section>, <aside>, <article>, <details> and
// <blockquote> alone on its line is such a block.
std::string remove_kramdown_ial(Run& run, const std::string& text, int first_line, const std::string& file,
                                bool* toc = nullptr, bool parse_block_html = false);

// The engines: each reads its config into `site` and fills run.items with
// converted posts and pages, and copies static files.
void read_jekyll(Run& run, ojson& site);
void read_hugo(Run& run, ojson& site);
void read_zola(Run& run, ojson& site);
void read_eleventy(Run& run, ojson& site);

// Hugo's and Zola's content folder: top-level files and bundles are pages,
// files in a section folder posts (a folder with index.md is a bundle: one
// post with its files), _index.md a section's list page (its front matter
// passed to `section`, for settings like paginate_by). Other files beside
// posts are copied to static/ at the same path. Items get their keys
// ("posts/x.md", "posts/x", "x.md", "x", bundles by their folder).
void collect_content_dir(Run& run, const fs::path& content,
                         const std::function<void(const fs::path&, const ojson&)>& section);
// Hugo and Zola: a file in a section with no date (a theme's quotes or
// projects section; Zola leaves it out of a dated list) is a page, kept at
// its old address /<section>/<name>/, not a post the build would refuse.
void undated_as_pages(Run& run);

// Hugo's build options of a page's front matter (`build`/`_build`, and a
// bundle's `headless`): whether Hugo wrote its page, and listed it.
struct HugoBuild {
  bool render = true, list = true, headless = false;
};
HugoBuild hugo_build(const ojson& in);

// Reads and converts the front matter of run.items (dropping what cannot be
// read), then converts each body with `handle` (on tags outside code).
void convert_items(Run& run, const TagHandler& handle);

// Adds a path where the old engine had a feed to site.yaml's old_feeds
// (each gets a copy of Quire's feed, so subscriptions keep working); a
// path Quire writes itself (/feed.xml) needs none.
// (A term's feed by pattern: "/tags/:tag/index.xml", the build writes one per term.)
void add_old_feed(ojson& site, const std::string& path);

// A page at an address Quire writes itself: /404.html (Jekyll's and
// Eleventy's starters ship one), /archive/ or /tags/ (a theme's template
// page, often with no text of its own): noted, true.
bool builtin_page(Run& run, Item& item);

// Reads and parses one source file into an item (false, reported, if its
// front matter cannot be read).
bool load_item(Run& run, Item& item);

// Posts sharing a slug (2015-01-01-update.md and 2016-01-01-update.md;
// Jekyll told them apart by date): the later ones, drafts after every
// published post, get "-2", "-3"...,
// reported, and their old URL an alias when the site's pattern told them
// apart. Called once every post's front matter is read, before links.
void unique_slugs(Run& run);

// The post's old URL, when the import does not keep it (no site pattern
// carried over, no permalink of its own): added to its aliases, so the old
// address redirects to the new one.
void keep_old_url(Run& run, Item& item, const std::string& old_url);
// The site's folder, then each theme's under themes/ in name order: where
// Hugo and Zola look for a template (a shortcode, a render hook).
std::vector<fs::path> site_and_themes(const Run& run);
// The path Hugo makes of a file or folder name (MakePathSanitized): lower
// case, a run of spaces one '-' (none after a '-'), letters, digits, marks
// and . _ - + ~ # / \ @ kept, the rest dropped ("SRE & IaC" -> "sre-iac").
std::string hugo_path(const std::string& name);
// Hugo's uglyURLs form of an address: /posts/x/ -> /posts/x.html.
std::string ugly_url(const std::string& url);
// A section's folder ("blog/Rust Notes") as the address Hugo or Zola gave
// its list, without slashes at either end ("blog/rust-notes").
std::string section_address(const Run& run, const std::string& section);
// The sections of `section` ("post/go/deep") that had a list of their own:
// the first ("post"), and each deeper one with an _index.md ("post/go").
std::vector<std::string> list_sections(const Run& run, const std::string& section);
// Jekyll's :title of a post's name or slug key (Utils.slugify's "pretty"
// mode, case kept): each run of characters outside letters, digits and
// ._~!$&'()+,;=@ one '-', none at the ends ("two  spaces" -> "two-spaces",
// "a---b" -> "a-b").
std::string jekyll_title_slug(std::string_view name);
// A Jekyll permalink pattern with its placeholders' values (each in turn,
// every place it stands), as Jekyll's URL makes it: a leading '/', no
// empty segments (jekyll-archives' /tag/:name/, a page's /:basename:output_ext).
std::string jekyll_url(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values);
// Jekyll's :slug: Utils.slugify's default mode, lower case, a '-' for each
// run of characters other than letters and digits, none at either end
// ("My_Post_Name" -> "my-post-name").
std::string jekyll_default_slug(std::string_view name);
// The slugify package's slug of a title (simov's, `lower: true`, as an
// Eleventy permalink function or Eleventy's older slug filter made it):
// '&' "and", letters beyond ASCII as their Latin ones, each run of spaces
// and '-' one '-', what is not a word character or one of $*_+~.()'"!:@
// dropped.
std::string npm_slugify(const std::string& title);
// Eleventy's `slugify` filter (@sindresorhus/slugify) or older `slug`
// filter (simov's) of a value, as Eleventy made addresses of it.
std::string eleventy_slug_filter(const std::string& value, const std::string& filter);

// site.yaml `redirects` from run.redirects and, for Hugo and Zola, each
// term's old page (/<taxonomy>/<the old engine's slug>/) where Quire's is
// elsewhere (an accented term, a taxonomy merged into the tags); none from
// an address an item has or the build writes itself.
void site_redirects(Run& run, ojson& site);
// Each relative address a text names (markdown's "](x", HTML's src="x"),
// outside code: `visit(start, end, path)` with its place, in order.
void each_relative_ref(const std::string& body, const std::function<void(size_t, size_t, const std::string&)>& visit);
// Hugo's other languages that had posts (translations of the blog's, or
// posts only in them), by their folder's address ("/en"): their posts.
std::map<std::string, std::vector<const Item*>> other_language_posts(const Run& run);

// Where Quire lists what a theme's list page of that layout listed
// (archive, posts: /archive/; tags; categories; search), or null.
const char* theme_list_page(const std::string& layout, bool category_pages);
// Quire's list in place of an old list page at `url` by its name
// (mildronize's /blog/, magicgis's /categories/), or, with `any`, the home
// for another; null without.
const char* list_page_target(const Run& run, const std::string& url, bool any);
// A page left out for Quire's list `to`: its other old addresses (the
// redirect_from or aliases list or string `old`) redirect there too, as
// its own does. What to add to its report line ("" for none).
std::string redirect_old_addresses(Run& run, const ojson& old, const std::string& to);
// An old address (not percent-encoded) added to the item's aliases, unless
// Quire writes that path itself or it cannot be one (said), or it is there.
void add_alias(Run& run, Item& item, const std::string& old_url);

// A markdown source file by its extension, in any case: .md, .markdown and
// the other names Jekyll's markdown_ext and Hugo read (.mdown, .mkdn, .mkd,
// .markdn, .mdwn, .mdtxt, .mdtext), plus the site's own `extra` ones.
bool markdown_file(const fs::path& p, const std::vector<std::string>& extra = {});
// A content file the old engine rendered that is not markdown (HTML,
// Nunjucks, Liquid, AsciiDoc, Org...): what it is called in a report, or ""
// for a file that is no such thing (an image, a stylesheet).
std::string other_content_kind(const fs::path& p);

// ascii_slug: build/transliterate.hpp (the build names file names' slugs
// with it too).
using quire::ascii_slug;
// A page's HTML as markdown text (a Jekyll about.html, a Hugo content
// .html with no template in it): each line's indentation removed outside
// <pre>, since CommonMark reads a line indented after a blank one as code.
std::string html_as_markdown(const std::string& html);
// A .html file with front matter whose body is HTML and no document of
// its own (<html>): a page or post in HTML. `liquid` (Jekyll, Eleventy):
// with no {{ or {% in it, which Liquid ran. Hugo's (`liquid` false): any,
// its shortcodes converted as a markdown post's. `empty_ok`: front matter
// with no text is one too (a Jekyll post with no body).
bool plain_html_page(const fs::path& f, bool liquid = true, bool empty_ok = false);
// A template's text when it is plain HTML (a banner, a list of links: a
// Hugo shortcode's, a Jekyll include's), trimmed: no template syntax
// (`{{`, and with `liquid` `{%`) and no script (an ad); nullopt for
// another or an empty one.
std::optional<std::string> plain_html_snippet(const std::string& text, bool liquid);

// Slug of a file name: without extension and leading YYYY-MM-DD- (or _).
std::string file_slug(const fs::path& p);
// Attribute blocks ({.class #id key=v}) outside code, the old engine's
// looks that were never text: a line of its own (goldmark's block
// attributes, markdown-it-attrs'), and with `spans` (markdown-it-attrs) one
// after a link, image, emphasis or code span or ending a line. A heading's
// are heading_attributes'. Dropped, and counted.
std::string drop_markdown_attrs(Run& run, const std::string& text, bool spans);
// A page's name in its URL as Zola made it (its file's or its slug key's),
// by [slugify] paths: "on" (the default) is the slug crate's slugify
// (transliterated to ASCII, lower case, a '-' for each run of anything else,
// none at either end); "safe" and "off" leave it as it is.
std::string zola_path_slug(std::string_view name, std::string_view mode);
// Y, M, D from a leading YYYY-MM-DD- (or YYYY-M-D-, as Jekyll allows) in
// a file name, as YYYY-MM-DD; false if none. `prefix`: the length of the
// date and its separator.
bool file_date(const std::string& name, std::string& ymd, size_t* prefix = nullptr);

// Every regular file under `dir`, sorted; an entry for which `skip` says
// true is left out (a folder: not entered). A folder that cannot be read is
// reported, not a crash or a loop.
std::vector<fs::path> files_under(Run& run, const fs::path& dir, const std::function<bool(const fs::path&)>& skip = {});

// Hugo's urlize of a title (its :title): letters, digits and ._/\\#+~-@
// kept, runs of spaces one '-', the rest dropped (emoji too), lowercased
// unless `lower` is false (disablePathToLower): "We don't talk" -> "we-dont-talk".
std::string hugo_urlize(std::string_view title, bool lower = true);

// The date a Zola `path` or Hugo `url` of a post without one names
// ("2014/09/15/Rust-1.0", "inside-rust/2020/08/24/x": blog.rust-lang.org's
// 751 posts), "YYYY-MM-DD", or "".
std::string path_date(const ojson& front);

// Files the posts name by a root path (/img/a.png) found under `root`
// (Hugo's assets/, Eleventy's input folder, whose image transform
// published them) that `has` (the static folder) lacks: copied into
// static/ at that path, counted as `construct`.
void files_named_from_root(Run& run, const fs::path& root, const fs::path& has, const std::string& construct);

// Images the posts and pages name by a root path (/cat.png) that nothing
// imported put there, after every file is written: a step outside the old
// engine had (mbarker84's css-irl, whose package.json had a bundler copy
// src/images/* to the site's root: 320 images). Where the blog's folder
// holds exactly one image of that file name (not in node_modules/, _site/,
// dist/, Hugo's and Zola's public/ and resources/, or a hidden folder), it
// is copied to that address and counted; several are said at the post's
// line, none left to the build's warning (build/link_check.hpp).
void root_images_found_elsewhere(Run& run);

// Emoji shortcodes outside code as their emoji (":tada:" -> "🎉", Hugo's
// table; emoji.cpp), counted in the report; unknown names stay as written.
std::string emojify(Run& run, const std::string& text);

// Whether `text` matches the glob `pattern` as Zola's globset did: `*` and
// `**` any run of characters ('/' too), `?` one, `[a-z]`/`[!a]` a class,
// `{a,b}` either.
bool glob_match(std::string_view pattern, std::string_view text);

// Copies a file or a folder's files into dest (dest/rel...), counting them;
// `skip` says which source paths to leave out.
void copy_tree(Run& run, const fs::path& from, const fs::path& to, size_t& counter,
               const std::function<bool(const fs::path&)>& skip = {});

// Writes the posts and pages of run.items (after the engine converted their
// bodies), and site.yaml from `site` (keys in Quire's names).
void write_items(Run& run);
void write_site(Run& run, const ojson& site);

// The hosts of the posts' and pages' iframes (https:// or //, outside code)
// that the build's default iframe_hosts lacks (mbarker84's css-irl: 35
// CodePen demos the build removed): site.yaml's iframe_hosts, the build's
// own hosts and these, each counted in the report by its iframes.
void carry_iframe_hosts(Run& run, ojson& site);

// Zola's and Hugo's site settings from a TOML/YAML file, and the common
// mapping into Quire's keys: an absolute URL split into url and base_path,
// a language to its primary subtag, a number check.
void set_url(Run& run, ojson& site, const std::string& url, const std::string& base, const std::string& file);

// `s` without leading and trailing spaces, tabs and newlines.
std::string trim(std::string_view s);

}  // namespace quire::import
