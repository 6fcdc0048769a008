# Tree-sitter grammars for build-time syntax highlighting (native build only:
# grammars never enter the WASM core; src/highlight/highlight.hpp says why).
#
# The runtime and every grammar come from npm packages pinned in
# package.json / package-lock.json (the runtime is the `tree-sitter` package,
# installed under the alias `tree-sitter-runtime` so that npm does not try to
# satisfy the grammars' mutually exclusive optional peer ranges). Their
# generated parser.c files are large (80 MB in all), so each is compiled once
# per machine into a cache outside the clone, keyed by package, version and
# compiler:
#   ${QUIRE_TREE_SITTER_CACHE}/<package>@<version>/<grammar>-<compiler>-<script hash>.a
# and reused by every clone and build directory (the archive is written
# under a temporary name and renamed, so concurrent builds never see half of
# one). Highlight queries (queries/highlights.scm, concatenated as the
# package's tree-sitter.json "highlights" list says for grammars that
# inherit, e.g. cpp from c, typescript from javascript), with ours from
# queries/<id>.scm where we have richer ones, are read at configure time into
# a generated table, with each language's aliases.
#
# The language list: the one place a language is added.
#   quire_grammar(<id> <npm package> <C symbol> <subdir or "."> <first|last> <aliases...>)
# first|last: which pattern wins when several capture one node. The
# tree-sitter org's queries are written for tree-sitter's own highlighter
# (the first); the tree-sitter-grammars org's for Neovim's (the last).
# A package without queries (kotlin) is highlighted by ours alone
# (queries/<id>.scm).

if(DEFINED ENV{QUIRE_TREE_SITTER_CACHE})
  set(_ts_cache_default "$ENV{QUIRE_TREE_SITTER_CACHE}")
elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
  set(_ts_cache_default "$ENV{XDG_CACHE_HOME}/quire/tree-sitter")
else()
  set(_ts_cache_default "$ENV{HOME}/.cache/quire/tree-sitter")
endif()
set(QUIRE_TREE_SITTER_CACHE "${_ts_cache_default}" CACHE PATH
    "Where compiled tree-sitter grammars are kept, shared by every clone")
set(QUIRE_NODE_MODULES "${CMAKE_SOURCE_DIR}/node_modules")
string(REGEX REPLACE "[^A-Za-z0-9.]" "_" _ts_compiler "${CMAKE_C_COMPILER_ID}-${CMAKE_C_COMPILER_VERSION}")

set(QUIRE_GRAMMAR_TARGETS "")
set(QUIRE_GRAMMAR_TABLE "")
set(QUIRE_GRAMMAR_DECLS "")

