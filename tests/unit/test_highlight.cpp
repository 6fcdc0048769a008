// Build-time syntax highlighting (src/highlight) and the token runs the core
// replays (src/core/code_tokens).
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/bundle.hpp"
#include "core/code_tokens.hpp"
#include "core/markdown.hpp"
#include "highlight/highlight.hpp"

namespace {

// (class, text) of every token of `runs` over `code`.
std::vector<std::pair<char, std::string>> tokens(std::string_view code, std::string_view runs) {
  std::vector<quire::TokenRun> out;
  REQUIRE(quire::decode_runs(runs, code, out));
  std::vector<std::pair<char, std::string>> t;
  for (const auto& r : out) t.emplace_back(r.cls, std::string(code.substr(r.begin, r.end - r.begin)));
  return t;
}

bool has_token(const std::vector<std::pair<char, std::string>>& t, char cls, std::string_view text) {
  for (const auto& [c, s] : t)
    if (c == cls && s == text) return true;
  return false;
}

std::string dump(const std::vector<std::pair<char, std::string>>& t) {
  std::string s;
  for (const auto& [c, text] : t) s += std::string(1, c) + ":" + text + " ";
  return s;
}

std::string render_with(std::string_view md, std::string_view code_json) {
  quire::TokenReplay replay(code_json);
  quire::MarkdownOptions o;
  o.code = &replay;
  return quire::render_markdown(md, o);
}

}  // namespace

