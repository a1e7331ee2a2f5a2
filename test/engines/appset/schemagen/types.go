package main

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"
)

// Describing a field's type: basic kinds, pointers, slices, maps, and named types resolved through imports.

func imports(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, im := range f.Imports {
		path, _ := strconv.Unquote(im.Path.Value)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		out[name] = path
	}
	return out
}

var basic = map[string]Type{
	"string":  {Kind: "string", GoType: "string"},
	"bool":    {Kind: "bool", GoType: "bool"},
	"int":     {Kind: "int", GoType: "int", Bits: 64, Signed: true},
	"int8":    {Kind: "int", GoType: "int8", Bits: 8, Signed: true},
	"int16":   {Kind: "int", GoType: "int16", Bits: 16, Signed: true},
	"int32":   {Kind: "int", GoType: "int32", Bits: 32, Signed: true},
	"int64":   {Kind: "int", GoType: "int64", Bits: 64, Signed: true},
	"uint":    {Kind: "int", GoType: "uint", Bits: 64},
	"uint8":   {Kind: "int", GoType: "uint8", Bits: 8},
	"uint16":  {Kind: "int", GoType: "uint16", Bits: 16},
	"uint32":  {Kind: "int", GoType: "uint32", Bits: 32},
	"uint64":  {Kind: "int", GoType: "uint64", Bits: 64},
	"float32": {Kind: "float", GoType: "float32", Bits: 32},
	"float64": {Kind: "float", GoType: "float64", Bits: 64},
	"byte":    {Kind: "int", GoType: "uint8", Bits: 8},
}

func (g *gen) typeOf(p *pkg, f *ast.File, e ast.Expr) *Type {
	switch t := e.(type) {
	case *ast.Ident:
		if b, ok := basic[t.Name]; ok {
			return &b
		}
		if t.Name == "any" {
			return &Type{Kind: "raw", GoType: "interface {}"}
		}
		return g.named(p.dirKey(g), t.Name)
	case *ast.SelectorExpr:
		pkgName := t.X.(*ast.Ident).Name
		path, ok := imports(f)[pkgName]
		if !ok {
			panic("unknown import " + pkgName)
		}
		return g.named(path, t.Sel.Name)
	case *ast.StarExpr:
		elem := g.typeOf(p, f, t.X)
		return &Type{Kind: "ptr", GoType: "*" + elem.GoType, Elem: elem}
	case *ast.ArrayType:
		elem := g.typeOf(p, f, t.Elt)
		if elem.GoType == "uint8" {
			return &Type{Kind: "bytes", GoType: "[]uint8"}
		}
		return &Type{Kind: "slice", GoType: "[]" + elem.GoType, Elem: elem}
	case *ast.MapType:
		key := g.typeOf(p, f, t.Key)
		elem := g.typeOf(p, f, t.Value)
		if key.Kind != "string" {
			panic("non-string map key")
		}
		return &Type{Kind: "map", GoType: "map[" + key.GoType + "]" + elem.GoType, Elem: elem}
	case *ast.InterfaceType:
		return &Type{Kind: "raw", GoType: "interface {}"}
	}
	panic(fmt.Sprintf("unsupported type expression %T", e))
}

func (p *pkg) dirKey(g *gen) string {
	for k, v := range g.pkgs {
		if v == p {
			return k
		}
	}
	panic("package not loaded")
}

// named resolves a named type: a struct becomes a reference, any other named type is described by its
// underlying type but keeps its own name for error messages (as reflect does).
func (g *gen) named(importPath, name string) *Type {
	if leaf, ok := leaves[importPath+"."+name]; ok {
		return &leaf
	}
	p, ok := g.pkgs[importPath]
	if !ok {
		// Only reachable from Application.status; never decoded from a template or a patch.
		short := importPath[strings.LastIndex(importPath, "/")+1:]
		return &Type{Kind: "opaque", GoType: short + "." + name}
	}
	ts, ok := p.types[name]
	if !ok {
		panic("unknown type " + importPath + "." + name)
	}
	if _, isStruct := ts.Type.(*ast.StructType); isStruct {
		return &Type{Kind: "struct", GoType: p.name + "." + name, Ref: g.structRef(importPath + "." + name)}
	}
	under := g.typeOf(p, p.files[ts], ts.Type)
	copy := *under
	copy.GoType = p.name + "." + name
	return &copy
}