# The package's version, or a fatal error naming what to run.
function(_ts_package_version package out)
  set(manifest "${QUIRE_NODE_MODULES}/${package}/package.json")
  if(NOT EXISTS "${manifest}")
    message(FATAL_ERROR "${manifest} missing: run `npm ci` (scripts/bootstrap.sh)")
  endif()
  file(READ "${manifest}" text)
  string(JSON version GET "${text}" version)
  set(${out} "${version}" PARENT_SCOPE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${manifest}")
endfunction()

# A static archive of `sources` compiled once into the machine's cache;
# defines the imported target `name`.
# The archive's name is its whole key: package, version, compiler and a hash
# of the compile script (its flags). Nothing else may make it stale, so the
# rule has no file dependencies: a fresh clone's node_modules and scripts
# are newer than the cache by mtime, and depending on them recompiled every
# grammar in every clean clone (about a minute per compiler on 2 cores).
file(SHA1 "${CMAKE_SOURCE_DIR}/cmake/tree-sitter-compile.cmake" _ts_script_hash)
string(SUBSTRING "${_ts_script_hash}" 0 8 _ts_script_hash)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/cmake/tree-sitter-compile.cmake")
# `variant` (optional): more of the key, e.g. the hash of a patch applied.
function(_ts_cached_archive name package version include_dirs sources)
  string(REPLACE "/" "+" key "${package}@${version}")
  set(variant "")
  if(ARGC GREATER 5)
    set(variant "-${ARGV5}")
  endif()
  set(archive "${QUIRE_TREE_SITTER_CACHE}/${key}/${name}-${_ts_compiler}-${_ts_script_hash}${variant}.a")
  add_custom_command(OUTPUT "${archive}"
    COMMAND ${CMAKE_COMMAND} "-DCC=${CMAKE_C_COMPILER}" "-DAR=${CMAKE_AR}"
            "-DSOURCES=${sources}" "-DINCLUDES=${include_dirs}" "-DOUT=${archive}"
            -P "${CMAKE_SOURCE_DIR}/cmake/tree-sitter-compile.cmake"
    COMMENT "tree-sitter: compiling ${name} (${package}@${version}) into ${QUIRE_TREE_SITTER_CACHE}"
    VERBATIM)
  add_custom_target(${name}_archive DEPENDS "${archive}")
  add_library(${name} STATIC IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES IMPORTED_LOCATION "${archive}")
  add_dependencies(${name} ${name}_archive)
endfunction()

# A query file named by a package's tree-sitter.json: relative to the
# package, where "node_modules/x/..." may also have been hoisted by npm.
function(_ts_query_path package rel out)
  set(path "${QUIRE_NODE_MODULES}/${package}/${rel}")
  if(NOT EXISTS "${path}" AND rel MATCHES "^node_modules/(.*)$")
    set(path "${QUIRE_NODE_MODULES}/${CMAKE_MATCH_1}")
  endif()
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "tree-sitter: ${package} names ${rel}, which is missing")
  endif()
  set(${out} "${path}" PARENT_SCOPE)
endfunction()