TEST_SUITE("highlight") {

TEST_CASE("every language highlights a sample with the expected token classes") {
  struct Sample {
    const char* lang;
    const char* code;
    std::vector<std::pair<char, const char*>> expected;
  };
  const std::vector<Sample> samples = {
      {"bash", "# say hi\nif true; then echo \"hi $USER\"; fi\n", {{'c', "# say hi"}, {'k', "if"}, {'k', "fi"}, {'s', "\"hi "}}},
      {"c", "#include <stdio.h>\nint main(void) { return 42; } // end\n", {{'k', "#include"}, {'t', "int"}, {'f', "main"}, {'k', "return"}, {'n', "42"}, {'c', "// end"}}},
      {"cpp", "template <class T> struct Box { T v; };\nint f() { return nullptr == 0 ? 1 : 2; }\n", {{'k', "template"}, {'k', "struct"}, {'t', "Box"}, {'f', "f"}}},
      {"csharp", "using System;\nclass A { static int F() => 42; } // c\nvar s = \"hi\";\n", {{'k', "using"}, {'k', "class"}, {'t', "A"}, {'f', "F"}, {'n', "42"}, {'c', "// c"}, {'s', "\"hi\""}}},
      {"css", "body > .note { color: #fff; margin: 4px; } /* c */\n", {{'p', "color"}, {'c', "/* c */"}, {'n', "4"}}},
      {"go", "package main\n\nfunc main() { fmt.Println(\"hi\", 3) }\n", {{'k', "package"}, {'k', "func"}, {'f', "main"}, {'s', "\"hi\""}, {'n', "3"}}},
      {"haskell", "-- c\nmain :: IO ()\nmain = putStrLn \"hi\" >> print 42\n", {{'c', "-- c"}, {'t', "IO"}, {'f', "main"}, {'s', "\"hi\""}, {'n', "42"}}},
      {"html", "<!-- c -->\n<p class=\"x\">Hi</p>\n", {{'c', "<!-- c -->"}, {'g', "p"}, {'a', "class"}, {'s', "x"}}},
      {"java", "public class A { int f() { return 1; } }\n", {{'k', "public"}, {'k', "class"}, {'t', "A"}, {'n', "1"}}},
      {"javascript", "const add = (a, b) => a + b; // sum\nconsole.log(`x ${add(1, 2)}`);\n", {{'k', "const"}, {'f', "add"}, {'c', "// sum"}, {'n', "1"}}},
      {"json", "{\"name\": \"quire\", \"n\": 3, \"ok\": true, \"x\": null}\n", {{'p', "\"name\""}, {'s', "\"quire\""}, {'n', "3"}, {'b', "true"}}},
      {"kotlin", "fun greet(name: String?): String = \"hi $name\" // c\nval n = 42\n", {{'k', "fun"}, {'f', "greet"}, {'t', "String"}, {'s', "\"hi $name\""}, {'c', "// c"}, {'k', "val"}, {'n', "42"}}},
      {"lua", "local function f(x) return x * 2 end -- c\n", {{'k', "local"}, {'k', "function"}, {'f', "f"}, {'n', "2"}, {'c', "-- c"}}},
      {"make", "# c\nCC := gcc\nall: main.o\n\t$(CC) -o app main.o\n.PHONY: all\n", {{'c', "# c"}, {'b', "CC"}, {'o', ":="}, {'b', "all"}, {'b', ".PHONY"}}},
      {"php", "<?php\nfunction greet($name) { return \"hi \" . $name; } // c\necho greet('x'), 42;\n", {{'k', "function"}, {'f', "greet"}, {'k', "return"}, {'c', "// c"}, {'n', "42"}}},
      {"python", "def greet(name):\n    \"\"\"Doc.\"\"\"\n    return f\"hi {name}\" # c\nprint(None, 3.5)\n", {{'k', "def"}, {'f', "greet"}, {'k', "return"}, {'c', "# c"}, {'b', "None"}, {'n', "3.5"}}},
      {"ruby", "def hi(x)\n  puts \"hi\" if x # c\nend\n", {{'k', "def"}, {'f', "hi"}, {'s', "\"hi\""}, {'c', "# c"}, {'k', "end"}}},
      {"rust", "fn main() { let x: u32 = 5; println!(\"{}\", x); } // c\n", {{'k', "fn"}, {'f', "main"}, {'k', "let"}, {'t', "u32"}, {'n', "5"}, {'c', "// c"}}},
      {"toml", "# c\n[server]\nport = 8080\nname = \"q\"\n", {{'c', "# c"}, {'t', "port"}, {'n', "8080"}, {'s', "\"q\""}}},
      {"tsx", "const A = (p: Props) => <div className=\"x\">{p.n}</div>;\n", {{'k', "const"}, {'t', "Props"}, {'g', "div"}}},
      {"typescript", "interface P { n: number }\nfunction f(p: P): string { return \"s\"; }\n", {{'k', "interface"}, {'t', "P"}, {'k', "function"}, {'f', "f"}, {'t', "string"}, {'s', "\"s\""}}},
      {"yaml", "# c\ntitle: Quire\nposts: 10\n", {{'c', "# c"}, {'p', "title"}, {'n', "10"}}},
      {"sql", "-- c\nSELECT name, COUNT(*) FROM users WHERE age > 21 AND city = 'Oslo' GROUP BY name;\n", {{'c', "-- c"}, {'k', "SELECT"}, {'f', "COUNT"}, {'k', "FROM"}, {'t', "users"}, {'n', "21"}, {'s', "'Oslo'"}}},
      {"xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<feed lang=\"en\"><title>Hi</title></feed>\n", {{'c', "<!-- c -->"}, {'g', "feed"}, {'a', "lang"}, {'s', "\"en\""}, {'g', "title"}}},
      {"scss", "$main: #333;\n@mixin box($r) { border-radius: $r; }\n.a { &:hover { color: $main; } } // c\n", {{'k', "@mixin"}, {'p', "border-radius"}, {'c', "// c"}}},
      {"markdown", "# Title\n\n- item\n\n> quote\n\n```js\nx\n```\n", {{'k', "Title"}, {'o', "-"}}},
      {"powershell", "# c\nfunction Get-Thing { param($Name) if ($Name -eq \"x\") { Write-Output 42 } }\n", {{'c', "# c"}, {'k', "function"}, {'k', "param"}, {'o', "-eq"}, {'f', "Write-Output"}, {'s', "\"x\""}, {'n', "42"}}},
      {"nginx", "# c\nserver {\n  listen 80;\n  location / { proxy_pass http://app; }\n}\n", {{'c', "# c"}, {'k', "server"}, {'k', "listen"}, {'n', "80"}}},
      {"r", "# c\nf <- function(x) { if (x > 1) TRUE else NA }\nprint(\"hi\", 3L)\n", {{'c', "# c"}, {'k', "function"}, {'k', "if"}, {'b', "TRUE"}, {'s', "\"hi\""}, {'f', "print"}}},
      {"swift", "// c\nstruct Point { let x: Int }\nfunc greet(name: String) -> String { return \"hi \\(name)\" }\n", {{'c', "// c"}, {'k', "struct"}, {'k', "let"}, {'t', "Int"}, {'k', "func"}, {'f', "greet"}, {'k', "return"}}},
      {"elixir", "# c\ndefmodule Hello do\n  def greet(name), do: \"hi #{name}\" <> :ok\nend\n", {{'c', "# c"}, {'k', "defmodule"}, {'t', "Hello"}, {'k', "def"}, {'f', "greet"}, {'b', ":ok"}}},
      {"scala", "// c\nobject Main { def main(args: Array[String]): Unit = println(\"hi\" + 42) }\n", {{'c', "// c"}, {'k', "object"}, {'k', "def"}, {'f', "main"}, {'t', "Array"}, {'s', "\"hi\""}, {'n', "42"}}},
      {"dart", "// c\nvoid main() { final name = 'Bob'; print('hi $name ${42}'); }\n", {{'c', "// c"}, {'t', "void"}, {'f', "main"}, {'k', "final"}, {'s', "'Bob'"}, {'n', "42"}}},
      {"batch", "@echo off\nREM c\nset NAME=world\nif exist a.txt echo hi %NAME%\n", {{'k', "@echo"}, {'c', "REM c"}, {'k', "set"}, {'s', "world"}, {'k', "exist"}}},
      {"properties", "# c\napp.name=Quire\nserver.port = 8080\n", {{'c', "# c"}, {'p', "app.name"}}},
      {"perl", "# c\nuse strict;\nmy $name = \"world\";\nsub greet { print \"hi $name\\n\"; return 42; }\n", {{'c', "# c"}, {'k', "use"}, {'k', "my"}, {'k', "sub"}, {'f', "greet"}, {'n', "42"}}},
      {"glsl", "// c\nuniform vec3 color;\nvoid main() { gl_FragColor = vec4(color, 1.0); }\n", {{'c', "// c"}, {'t', "vec3"}, {'f', "main"}, {'b', "gl_FragColor"}, {'n', "1.0"}}},
      {"zig", "// c\nconst std = @import(\"std\");\npub fn main() void { var x: u32 = 42; _ = x; }\n", {{'c', "// c"}, {'k', "const"}, {'k', "@import"}, {'s', "\"std\""}, {'k', "pub"}, {'k', "fn"}, {'f', "main"}, {'t', "u32"}, {'n', "42"}}},
      {"ocaml", "(* c *)\nlet rec fact n = if n = 0 then 1 else n * fact (n - 1)\n", {{'c', "(* c *)"}, {'k', "let"}, {'k', "rec"}, {'f', "fact"}, {'k', "if"}, {'n', "0"}}},
      {"julia", "# c\nfunction greet(name::String)\n    println(\"hi $name\", 42)\nend\n", {{'c', "# c"}, {'k', "function"}, {'f', "greet"}, {'t', "String"}, {'n', "42"}, {'k', "end"}}},
      {"objc", "// c\n#import <Foundation/Foundation.h>\n@interface Box : NSObject\n- (int)size;\n@end\n", {{'c', "// c"}, {'k', "#import"}, {'k', "@interface"}, {'t', "int"}, {'k', "@end"}}},
      {"diff", "diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n int a;\n--- gone\n-int b;\n+long b;\n\\ No newline at end of file\n",
       {{'k', "diff"}, {'k', "--git"}, {'k', "---"}, {'k', "+++"}, {'b', "@@"}, {'b', "-1,3"}, {'o', "gone"}, {'o', "-int"}, {'s', "+long b;"}, {'c', "\\ No newline at end of file"}}},
      {"shell-session", "$ ls -la /tmp | wc -l\n3\nuser@box:~/src$ echo \"hi\" && \\\n  cd x\nhi\n",
       {{'c', "$"}, {'f', "ls"}, {'o', "|"}, {'f', "wc"}, {'c', "user@box:~/src$"}, {'f', "echo"}, {'s', "\"hi\""}, {'f', "cd"}}},
      {"dockerfile", "# c\nFROM node:20 AS build\nCOPY --from=build /app /app\nRUN npm ci && \\\n    echo \"done\"\nENV PORT=$PORT\nEXPOSE 8080/tcp\nCMD [\"node\", \"app.js\"]\n",
       {{'c', "# c"}, {'k', "FROM"}, {'k', "AS"}, {'k', "COPY"}, {'a', "--from"}, {'k', "RUN"}, {'f', "npm"}, {'o', "&&"}, {'f', "echo"}, {'s', "\"done\""}, {'k', "ENV"}, {'b', "$PORT"}, {'n', "8080"}, {'k', "CMD"}, {'s', "\"node\""}}},
      {"ini", "; c\n[server]\nhost = example.org\nport=8080\ndebug = true\n# c2\n",
       {{'c', "; c"}, {'t', "server"}, {'p', "host"}, {'o', "="}, {'s', "example.org"}, {'p', "port"}, {'n', "8080"}, {'b', "true"}, {'c', "# c2"}}},
      {"protobuf", "// c\nsyntax = \"proto3\";\nmessage User { string name = 1; repeated int32 ids = 2; }\n",
       {{'c', "// c"}, {'k', "syntax"}, {'s', "\"proto3\""}, {'k', "message"}, {'t', "string"}, {'n', "1"}, {'k', "repeated"}, {'t', "int32"}}},
      {"graphql", "# c\nquery Hero($id: ID!) { hero(id: $id) { name friends { name } } }\n\"\"\"\nDoc\n\"\"\"\ntype A { ok: Boolean }\n",
       {{'c', "# c"}, {'k', "query"}, {'t', "ID"}, {'f', "hero"}, {'s', "\"\"\"\nDoc\n\"\"\""}, {'k', "type"}, {'t', "Boolean"}}},
      {"hcl", "# c\nresource \"aws_instance\" \"web\" {\n  ami = \"ami-${var.id}\"\n  count = 2\n  public = true\n}\n",
       {{'c', "# c"}, {'k', "resource"}, {'s', "\"aws_instance\""}, {'b', "${var.id}"}, {'k', "count"}, {'n', "2"}, {'b', "true"}}},
      {"groovy", "// c\ndef greet(String name) { return \"hi $name\" }\nprintln greet('x') == null\n",
       {{'c', "// c"}, {'k', "def"}, {'f', "greet"}, {'t', "String"}, {'k', "return"}, {'s', "'x'"}, {'b', "null"}}},
      {"cmake", "# c\ncmake_minimum_required(VERSION 3.16)\nIF(WIN32)\n  set(SRC \"${ROOT}/a.c\")\nendif()\n",
       {{'c', "# c"}, {'f', "cmake_minimum_required"}, {'b', "VERSION"}, {'n', "3.16"}, {'k', "IF"}, {'b', "${ROOT}"}, {'k', "endif"}}},
      {"vim", "\" c\nset number\nlet g:name = \"x\"\nif v:true | echo 'y' | endif\n",
       {{'c', "\" c"}, {'k', "set"}, {'k', "let"}, {'s', "\"x\""}, {'b', "v:true"}, {'s', "'y'"}, {'k', "endif"}}},
      {"coffeescript", "# c\nsquare = (x) -> x * x\nalert \"hi\" unless yes\n###\nblock\n###\n",
       {{'c', "# c"}, {'s', "\"hi\""}, {'k', "unless"}, {'b', "yes"}, {'c', "###\nblock\n###"}}},
      {"lisp", "; c\n(defun square (x) \"Doc\" (* x x))\n(when t (setq y 42))\n#| block |#\n",
       {{'c', "; c"}, {'k', "defun"}, {'s', "\"Doc\""}, {'k', "when"}, {'b', "t"}, {'k', "setq"}, {'n', "42"}, {'c', "#| block |#"}}},
      {"clojure", "; c\n(defn greet [name] (str \"hi \" name))\n(if nil 1 2)\n",
       {{'c', "; c"}, {'k', "defn"}, {'s', "\"hi \""}, {'k', "if"}, {'b', "nil"}, {'n', "1"}}},
      // (steveshogren's F# and Coq, forecho's Solidity: Chroma had coloured them)
      {"fsharp", "// c\nlet rec fact (n: int) = if n = 0 then 1 else n * fact (n - 1)\n(* block *)\nlet s = \"x\"\n",
       {{'c', "// c"}, {'k', "let"}, {'k', "rec"}, {'t', "int"}, {'k', "if"}, {'n', "0"}, {'c', "(* block *)"}, {'s', "\"x\""}}},
      {"coq", "(* c *)\nTheorem plus_O : forall n : nat, n + O = n.\nProof. intros n. reflexivity. Qed.\n",
       {{'c', "(* c *)"}, {'k', "Theorem"}, {'k', "forall"}, {'t', "nat"}, {'b', "O"}, {'k', "Proof"}, {'k', "Qed"}}},
      {"solidity", "// c\ncontract Token { mapping(address => uint256) public balances; bool ok = true; }\n",
       {{'c', "// c"}, {'k', "contract"}, {'k', "mapping"}, {'t', "address"}, {'t', "uint256"}, {'k', "public"}, {'b', "true"}}},
      {"nix", "# c\n{ pkgs ? import <nixpkgs> {} }:\nlet x = 42; in pkgs.mkShell { name = \"dev\"; }\n", {{'c', "# c"}, {'k', "let"}, {'n', "42"}, {'k', "in"}, {'s', "\"dev\""}}},
  };
  for (const Sample& s : samples) {
    CAPTURE(s.lang);
    const std::string runs = quire::highlight::highlight(s.lang, s.code);
    const auto t = tokens(s.code, runs);
    CAPTURE(dump(t));
    for (const auto& token : s.expected) {  // (no structured binding: clang-14 cannot capture one)
      const char* text = token.second;
      CAPTURE(text);
      CHECK(has_token(t, token.first, text));
    }
  }
  // Every built language has a sample.
  CHECK(quire::highlight::languages().size() == samples.size());
}

// Neovim's predicates in the newer grammars' queries: #lua-match? and
// #vim-match? are evaluated (Lua's %d classes too, also inside #match?), and
// a test we cannot evaluate leaves its pattern out instead of holding: with
// them ignored, every Dart identifier and every GLSL one was a builtin.
TEST_CASE("Neovim's match predicates are evaluated, unknown tests leave their pattern out") {
  const std::string glsl = "void main() { gl_FragColor = vec4(color, 1.0); }\n";
  auto t = tokens(glsl, quire::highlight::highlight("glsl", glsl));
  CAPTURE(dump(t));
  CHECK(has_token(t, 'b', "gl_FragColor"));  // #lua-match? "^gl_"
  CHECK_FALSE(has_token(t, 'b', "color"));
  const std::string dart = "void main() { final name = 'x'; print(name); }\n";
  t = tokens(dart, quire::highlight::highlight("dart", dart));
  CAPTURE(dump(t));
  CHECK_FALSE(has_token(t, 'b', "name"));  // #vim-match? with a list of words
  CHECK_FALSE(has_token(t, 'b', "print"));
  const std::string sql = "SELECT 21, 2.5, 'x';\n";
  t = tokens(sql, quire::highlight::highlight("sql", sql));
  CAPTURE(dump(t));
  CHECK(has_token(t, 'n', "21"));  // #match? "^[-+]?%d+$"
  CHECK(has_token(t, 'n', "2.5"));
  CHECK(has_token(t, 's', "'x'"));
}

// PostgreSQL's dollar-quoted strings go through the SQL grammar's external
// scanner, which leaked the tags it read (cmake/tree-sitter-patches/sql.patch):
// the sanitized build's LeakSanitizer fails this test without the patch.
TEST_CASE("SQL's dollar-quoted bodies are highlighted, and their tags are not leaked") {
  for (const std::string& sql : {
           std::string("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"),
           std::string("DO $$ BEGIN RAISE NOTICE $x$hi$x$; END $$;\nSELECT $a$ x $a$, $a$ y $a$;\n"),
           std::string("SELECT $q$ broken\nSELECT 1 FROM $t$ WHERE $x$ $x$ $$ ) ( $$\n")}) {
    CAPTURE(sql);
    const auto t = tokens(sql, quire::highlight::highlight("sql", sql));
    CAPTURE(dump(t));
    CHECK(has_token(t, 'k', sql.rfind("DO", 0) == 0 ? "BEGIN" : "SELECT"));
  }
}

// The fuzz target's first finding: a NUL byte sent Nginx's external
// scanner into an endless loop (it takes 0 for the end of input).
TEST_CASE("a NUL byte in a block never reaches a grammar") {
  const std::string code("server {\0 listen 80; }\n", 24);
  const std::string runs = quire::highlight::highlight("nginx", code);
  const auto t = tokens(code, runs);
  CAPTURE(dump(t));
  CHECK(has_token(t, 'n', "80"));
}

// A session's output is not code: painted as shell, "3 files" had a number
// and every output word a command's colour.
TEST_CASE("a console session paints its commands as shell and leaves its output plain") {
  CHECK(quire::highlight::language_id("console") == "shell-session");
  // What other engines let follow the language: a file name, attributes, line numbers
  CHECK(quire::highlight::language_id("html:index.html") == "html");
  CHECK(quire::highlight::language_id("rust,ignore") == "rust");
  CHECK(quire::highlight::language_id("js=") == "javascript");
  CHECK(quire::highlight::language_id(":x") == "");
  const std::string code = "$ ls\nREADME.md if.txt\n(venv) [me@box ~]# pip install x\nOK 2 packages\nPS C:\\src> dir\n";
  const auto t = tokens(code, quire::highlight::highlight("console", code));
  CAPTURE(dump(t));
  CHECK(has_token(t, 'f', "ls"));
  CHECK(has_token(t, 'c', "(venv) [me@box ~]#"));
  CHECK(has_token(t, 'f', "pip"));
  CHECK(has_token(t, 'c', "PS C:\\src>"));
  CHECK(has_token(t, 'f', "dir"));
  for (const auto& [cls, text] : t) {  // nothing of the output lines
    CHECK(text.find("README") == std::string::npos);
    CHECK(text != "if");
    CHECK(text != "2");
  }
  // No prompt anywhere: a script named a session, all shell.
  const std::string script = "echo hi\nif true; then ls; fi\n";
  const auto s = tokens(script, quire::highlight::highlight("console", script));
  CHECK(has_token(s, 'k', "if"));
}

TEST_CASE("line-rule languages: a Dockerfile's RUN is shell, a removed '-- ' line stays a removal") {
  CHECK(quire::highlight::language_id("Patch") == "diff");
  CHECK(quire::highlight::language_id("docker") == "dockerfile");
  CHECK(quire::highlight::language_id("dotenv") == "ini");
  CHECK(quire::highlight::language_id("diff-javascript") == "diff");
  CHECK(quire::highlight::language_id("diff-") == "");
  const std::string docker = "FROM alpine\nRUN --mount=type=cache,target=/var apk add \\\n      curl # tools\nUSER app\n";
  const auto t = tokens(docker, quire::highlight::highlight("Dockerfile", docker));
  CAPTURE(dump(t));
  CHECK(has_token(t, 'a', "--mount"));
  CHECK(has_token(t, 'f', "apk"));
  CHECK(has_token(t, 'k', "USER"));
  CHECK_FALSE(has_token(t, 'k', "curl"));
  // Two files' hunks, the second file's header after the first's last line.
  const std::string diff = "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n--- c\n+++ d\n@@ -1 +1 @@\n--- z\n+z\n";
  const auto d = tokens(diff, quire::highlight::highlight("diff", diff));
  CAPTURE(dump(d));
  CHECK(has_token(d, 'k', "c"));
  CHECK(has_token(d, 'k', "d"));
  CHECK(has_token(d, 'o', "z"));
  CHECK(has_token(d, 's', "+z"));
}

TEST_CASE("every language's highlight queries compile (upstream's with ours from queries/)") {
  for (const auto& l : quire::highlight::languages()) {
    CAPTURE(l.id);
    CHECK(quire::highlight::query_error(l.id) == "");
  }
}

// Tokens with our queries (queries/<id>.scm) added to upstream's: operators,
// escapes, definitions, builtins, members, modules. With upstream's alone
// 24 of the checks before Kotlin's fail (the queries/ folder moved away;
// Kotlin has no queries but ours).
TEST_CASE("our queries add operators, definitions, builtins, members and modules") {
  struct Sample {
    const char* lang;
    const char* code;
    std::vector<std::pair<char, const char*>> expected;
  };
  const std::vector<Sample> samples = {
      {"c", "#define MAX 4\nstruct point { int x; };\nint f(struct point *p) { printf(\"%d\\n\", p->x + MAX); return 'a' == 1 && true; }\n",
       {{'b', "MAX"}, {'t', "point"}, {'p', "x"}, {'f', "printf"}, {'e', "\\n"}, {'o', "->"}, {'o', "+"}, {'s', "'a'"}, {'o', "=="}, {'o', "&&"}, {'b', "true"}}},
      {"cpp", "namespace app { class Widget {}; }\nvoid app::Widget::draw() { auto w = std::make_unique<Widget>(); w->size(); }\n",
       {{'t', "app"}, {'t', "Widget"}, {'f', "draw"}, {'o', "::"}, {'t', "std"}, {'f', "size"}, {'o', "="}}},
      {"javascript", "class Cart extends Base {\n  total() { return this.items.length * 2; }\n}\nconst add = (a, b) => a + b;\nconsole.log(JSON.stringify({ ok: true }), `n=${add(1, 2)}`);\n",
       {{'t', "Cart"}, {'t', "Base"}, {'f', "total"}, {'p', "items"}, {'o', "*"}, {'f', "add"}, {'o', "=>"}, {'o', "+"}, {'b', "console"}, {'t', "JSON"}, {'f', "stringify"}, {'p', "ok"}, {'o', "${"}}},
      {"typescript", "interface User { name: string; greet(): void }\nenum Color { Red }\nlet u = find()!;\n",
       {{'t', "User"}, {'p', "name"}, {'f', "greet"}, {'t', "Color"}, {'b', "Red"}, {'o', "!"}, {'o', "="}}},
      {"python", "import os\n@dataclass\nclass Point(Base):\n    def norm(self, scale: float = 1.0) -> float:\n        return abs(self.x) * scale if x is not None else 0\nprint(sep=\"\")\n",
       {{'t', "os"}, {'a', "dataclass"}, {'t', "Point"}, {'t', "Base"}, {'b', "self"}, {'t', "float"}, {'o', "->"}, {'o', "*"}, {'k', "is"}, {'k', "not"}, {'p', "sep"}}},
      {"rust", "struct Point { x: i32 }\nfn main() { let p = Point { x: 1 }; std::mem::drop(p.x + 2); let c = 'c'; }\n",
       {{'t', "Point"}, {'p', "x"}, {'n', "1"}, {'t', "std"}, {'o', "+"}, {'s', "'c'"}, {'o', "="}}},
      {"go", "package main\ntype Point struct { X int }\nfunc (p Point) Norm() bool { return p.X >= 0 && true }\nvar err error = nil\n",
       {{'t', "main"}, {'t', "Point"}, {'p', "X"}, {'t', "int"}, {'f', "Norm"}, {'o', ">="}, {'o', "&&"}, {'b', "true"}, {'t', "error"}, {'b', "nil"}}},
      {"bash", "NAME=world\ncd /tmp && echo \"hi $NAME\" > out.txt | wc -l 2\n",
       {{'p', "NAME"}, {'f', "cd"}, {'o', "&&"}, {'f', "echo"}, {'o', ">"}, {'o', "|"}, {'n', "2"}}},
      {"json", "{\"ok\": true, \"x\": null}\n", {{'b', "true"}, {'b', "null"}, {'p', "\"ok\""}}},
      {"kt", "package app\n@JvmStatic\nclass Box<T>(val item: T) { override fun toString() = item.toString() + \"\\n\" }\nval ok = a < b && x != null\n",
       {{'t', "app"}, {'a', "@JvmStatic"}, {'t', "Box"}, {'t', "T"}, {'p', "item"}, {'k', "override"}, {'f', "toString"}, {'e', "\\n"}, {'o', "<"}, {'o', "&&"}, {'b', "null"}}},
  };
  for (const Sample& s : samples) {
    CAPTURE(s.lang);
    const std::string runs = quire::highlight::highlight(s.lang, s.code);
    const auto t = tokens(s.code, runs);
    CAPTURE(dump(t));
    for (const auto& token : s.expected) {
      const char* text = token.second;
      CAPTURE(text);
      CHECK(has_token(t, token.first, text));
    }
  }
}

TEST_CASE("aliases name the same grammar, in any case") {
  CHECK(quire::highlight::language_id("py") == "python");
  CHECK(quire::highlight::language_id("Python") == "python");
  CHECK(quire::highlight::language_id("sh") == "bash");
  CHECK(quire::highlight::language_id("console") == "shell-session");
  CHECK(quire::highlight::language_id("c++") == "cpp");
  CHECK(quire::highlight::language_id("js") == "javascript");
  CHECK(quire::highlight::language_id("ts") == "typescript");
  CHECK(quire::highlight::language_id("rs") == "rust");
  CHECK(quire::highlight::language_id("yml") == "yaml");
  CHECK(quire::highlight::language_id("cs") == "csharp");
  CHECK(quire::highlight::language_id("C#") == "csharp");
  CHECK(quire::highlight::language_id("c-sharp") == "csharp");
  CHECK(quire::highlight::language_id("hs") == "haskell");
  CHECK(quire::highlight::language_id("Makefile") == "make");
  CHECK(quire::highlight::language_id("mk") == "make");
  CHECK(quire::highlight::language_id("php") == "php");
  const char* php = "echo strlen('x') + 42;\n";  // PHP code without the <?php tag
  const auto pt = tokens(php, quire::highlight::highlight("php", php));
  CAPTURE(dump(pt));
  CHECK(has_token(pt, 'n', "42"));
  CHECK(!quire::highlight::highlight_markdown("```c#\nclass A {}\n```\n").empty());
  // jsx is the javascript grammar, which parses JSX elements.
  CHECK(quire::highlight::language_id("jsx") == "javascript");
  const char* jsx = "const A = () => <div className=\"x\">hi</div>;\n";
  const auto jt = tokens(jsx, quire::highlight::highlight("jsx", jsx));
  CAPTURE(dump(jt));
  CHECK(has_token(jt, 'g', "div"));
  CHECK(quire::highlight::highlight("PY", "def f(): pass\n") == quire::highlight::highlight("python", "def f(): pass\n"));
}

TEST_CASE("an unknown or missing language and an empty block are plain text") {
  CHECK(quire::highlight::language_id("brainfuck").empty());
  CHECK(quire::highlight::highlight("brainfuck", "+[-->+<]").empty());
  CHECK(quire::highlight::highlight("", "int x = 1;").empty());
  CHECK(quire::highlight::highlight("c", "").empty());
  CHECK(quire::highlight::highlight_markdown("```\nint x;\n```\n").empty());
  CHECK(quire::highlight::highlight_markdown("```nope\nint x;\n```\n").empty());
  CHECK(quire::highlight::highlight_markdown("no code here").empty());
}

TEST_CASE("hostile code stays text") {
  std::string md = "```html\n</code><script>alert(1)</script>\n```\n\n```c\nchar s[] = \"a";
  md += '\0';
  md += "b\xff\";\n```\n";
  const std::string code = quire::highlight::highlight_markdown(md);
  REQUIRE(!code.empty());
  const std::string html = render_with(md, code);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("</code><script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") == std::string::npos);  // split by spans, but escaped
  CHECK(html.find("<span class=\"tok-g\">script</span>") != std::string::npos);
  CHECK(html.find('\0') == std::string::npos);
  CHECK(html.find("\xEF\xBF\xBD") != std::string::npos);  // NUL and the bad byte became U+FFFD
  CHECK(html.find("<span class=\"tok-s\">") != std::string::npos);
}

