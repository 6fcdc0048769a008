; Quire's highlight queries for Go, written for this repository (MIT, as
; Quire). They come before tree-sitter-go's queries/highlights.scm (from its
; npm package), so for one node they win. Upstream paints calls, keywords
; and literals; these add package names, type and method definitions,
; struct fields and keys, builtin types and constants, runes as characters
; (the operators are upstream's list again, with &^= and <- included).

(package_clause (package_identifier) @module)
(import_spec name: (package_identifier) @module)
(selector_expression operand: (identifier) @module
 (#match? @module "^[a-z]"))
(type_spec name: (type_identifier) @type)
(qualified_type package: (package_identifier) @module)
((type_identifier) @type.builtin
 (#any-of? @type.builtin "bool" "byte" "complex64" "complex128" "error" "float32" "float64" "int" "int8" "int16" "int32" "int64" "rune" "string" "uint" "uint8" "uint16" "uint32" "uint64" "uintptr" "any"))
(method_declaration name: (field_identifier) @function.method)
(method_elem name: (field_identifier) @function.method)
(field_declaration name: (field_identifier) @property)
(keyed_element . (literal_element (identifier) @property))
[(true) (false)] @boolean
[(nil) (iota)] @constant.builtin
(rune_literal) @character
((identifier) @constant
 (#match? @constant "^[A-Z][A-Z\\d_]+$"))
[
  "=" ":=" "+=" "-=" "*=" "/=" "%=" "&=" "|=" "^=" "<<=" ">>=" "&^="
  "+" "-" "*" "/" "%" "++" "--" "==" "!=" "<" ">" "<=" ">=" "&&" "||" "!"
  "&" "|" "^" "<<" ">>" "&^" "<-" "..."
] @operator
