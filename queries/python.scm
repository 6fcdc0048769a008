; Quire's highlight queries for Python, written for this repository (MIT, as
; Quire). They come before tree-sitter-python's queries/highlights.scm (from
; its npm package), so for one node they win. Upstream paints calls,
; builtins and literals; these add class names, decorators, self/cls,
; keyword arguments, annotated types, dunder names, import names and the
; keyword operators (and, or, not, in, is); the symbol operators are
; upstream's list again.

(class_definition name: (identifier) @type)
(class_definition superclasses: (argument_list (identifier) @type))
(decorator (identifier) @attribute)
(decorator (attribute) @attribute)
(decorator (call function: (identifier) @attribute))
((identifier) @variable.builtin
 (#any-of? @variable.builtin "self" "cls"))
((identifier) @constant.builtin
 (#match? @constant.builtin "^__[a-z]+__$"))
(keyword_argument name: (identifier) @property)
(typed_parameter type: (type (identifier) @type))
(typed_default_parameter type: (type (identifier) @type))
(function_definition return_type: (type (identifier) @type))
((type (identifier) @type.builtin)
 (#any-of? @type.builtin "int" "float" "str" "bytes" "bool" "list" "dict" "set" "tuple" "object" "None"))
(generic_type (identifier) @type)
(import_statement name: (dotted_name (identifier) @module))
(import_from_statement module_name: (dotted_name (identifier) @module))
(aliased_import alias: (identifier) @module)
["and" "or" "not" "in" "is"] @keyword.operator
(not_operator "not" @keyword.operator)
["=" ":=" "==" "!=" "<" ">" "<=" ">=" "+" "-" "*" "/" "//" "%" "**" "@" "|" "&" "^" "~" "<<" ">>" "->"] @operator
(interpolation "{" @punctuation.special "}" @punctuation.special)