TEST_CASE("code blocks are numbered through lists, quotes and footnotes") {
  const std::string md =
      "- item\n\n  ```py\n  x = 1\n  ```\n\n> ```js\n> let y = 2\n> ```\n\nSee[^n].\n\n[^n]: Note.\n\n    ```rs\n    fn z() {}\n    ```\n";
  const std::string code = quire::highlight::highlight_markdown(md);
  std::vector<std::string_view> blocks;
  REQUIRE(quire::parse_code_json(code, blocks));
  REQUIRE(blocks.size() == 3);
  const std::string html = render_with(md, code);
  CHECK(html.find("<span class=\"tok-n\">1</span>") != std::string::npos);
  CHECK(html.find("<span class=\"tok-k\">let</span>") != std::string::npos);
  CHECK(html.find("<span class=\"tok-k\">fn</span>") != std::string::npos);
  CHECK(html.find("<pre tabindex=\"0\" data-lang=\"rs\"><code class=\"language-rs\">") != std::string::npos);
}

TEST_CASE("a fence inside a longer fence is code of the outer block") {
  const std::string md = "````text\n```python\nimport os\n```\n````\n\n```python\nimport os\n```\n";
  const std::string code = quire::highlight::highlight_markdown(md);
  std::vector<std::string_view> blocks;
  REQUIRE(quire::parse_code_json(code, blocks));
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].empty());  // text: no grammar, plain
  CHECK(!blocks[1].empty());
  const std::string html = render_with(md, code);
  CHECK(html.find("```python\nimport os\n```\n</code>") != std::string::npos);
  CHECK(html.find("<span class=\"tok-k\">import</span> <span class=\"tok-t\">os</span>") != std::string::npos);
}

