// JavaScript data as Eleventy blogs write it, read without running it:
// `---js` front matter (an object literal, or `const name = value;`
// declarations, Eleventy 3's form) and data files (`_data/metadata.js`,
// `<dir>.11tydata.js`: `export default { ... }` or `module.exports = { ... }`).
// Literals are read: strings ('', "", `` without ${}), numbers, true,
// false, null, arrays, objects (keys bare, quoted or numeric; trailing
// commas; // and /* */ comments) and `new Date("...")` (its string). Any
// other value (a call, a function, a method, `${}` in a template, a
// variable) is computed: it becomes {"computed": "<its source text>"}, so
// the caller can name it, and reading goes on after it. `undefined` leaves
// its key out. The result is never partial without saying so: false with
// a message and a line (1-based, within `text`) when the text is not
// JavaScript of that shape at all.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace quire::import {

// `---js` front matter: `{ ... }` or declarations (`export` allowed before
// them; other statements are skipped).
bool parse_js_front(std::string_view text, nlohmann::ordered_json& out, std::string& error, int& error_line);

// A data file: the object after `export default` or `module.exports =`,
// or the one a function there returns as its first statement (`() => ({...})`,
// `function () { return {...} }`: Eleventy calls it); another function or
// value is computed: false with a message.
bool parse_js_data_file(std::string_view text, nlohmann::ordered_json& out, std::string& error, int& error_line);

// Whether a value parse_js_* gave is a computed one.
bool js_computed(const nlohmann::ordered_json& v);

// JavaScript code with its // and /* */ comments made spaces (line breaks
// kept, so lines stay where they were), for a config read by patterns: a
// commented-out `// pathPrefix: "/sub/"` is no setting. Strings, template
// literals and regular expression literals are kept whole.
std::string js_without_comments(std::string_view code);

}  // namespace quire::import
