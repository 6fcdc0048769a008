; Quire's highlight queries for Rust, written for this repository (MIT, as
; Quire). They come before tree-sitter-rust's queries/highlights.scm (from
; its npm package), so for one node they win. Upstream paints keywords,
; types and calls but numbers as builtin constants and leaves operators,
; lifetimes, struct fields, enum variants and modules plain; these add them.

(integer_literal) @number
(float_literal) @number
(boolean_literal) @boolean
(char_literal) @character
(lifetime (identifier) @label)
(field_declaration name: (field_identifier) @property)
(field_initializer field: (field_identifier) @property)
(shorthand_field_initializer (identifier) @property)
(field_expression field: (field_identifier) @property)
(enum_variant name: (identifier) @constant)
(scoped_identifier path: (identifier) @module)
(scoped_type_identifier path: (identifier) @module)
(mod_item name: (identifier) @module)
(use_declaration argument: (identifier) @module)
(struct_item name: (type_identifier) @type)
(enum_item name: (type_identifier) @type)
(trait_item name: (type_identifier) @type)
(impl_item type: (type_identifier) @type)
(function_item name: (identifier) @function)
(function_signature_item name: (identifier) @function)
(macro_invocation macro: (identifier) @function.macro "!" @function.macro)
(self) @variable.builtin
((identifier) @constant
 (#match? @constant "^[A-Z][A-Z\\d_]+$"))
[
  "=" "+=" "-=" "*=" "/=" "%=" "&=" "|=" "^=" "<<=" ">>="
  "+" "-" "*" "/" "%" "==" "!=" "<" ">" "<=" ">=" "&&" "||" "!"
  "&" "|" "^" "<<" ">>" ".." "..=" "=>" "->" "?"
] @operator
