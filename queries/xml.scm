; XML attributes coloured as HTML's are (upstream names them properties).
(Attribute (Name) @attribute)