TEST_CASE("runs encode and decode") {
  SUBCASE("valid input") {
    std::string classes = std::string("kk_s") + std::string(3, '\0');
    CHECK(quire::encode_runs(classes) == "k2_1s1");
    CHECK(quire::encode_runs(std::string(4, '\0')).empty());
    auto t = tokens("ab c    ", "k2_1s1");
    REQUIRE(t.size() == 2);
    CHECK(t[0] == std::make_pair('k', std::string("ab")));
    CHECK(t[1] == std::make_pair('s', std::string("c")));
    CHECK(quire::code_json({"k2", "", "s1"}) == "[\"k2\",\"\",\"s1\"]");
    std::vector<std::string_view> blocks;
    CHECK(quire::parse_code_json(" [ \"k2\" , \"\",\"s1\" ] ", blocks));
    CHECK(blocks == std::vector<std::string_view>{"k2", "", "s1"});
    CHECK(quire::parse_code_json("[]", blocks));
    CHECK(blocks.empty());
  }
  SUBCASE("invalid input") {
    std::vector<quire::TokenRun> out;
    CHECK_FALSE(quire::decode_runs("k5", "abc", out));       // beyond the text
    CHECK_FALSE(quire::decode_runs("z1", "abc", out));       // unknown class
    CHECK_FALSE(quire::decode_runs("k0", "abc", out));       // empty run
    CHECK_FALSE(quire::decode_runs("k", "abc", out));        // no length
    CHECK_FALSE(quire::decode_runs("k1x", "abc", out));      // garbage
    CHECK_FALSE(quire::decode_runs("k1000000000", std::string(2000, 'a'), out));  // 10 digits
    CHECK_FALSE(quire::decode_runs("k18446744073709551617", "abc", out));          // overflow
    CHECK_FALSE(quire::decode_runs("k1", "\xC3\xA9", out));  // splits "é"
    CHECK(out.empty());
    std::vector<std::string_view> blocks;
    CHECK_FALSE(quire::parse_code_json("[\"k1\"", blocks));
    CHECK_FALSE(quire::parse_code_json("[\"k\\u0031\"]", blocks));  // escapes are never written
    CHECK_FALSE(quire::parse_code_json("[1]", blocks));
    CHECK_FALSE(quire::parse_code_json("[\"<b>\"]", blocks));
    CHECK_FALSE(quire::parse_code_json("{}", blocks));
    CHECK(blocks.empty());
  }
}