# Our highlight queries for grammar `id` (queries/<id>.scm in the repo and
# the ones its first line "; inherits: <id>..." names, those first), or "".
function(_ts_our_queries id out)
  set(file "${CMAKE_SOURCE_DIR}/queries/${id}.scm")
  set(text "")
  if(EXISTS "${file}")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    file(READ "${file}" own)
    if(own MATCHES "^; inherits: ([a-z ]+)")
      string(REPLACE " " ";" parents "${CMAKE_MATCH_1}")
      foreach(parent IN LISTS parents)
        set(parent_file "${CMAKE_SOURCE_DIR}/queries/${parent}.scm")
        get_property(built GLOBAL PROPERTY QUIRE_GRAMMAR_QUERIES_${parent})
        if(EXISTS "${parent_file}")
          file(READ "${parent_file}" part)
          string(APPEND text "${part}\n")
          set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${parent_file}")
        elseif(built)  # a grammar listed before this one (scss inherits css): all its queries
          string(APPEND text "${built}\n")
        else()
          message(FATAL_ERROR "tree-sitter: queries/${id}.scm inherits ${parent}, but queries/${parent}.scm is missing")
        endif()
      endforeach()
    endif()
    string(APPEND text "${own}\n")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(quire_grammar id package symbol subdir precedence)
  _ts_package_version(${package} version)
  set(root "${QUIRE_NODE_MODULES}/${package}")
  set(src "${root}/${subdir}/src")
  set(sources "${src}/parser.c")
  set(scanner "${src}/scanner.c")
  # Our fix to a grammar's external scanner (cmake/tree-sitter-patches/<id>.patch
  # says what and why), applied at configure time to a copy in the build
  # directory; the archive's key gains the patch's hash.
  set(patch_file "${CMAKE_SOURCE_DIR}/cmake/tree-sitter-patches/${id}.patch")
  set(variant "")
  if(EXISTS "${patch_file}")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${patch_file}")
    file(SHA1 "${patch_file}" patch_hash)
    string(SUBSTRING "${patch_hash}" 0 8 patch_hash)
    set(variant "p${patch_hash}")
    set(copy "${CMAKE_BINARY_DIR}/tree-sitter-patched/${id}")
    file(REMOVE_RECURSE "${copy}")
    file(MAKE_DIRECTORY "${copy}/src")
    file(COPY "${scanner}" DESTINATION "${copy}/src")
    find_program(QUIRE_PATCH_TOOL patch REQUIRED)
    execute_process(COMMAND "${QUIRE_PATCH_TOOL}" -p1 --quiet -d "${copy}" -i "${patch_file}"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "tree-sitter: ${patch_file} does not apply to ${package}@${version}")
    endif()
    set(scanner "${copy}/src/scanner.c")  # its #include "tree_sitter/..." found through -I${src}
  endif()
  if(EXISTS "${scanner}")
    list(APPEND sources "${scanner}")
  endif()
  _ts_cached_archive(quire_grammar_${id} ${package} ${version} "${src}" "${sources}" ${variant})

  # Highlight queries: tree-sitter.json's list for this grammar, else queries/highlights.scm.
  set(queries "")
  if(EXISTS "${root}/tree-sitter.json")
    file(READ "${root}/tree-sitter.json" config)
    string(JSON count LENGTH "${config}" grammars)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON name GET "${config}" grammars ${i} name)
      if(name STREQUAL id OR (count EQUAL 1))
        string(JSON type ERROR_VARIABLE err TYPE "${config}" grammars ${i} highlights)
        if(type STREQUAL "ARRAY")
          string(JSON n LENGTH "${config}" grammars ${i} highlights)
          math(EXPR n_last "${n} - 1")
          foreach(k RANGE ${n_last})
            string(JSON rel GET "${config}" grammars ${i} highlights ${k})
            list(APPEND queries "${rel}")
          endforeach()
        elseif(type STREQUAL "STRING")
          string(JSON rel GET "${config}" grammars ${i} highlights)
          list(APPEND queries "${rel}")
        endif()
        break()
      endif()
    endforeach()
  endif()
  if(NOT queries AND EXISTS "${root}/${subdir}/queries/highlights.scm" AND NOT subdir STREQUAL ".")
    set(queries "${subdir}/queries/highlights.scm")
  elseif(NOT queries AND EXISTS "${root}/queries/highlights.scm")
    set(queries "queries/highlights.scm")
  elseif(NOT queries AND NOT EXISTS "${CMAKE_SOURCE_DIR}/queries/${id}.scm")
    message(FATAL_ERROR "tree-sitter: ${package} has no highlight queries and queries/${id}.scm is missing")
  endif()
  set(text "")
  foreach(rel IN LISTS queries)
    _ts_query_path(${package} "${rel}" path)
    file(READ "${path}" part)
    string(APPEND text "${part}\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${path}")
  endforeach()
  # Upstream's "; inherits: c" (Neovim's convention, in grammars built on
  # another one: objc, glsl): that grammar's queries, as built above, first.
  if(text MATCHES "(^|\n); inherits: ([a-z_]+)")
    get_property(parent_text GLOBAL PROPERTY QUIRE_GRAMMAR_QUERIES_${CMAKE_MATCH_2})
    if(NOT parent_text)
      message(FATAL_ERROR "tree-sitter: ${package}'s queries inherit ${CMAKE_MATCH_2}, which is not listed before ${id}")
    endif()
    string(PREPEND text "${parent_text}\n")
  endif()
  # Ours (queries/<id>.scm, with the files its "; inherits: a b" line names
  # first) go where they win over upstream's for one node: before for
  # first-wins grammars, after for last-wins ones.
  _ts_our_queries(${id} ours)
  if(precedence STREQUAL "last")
    string(PREPEND ours "${text}")
    set(text "${ours}")
  else()
    string(APPEND ours "${text}")
    set(text "${ours}")
  endif()
  set_property(GLOBAL PROPERTY QUIRE_GRAMMAR_QUERIES_${id} "${text}")
  if(text MATCHES "\\)quire_scm\"")
    message(FATAL_ERROR "tree-sitter: ${package}'s queries contain the raw string delimiter")
  endif()

  if(precedence STREQUAL "last")
    set(last_wins true)
  elseif(precedence STREQUAL "first")
    set(last_wins false)
  else()
    message(FATAL_ERROR "tree-sitter: ${id}: expected first or last, got ${precedence}")
  endif()
  set(aliases "")
  foreach(alias ${ARGN})
    string(APPEND aliases "\"${alias}\", ")
  endforeach()
  set(QUIRE_GRAMMAR_DECLS "${QUIRE_GRAMMAR_DECLS}const TSLanguage* ${symbol}(void);\n" PARENT_SCOPE)
  set(QUIRE_GRAMMAR_TABLE "${QUIRE_GRAMMAR_TABLE}  {\"${id}\", \"${package}@${version}\", ${symbol}, {${aliases}}, ${last_wins}, R\"quire_scm(${text})quire_scm\"},\n" PARENT_SCOPE)
  set(QUIRE_GRAMMAR_TARGETS ${QUIRE_GRAMMAR_TARGETS} quire_grammar_${id} PARENT_SCOPE)
