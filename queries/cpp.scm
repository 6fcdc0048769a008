; inherits: c
; Quire's highlight queries for C++, written for this repository (MIT, as
; Quire): queries/c.scm (inherited above) and these come before
; tree-sitter-c's and tree-sitter-cpp's queries/highlights.scm (from their
; npm packages), so for one node they win. Upstream's C++ file adds little
; to C's; these add namespaces, template and class names, method
; definitions, std:: calls, literals of C++ and its operators.

; Namespaces and qualified names.
(namespace_definition name: (namespace_identifier) @module)
(namespace_identifier) @module
(using_declaration (identifier) @module)

; Classes and templates.
(class_specifier name: (type_identifier) @type)
(template_type name: (type_identifier) @type)
(template_parameter_list (type_parameter_declaration (type_identifier) @type))
(concept_definition name: (identifier) @type)

; Functions: methods declared in a class, defined outside it, destructors,
; operators, qualified calls.
(function_declarator declarator: (qualified_identifier name: (qualified_identifier name: (identifier) @function)))
(function_declarator declarator: (qualified_identifier name: (destructor_name (identifier) @function)))
(function_declarator declarator: (destructor_name (identifier) @function))
(function_declarator declarator: (operator_name) @function)
(call_expression function: (qualified_identifier name: (qualified_identifier name: (identifier) @function)))
(call_expression function: (field_expression field: (field_identifier) @function))

; Literals and builtins.
(raw_string_literal) @string
(user_defined_literal (literal_suffix) @type)
(this) @variable.builtin


; C++'s own operators.
["::" "<=>" ".*" "->*"] @operator
[(new_expression "new" @keyword.operator) (delete_expression "delete" @keyword.operator)]