TEST_CASE("bad runs in a bundle leave the block plain, never crash") {
  const std::string md = "```c\nint é;\n```\n";
  const std::string plain = "<pre tabindex=\"0\" data-lang=\"c\"><code class=\"language-c\">int é;\n</code></pre>\n";
  for (const char* json : {"[\"t99\"]", "[\"t1k1_\"]", "[\"q3\"]", "[\"t3_2k1\"]", "[\"t3\",", "{\"a\":1}", "[\"\"]", "[]"}) {
    CAPTURE(json);
    CHECK(render_with(md, json) == plain);
  }
  CHECK(render_with(md, "[\"t3\"]") ==
        "<pre tabindex=\"0\" data-lang=\"c\"><code class=\"language-c\"><span class=\"tok-t\">int</span> é;\n</code></pre>\n");
  // Without a writer (a preview), code is as it always was.
  CHECK(quire::render_markdown(md) == "<pre tabindex=\"0\"><code class=\"language-c\">int é;\n</code></pre>\n");
}

TEST_CASE("a post's tokens travel in the bundle and back") {
  quire::Bundle b;
  quire::Post p;
  p.slug = std::string("a");
  p.title = std::string("A");
  p.date = std::string("2024-01-01");
  p.body = std::string("```py\nx = 1\n```\n");
  p.has_body = true;
  p.code_json = quire::highlight::highlight_markdown(p.body);
  REQUIRE(!p.code_json.empty());
  b.posts.push_back(p);
  const std::string json = quire::write_bundle_json(b);
  CHECK(json.find("\"code\":[\"") != std::string::npos);
  auto r = quire::load_bundle(json);
  REQUIRE(r.ok);
  CHECK(r.bundle.posts[0].code_json == p.code_json);
  SUBCASE("in the split form, with the body in its chunk") {
    const quire::SplitBundle split = quire::write_split_bundle(b, "chunks/", quire::kPostsPerChunk, {}, 0);
    CHECK(split.index.find("\"code\"") == std::string::npos);
    REQUIRE(split.chunks.size() == 1);
    CHECK(split.chunks[0].json.find("\"code\":[\"") != std::string::npos);
    auto index = quire::load_bundle(split.index);
    REQUIRE(index.ok);
    CHECK(index.bundle.posts[0].code_json.empty());
    REQUIRE(quire::add_chunk(index.bundle, split.chunks[0].json).ok);
    CHECK(index.bundle.posts[0].code_json == p.code_json);
  }
  SUBCASE("a wrong type is a schema error") {
    std::string bad = json;
    bad.replace(bad.find("\"code\":["), 8, "\"code\":{\"x\":");
    bad.replace(bad.find("]", bad.find("\"code\"")), 1, "}");
    CHECK_FALSE(quire::load_bundle(bad).ok);
  }
}

