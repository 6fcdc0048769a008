; Quire's highlight queries for C, written for this repository (MIT, as
; Quire). They come before tree-sitter-c's queries/highlights.scm (from its
; npm package), so for one node they win; upstream's still paint what these
; leave out. Upstream captures identifiers, calls, types and 16 operators,
; but not escapes, true/false, macros, #include paths, char literals as
; characters (it says number), enum members, struct fields or the other
; operators (/ % <= >= ?: bitwise, compound assignments); these add them.
; Used by C++ too (queries/cpp.scm inherits it).

; Escapes inside strings and characters.
(escape_sequence) @string.escape
(char_literal) @character
(system_lib_string) @string
(preproc_include path: (string_literal) @string)

; Constants and builtins.
[(true) (false)] @boolean
(null) @constant.builtin
((identifier) @variable.builtin
 (#any-of? @variable.builtin "stdin" "stdout" "stderr" "errno"))

; Macros: their definitions and calls, and identifiers in ALL_CAPS.
(preproc_def name: (identifier) @constant.macro)
(preproc_function_def name: (identifier) @function.macro)
(preproc_ifdef name: (identifier) @constant.macro)
((call_expression function: (identifier) @function.macro)
 (#match? @function.macro "^[A-Z][A-Z0-9_]+$"))

; Functions: definitions, declarations, pointers, calls through fields.
(function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @function)))
(call_expression function: (parenthesized_expression (pointer_expression argument: (identifier) @function)))
((call_expression function: (identifier) @function.builtin)
 (#any-of? @function.builtin
  "printf" "fprintf" "sprintf" "snprintf" "puts" "malloc" "calloc" "realloc" "free"
  "memcpy" "memmove" "memset" "memcmp" "strlen" "strcmp" "strncmp" "strcpy" "strncpy"
  "exit" "abort" "assert" "sizeof" "offsetof"))

; Types: struct/enum/union names, typedefs, enum members as constants.
(struct_specifier name: (type_identifier) @type)
(enum_specifier name: (type_identifier) @type)
(union_specifier name: (type_identifier) @type)
(type_definition declarator: (type_identifier) @type.definition)
(enumerator name: (identifier) @constant)
(sizeof_expression "sizeof" @keyword.operator)

; Members.
(field_declaration declarator: (field_identifier) @property)
(field_designator (field_identifier) @property)

; Operators.
[
  "=" "+=" "-=" "*=" "/=" "%=" "&=" "|=" "^=" "<<=" ">>="
  "+" "-" "*" "/" "%" "++" "--"
  "==" "!=" "<" ">" "<=" ">=" "&&" "||" "!"
  "&" "|" "^" "~" "<<" ">>"
  "->" "?"
] @operator
(conditional_expression ":" @operator)
