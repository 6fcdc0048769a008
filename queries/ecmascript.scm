; Quire's highlight queries shared by JavaScript, TypeScript and TSX,
; written for this repository (MIT, as Quire): queries/javascript.scm,
; typescript.scm and tsx.scm inherit them, so they come before
; tree-sitter-javascript's (and tree-sitter-typescript's)
; queries/highlights.scm (from their npm packages) and win for one node.
; Upstream paints calls, keywords and literals; these add what an editor
; shows beyond it: functions and methods where they are defined (class and
; object methods, arrow functions bound to names or keys), classes in
; `new`, well-known globals, property keys, and template ${ } (the
; operators are upstream's list again, so that TypeScript's inherit them
; in the same order). Only node types the three grammars share belong here.

; Definitions.
(new_expression constructor: (identifier) @type)
(method_definition name: (property_identifier) @function.method)
(pair key: (property_identifier) @function.method value: [(function_expression) (arrow_function)])
(variable_declarator name: (identifier) @function value: [(function_expression) (arrow_function)])
(assignment_expression left: (member_expression property: (property_identifier) @function.method) right: [(function_expression) (arrow_function)])
(function_declaration name: (identifier) @function)
(generator_function_declaration name: (identifier) @function)

; Calls: methods, then well-known globals.
(call_expression function: (member_expression property: (property_identifier) @function.method))
((identifier) @variable.builtin
 (#any-of? @variable.builtin "console" "window" "document" "globalThis" "process" "module" "exports" "require" "arguments"))
((identifier) @type.builtin
 (#any-of? @type.builtin "Object" "Array" "Promise" "Map" "Set" "WeakMap" "WeakSet" "JSON" "Math" "Number" "String" "Boolean" "Symbol" "BigInt" "Date" "RegExp" "Error" "TypeError" "RangeError" "URL" "Intl" "Reflect" "Proxy"))
((identifier) @constant.builtin
 (#any-of? @constant.builtin "undefined" "NaN" "Infinity"))

; Modules.
(import_specifier name: (identifier) @variable)
(namespace_import (identifier) @module)

; Keys and members.
(pair key: (property_identifier) @property)
(shorthand_property_identifier) @property
(shorthand_property_identifier_pattern) @property
(pair_pattern key: (property_identifier) @property)
(member_expression property: (property_identifier) @property)

; Operators and template substitutions.
[
  "=" "+=" "-=" "*=" "/=" "%=" "**=" "&&=" "||=" "??=" "<<=" ">>=" ">>>=" "&=" "|=" "^="
  "+" "-" "*" "/" "%" "**" "++" "--"
  "==" "===" "!=" "!==" "<" ">" "<=" ">=" "&&" "||" "??" "!"
  "&" "|" "^" "~" "<<" ">>" ">>>"
  "=>" "..." "?"
] @operator
(ternary_expression ":" @operator)
(template_substitution "${" @punctuation.special "}" @punctuation.special)