endfunction()

# The runtime (lib.c: the whole C library in one unit).
_ts_package_version(tree-sitter-runtime QUIRE_TREE_SITTER_VERSION)
set(_ts_lib "${QUIRE_NODE_MODULES}/tree-sitter-runtime/vendor/tree-sitter/lib")
_ts_cached_archive(quire_tree_sitter tree-sitter-runtime ${QUIRE_TREE_SITTER_VERSION}
                   "${_ts_lib}/include;${_ts_lib}/src" "${_ts_lib}/src/lib.c")
set_target_properties(quire_tree_sitter PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_ts_lib}/include")

#            id         package                                 symbol                  dir   wins  aliases
quire_grammar(bash       tree-sitter-bash                        tree_sitter_bash        .     first sh shell zsh ksh)
quire_grammar(c          tree-sitter-c                           tree_sitter_c           .     first h)
quire_grammar(cpp        tree-sitter-cpp                         tree_sitter_cpp         .     first c++ cc cxx hpp hxx)
quire_grammar(csharp     tree-sitter-c-sharp                     tree_sitter_c_sharp     .     first c-sharp cs "c#")
quire_grammar(css        tree-sitter-css                         tree_sitter_css         .     first)
quire_grammar(go         tree-sitter-go                          tree_sitter_go          .     first golang)
quire_grammar(haskell    tree-sitter-haskell                     tree_sitter_haskell     .     first hs)
# Templates (Vue, Svelte, Liquid, Nunjucks, ERB...) are HTML with their own
# tags: their HTML is coloured, their template syntax is left plain.
quire_grammar(html       tree-sitter-html                        tree_sitter_html        .     first htm xhtml vue svelte liquid njk nunjucks jinja jinja2 django twig erb ejs hbs handlebars mustache go-html-template gotmpl go-template astro)
quire_grammar(java       tree-sitter-java                        tree_sitter_java        .     first)
quire_grammar(javascript tree-sitter-javascript                  tree_sitter_javascript  .     first js jsx mjs cjs node react)
quire_grammar(json       tree-sitter-json                        tree_sitter_json        .     first jsonc json5 geojson jsonl ndjson)
quire_grammar(lua        @tree-sitter-grammars/tree-sitter-lua   tree_sitter_lua         .     last)
quire_grammar(kotlin     @tree-sitter-grammars/tree-sitter-kotlin tree_sitter_kotlin     .     first kt kts)
quire_grammar(make       tree-sitter-make                        tree_sitter_make        .     last  makefile mk mak gnumake)
quire_grammar(php        tree-sitter-php                         tree_sitter_php_only    php_only first php3 php4 php5 php7 php8)
quire_grammar(python     tree-sitter-python                      tree_sitter_python      .     first py python3 py3 gyp)
quire_grammar(ruby       tree-sitter-ruby                        tree_sitter_ruby        .     first rb)
quire_grammar(rust       tree-sitter-rust                        tree_sitter_rust        .     first rs)
quire_grammar(toml       @tree-sitter-grammars/tree-sitter-toml  tree_sitter_toml        .     last)
quire_grammar(tsx        tree-sitter-typescript                  tree_sitter_tsx         tsx   first)
quire_grammar(typescript tree-sitter-typescript                  tree_sitter_typescript  typescript first ts mts cts)
quire_grammar(yaml       @tree-sitter-grammars/tree-sitter-yaml  tree_sitter_yaml        .     last  yml)
quire_grammar(sql        @derekstride/tree-sitter-sql            tree_sitter_sql         .     last  mysql postgresql postgres psql pgsql plpgsql plsql sqlite tsql mssql mariadb)
quire_grammar(xml        @tree-sitter-grammars/tree-sitter-xml   tree_sitter_xml         xml   last  svg xsd xsl xslt rss atom plist xaml csproj wsdl rng)
quire_grammar(scss       tree-sitter-scss                        tree_sitter_scss        .     first less)
quire_grammar(markdown   @tree-sitter-grammars/tree-sitter-markdown tree_sitter_markdown tree-sitter-markdown last md mkd mkdn mdown mdx)
quire_grammar(powershell tree-sitter-powershell                  tree_sitter_powershell  .     first ps1 psm1 pwsh posh)
quire_grammar(nginx      tree-sitter-nginx                       tree_sitter_nginx       .     last  nginxconf)
quire_grammar(r          @davisvaughan/tree-sitter-r             tree_sitter_r           .     first rscript splus)
quire_grammar(swift      tree-sitter-swift                       tree_sitter_swift       .     last)
quire_grammar(elixir     tree-sitter-elixir                      tree_sitter_elixir      .     last  ex exs)
quire_grammar(scala      tree-sitter-scala                       tree_sitter_scala       .     first sbt sc)
quire_grammar(dart       tree-sitter-dart                        tree_sitter_dart        .     last)
quire_grammar(batch      tree-sitter-batch                       tree_sitter_batch       .     first bat cmd dosbatch winbatch)
quire_grammar(properties tree-sitter-properties                  tree_sitter_properties  .     last  java-properties jproperties)
quire_grammar(perl       tree-sitter-perl                        tree_sitter_perl        .     last  pl pm)
quire_grammar(glsl       tree-sitter-glsl                        tree_sitter_glsl        .     last  vert frag)
quire_grammar(zig        @tree-sitter-grammars/tree-sitter-zig   tree_sitter_zig         .     last)
quire_grammar(ocaml      tree-sitter-ocaml                       tree_sitter_ocaml       grammars/ocaml first ml)
quire_grammar(julia      tree-sitter-julia                       tree_sitter_julia       .     last  jl)
quire_grammar(objc       tree-sitter-objc                        tree_sitter_objc        .     last  objective-c objectivec obj-c)
quire_grammar(nix        tree-sitter-nix                         tree_sitter_nix         .     first)

set(QUIRE_GRAMMARS_CPP "${CMAKE_BINARY_DIR}/generated/grammars.cpp")
file(WRITE "${CMAKE_BINARY_DIR}/generated/grammars.cpp.in"
"// Generated by cmake/tree-sitter.cmake from the grammars' npm packages: do not edit.
#include \"highlight/grammars.hpp\"

extern \"C\" {
${QUIRE_GRAMMAR_DECLS}}

namespace quire::highlight {

const std::vector<Grammar>& grammars() {
  static const std::vector<Grammar> table = {
${QUIRE_GRAMMAR_TABLE}  };
  return table;
}

}  // namespace quire::highlight
")
configure_file("${CMAKE_BINARY_DIR}/generated/grammars.cpp.in" "${QUIRE_GRAMMARS_CPP}" COPYONLY)
