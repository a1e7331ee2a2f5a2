package main

import (
	"fmt"
	"go/ast"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Describing a struct: its fields with JSON names, omitempty/omitzero and patch tags, in declaration order.

// structRef makes sure the named struct is described and returns its key.
func (g *gen) structRef(qualified string) string {
	if _, done := g.structs[qualified]; done {
		return qualified
	}
	importPath, name := split(qualified)
	p := g.pkgs[importPath]
	ts := p.types[name]
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		panic(qualified + " is not a struct")
	}
	s := &Struct{GoType: p.name + "." + name, Source: g.pos(p, ts)}
	methods := append([]string(nil), p.meth[name]...)
	sort.Strings(methods)
	s.Methods = methods
	g.structs[qualified] = s // before the fields: types may be recursive
	file := p.files[ts]
	for _, f := range st.Fields.List {
		tag := ""
		if f.Tag != nil {
			tag, _ = strconv.Unquote(f.Tag.Value)
		}
		st := reflect.StructTag(tag)
		jsonTag, hasJSON := st.Lookup("json")
		parts := strings.Split(jsonTag, ",")
		jsonName := parts[0]
		if jsonName == "-" && len(parts) == 1 {
			continue
		}
		opts := map[string]bool{}
		for _, o := range parts[1:] {
			opts[o] = true
		}
		names := []string{}
		embedded := len(f.Names) == 0
		if embedded {
			names = append(names, embeddedName(f.Type))
		} else {
			for _, n := range f.Names {
				names = append(names, n.Name)
			}
		}
		for _, goName := range names {
			if !ast.IsExported(goName) && !embedded {
				continue // encoding/json ignores unexported fields
			}
			field := Field{
				GoName:        goName,
				JSON:          jsonName,
				OmitEmpty:     opts["omitempty"],
				OmitZero:      opts["omitzero"],
				PatchStrategy: st.Get("patchStrategy"),
				PatchMergeKey: st.Get("patchMergeKey"),
				Type:          g.typeOf(p, file, f.Type),
				Source:        g.pos(p, f),
			}
			if embedded && jsonName == "" {
				field.Inline = true // encoding/json promotes the embedded struct's fields
			} else if jsonName == "" || !hasJSON {
				field.JSON = goName
			}
			s.Fields = append(s.Fields, field)
		}
	}
	return qualified
}

func embeddedName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return embeddedName(t.X)
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.Ident:
		return t.Name
	}
	panic(fmt.Sprintf("unexpected embedded field %T", e))
}

func split(qualified string) (string, string) {
	i := strings.LastIndex(qualified, ".")
	return qualified[:i], qualified[i+1:]
}
