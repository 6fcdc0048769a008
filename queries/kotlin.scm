; Quire's highlight queries for Kotlin, written for this repository (MIT, as
; Quire). The grammar's npm package (@tree-sitter-grammars/tree-sitter-kotlin)
; ships no queries, so these are all there is: keywords, modifiers,
; literals and string templates, comments, declarations of functions,
; classes, objects and properties, calls, types, annotations, members,
; packages and imports, and the operators.

; Comments and literals.
[(line_comment) (block_comment)] @comment
(shebang) @comment
[(string_literal) (multiline_string_literal)] @string
(character_literal) @character
(escape_sequence) @string.escape
(interpolation ["$" "${" "}"] @punctuation.special)
[(number_literal) (float_literal)] @number
((identifier) @boolean (#any-of? @boolean "true" "false"))
((identifier) @constant.builtin (#eq? @constant.builtin "null"))
(this_expression) @variable.builtin
(super_expression) @variable.builtin

; Declarations.
(function_declaration name: (identifier) @function)
(class_declaration name: (identifier) @type)
(object_declaration name: (identifier) @type)
(type_alias (identifier) @type)
(enum_entry (identifier) @constant)
(variable_declaration (identifier) @variable)
(class_parameter (identifier) @property)
(type_parameter (identifier) @type)

; Calls: a plain name, then a member called through `.`.
(call_expression (identifier) @function)
(call_expression (navigation_expression (identifier) @function .))
(navigation_expression (identifier) @property .)

; Annotations (before types: for one node the first pattern wins), types,
; packages, labels.
(annotation "@" @attribute)
(annotation (user_type (identifier) @attribute))
(annotation (constructor_invocation (user_type (identifier) @attribute)))
(user_type (identifier) @type)
(package_header (qualified_identifier) @module)
(import (qualified_identifier) @module)
(label) @label
((identifier) @constant (#match? @constant "^[A-Z][A-Z\\d_]+$"))

; Keywords and modifiers.
[
  "as" "as?" "by" "catch" "class" "companion" "constructor" "do" "else"
  "enum" "finally" "for" "fun" "get" "if" "import" "in" "init" "interface" "is" "object"
  "package" "return" "set" "throw" "try" "typealias" "val" "var" "when" "where" "while"
  "!in" "!is" "return@" "this@" "super@"
] @keyword
[
  (visibility_modifier) (inheritance_modifier) (member_modifier) (function_modifier)
  (property_modifier) (class_modifier) (parameter_modifier) (platform_modifier)
  (variance_modifier) (reification_modifier)
] @keyword.modifier

; Operators.
[
  "=" "+=" "-=" "*=" "/=" "%=" "+" "-" "*" "/" "%" "++" "--"
  "==" "!=" "===" "!==" "<=" ">=" "&&" "||" "!" "!!"
  "?:" "?." "::" ".." "..<" "->"
] @operator
; < and > compare only between two operands (elsewhere they bracket types).
(binary_expression ["<" ">"] @operator)
