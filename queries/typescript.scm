; inherits: ecmascript
; Quire's highlight queries for TypeScript, written for this repository
; (MIT, as Quire): queries/ecmascript.scm (inherited above) and these come
; before tree-sitter-typescript's and tree-sitter-javascript's
; queries/highlights.scm (from their npm packages), so for one node they
; win. Upstream's TypeScript file paints types and keywords; these add
; interface, type alias, enum and generic names, enum members, members of
; interfaces, optional and non-null marks.

(interface_declaration name: (type_identifier) @type)
(type_alias_declaration name: (type_identifier) @type)
(enum_declaration name: (identifier) @type)
(enum_body (property_identifier) @constant)
(enum_assignment name: (property_identifier) @constant)
(type_parameter name: (type_identifier) @type)
(property_signature name: (property_identifier) @property)
(method_signature name: (property_identifier) @function.method)
(public_field_definition name: (property_identifier) @property)
(abstract_class_declaration name: (type_identifier) @type)
(class_declaration name: (type_identifier) @type)
(non_null_expression "!" @operator)
(optional_parameter "?" @operator)
(literal_type [(true) (false)] @boolean)
(extends_clause value: (identifier) @type)