TEST_CASE("the fence's info string numbers and highlights lines") {
  using Ranges = std::vector<std::pair<unsigned, unsigned>>;
  SUBCASE("valid input") {
    auto o = quire::parse_code_info("py {hl_lines=[2,\"4-6\"], linenos=true}");
    CHECK(o.line_numbers);
    CHECK(o.highlighted == Ranges{{2, 2}, {4, 6}});
    CHECK(quire::parse_code_info("py {hl_lines=\"2 4-6\"}").highlighted == Ranges{{2, 2}, {4, 6}});
    CHECK(quire::parse_code_info("js {2,4-6}").highlighted == Ranges{{2, 2}, {4, 6}});
    CHECK(quire::parse_code_info("js {linenos=table}").line_numbers);
    CHECK_FALSE(quire::parse_code_info("js {linenos=false}").line_numbers);
    CHECK_FALSE(quire::parse_code_info("js").by_line());
    const std::string md = "```python {hl_lines=[2], linenos=true}\ns = \"\"\"a\nb\"\"\"\nx = 1\n```\n";
    const std::string html = render_with(md, quire::highlight::highlight_markdown(md));
    CHECK(html ==
          "<pre tabindex=\"0\" data-lang=\"python\" class=\"linenos\"><code class=\"language-python\">"
          "<span class=\"line\">s <span class=\"tok-o\">=</span> <span class=\"tok-s\">&quot;&quot;&quot;a</span>\n</span>"
          "<span class=\"line hl\"><span class=\"tok-s\">b&quot;&quot;&quot;</span>\n</span>"
          "<span class=\"line\">x <span class=\"tok-o\">=</span> <span class=\"tok-n\">1</span>\n</span>"
          "</code></pre>\n");
    // Without a writer (a preview) the info string changes nothing.
    CHECK(quire::render_markdown(md).find("class=\"line") == std::string::npos);
  }
  SUBCASE("invalid input") {
    CHECK(quire::parse_code_info("py {hl_lines=[0, 9-3, 99999999, x]}").highlighted.empty());
    CHECK(quire::parse_code_info("py {hl_lines=[2").highlighted.empty());  // no closing brace
    CHECK(quire::parse_code_info("py }{").highlighted.empty());
    CHECK(quire::parse_code_info("py {=,=}").highlighted.empty());
    const std::string md = "```c {1}\nint <b>\n```\n";
    CHECK(render_with(md, "[\"t99\"]") ==  // bad runs: plain, still by line
          "<pre tabindex=\"0\" data-lang=\"c\"><code class=\"language-c\"><span class=\"line hl\">int &lt;b&gt;\n</span></code></pre>\n");
  }
}

}  // TEST_SUITE
