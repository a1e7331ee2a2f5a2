// Command schemagen derives application-schema.json — the field list of Argo CD's Application type —
// from the upstream Go sources, so the executor can decode, walk and encode an Application the way
// Argo CD's typed structs do (field order, JSON names, omitempty, patchStrategy/patchMergeKey tags)
// without vendoring upstream code. Only names, tags and type shapes are extracted.
//
// Usage (see ../README.md for fetching the sources):
//
//	go run ./schemagen -argo <argo-cd checkout> -apimachinery <apimachinery checkout> > application-schema.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Type is the JSON description of one Go type as the executor needs it.
type Type struct {
	Kind   string `json:"kind"`             // string, bool, int, float, ptr, slice, map, struct, raw, time, duration, intOrString, quantity, opaque
	GoType string `json:"goType"`           // what reflect.Type.String() prints, for Go-style error messages
	Elem   *Type  `json:"elem,omitempty"`   // ptr, slice, map value
	Ref    string `json:"ref,omitempty"`    // struct: key into Schema.Structs
	Bits   int    `json:"bits,omitempty"`   // int: 8..64
	Signed bool   `json:"signed,omitempty"` // int
}

// Field is one JSON-visible struct field, in declaration order.
type Field struct {
	GoName        string `json:"goName"`
	JSON          string `json:"json"`
	Inline        bool   `json:"inline,omitempty"` // embedded struct whose fields Go's encoding/json flattens
	OmitEmpty     bool   `json:"omitempty,omitempty"`
	OmitZero      bool   `json:"omitzero,omitempty"`
	PatchStrategy string `json:"patchStrategy,omitempty"`
	PatchMergeKey string `json:"patchMergeKey,omitempty"`
	Type          *Type  `json:"type"`
	Source        string `json:"source"` // upstream file:line, for the report and for reviewers
}

// Struct is a struct type and the JSON methods it declares (custom marshalling changes behaviour).
type Struct struct {
	GoType  string   `json:"goType"`
	Fields  []Field  `json:"fields"`
	Methods []string `json:"methods,omitempty"`
	Source  string   `json:"source"`
}

// Schema is the whole output file.
type Schema struct {
	Comment string             `json:"comment"`
	Roots   []string           `json:"roots"`
	Structs map[string]*Struct `json:"structs"`
}

type pkg struct {
	name  string // Go package name, as reflect prints it
	dir   string
	rel   string // path shown in Source
	types map[string]*ast.TypeSpec
	files map[*ast.TypeSpec]*ast.File
	meth  map[string][]string
	fset  *token.FileSet
}

const (
	argoV1       = "github.com/argoproj/argo-cd/v3/pkg/apis/application/v1alpha1"
	metaV1       = "k8s.io/apimachinery/pkg/apis/meta/v1"
	k8sTypes     = "k8s.io/apimachinery/pkg/types"
	healthPkg    = "github.com/argoproj/argo-cd/gitops-engine/pkg/health"
	syncCommon   = "github.com/argoproj/argo-cd/gitops-engine/pkg/sync/common"
	runtimePkg   = "k8s.io/apimachinery/pkg/runtime"
	intstrPkg    = "k8s.io/apimachinery/pkg/util/intstr"
	resourcePkg  = "k8s.io/apimachinery/pkg/api/resource"
	apiextPkg    = "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	corePkg      = "k8s.io/api/core/v1"
	timePkg      = "time"
	rootApp      = argoV1 + ".Application"
	rootTemplate = argoV1 + ".ApplicationSetTemplate"
)

// leaves are upstream types with custom JSON forms that the executor models by hand.
var leaves = map[string]Type{
	runtimePkg + ".RawExtension": {Kind: "raw", GoType: "runtime.RawExtension"},
	apiextPkg + ".JSON":          {Kind: "raw", GoType: "v1.JSON"},
	metaV1 + ".Time":             {Kind: "time", GoType: "v1.Time"},
	metaV1 + ".MicroTime":        {Kind: "time", GoType: "v1.MicroTime"},
	metaV1 + ".Duration":         {Kind: "duration", GoType: "v1.Duration"},
	metaV1 + ".FieldsV1":         {Kind: "raw", GoType: "v1.FieldsV1"},
	intstrPkg + ".IntOrString":   {Kind: "intOrString", GoType: "intstr.IntOrString"},
	resourcePkg + ".Quantity":    {Kind: "quantity", GoType: "resource.Quantity"},
	timePkg + ".Duration":        {Kind: "int", GoType: "time.Duration", Bits: 64, Signed: true},
}

type gen struct {
	pkgs    map[string]*pkg
	structs map[string]*Struct
}

func main() {
	argo := flag.String("argo", "", "argo-cd source tree at the pinned tag")
	am := flag.String("apimachinery", "", "k8s.io/apimachinery source tree at the version argo-cd's go.mod pins")
	flag.Parse()
	if *argo == "" || *am == "" {
		fmt.Fprintln(os.Stderr, "usage: schemagen -argo DIR -apimachinery DIR")
		os.Exit(2)
	}
	g := &gen{pkgs: map[string]*pkg{}, structs: map[string]*Struct{}}
	g.load(argoV1, *argo, "argo-cd", "pkg/apis/application/v1alpha1")
	g.load(healthPkg, *argo, "argo-cd", "gitops-engine/pkg/health")
	g.load(syncCommon, *argo, "argo-cd", "gitops-engine/pkg/sync/common")
	g.load(metaV1, *am, "apimachinery", "pkg/apis/meta/v1")
	g.load(k8sTypes, *am, "apimachinery", "pkg/types")
	for _, root := range []string{rootApp, rootTemplate} {
		g.structRef(root)
	}
	out := Schema{
		Comment: "Generated by schemagen from argo-cd and k8s.io/apimachinery sources; do not edit. Field names, tags and type shapes only.",
		Roots:   []string{rootApp, rootTemplate},
		Structs: g.structs,
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}

func (g *gen) load(importPath, root, repo, rel string) {
	dir := filepath.Join(root, rel)
	fset := token.NewFileSet()
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(matches) == 0 {
		panic(fmt.Sprintf("no Go files in %s", dir))
	}
	p := &pkg{dir: dir, rel: repo + ":" + rel, types: map[string]*ast.TypeSpec{}, files: map[*ast.TypeSpec]*ast.File{}, meth: map[string][]string{}, fset: fset}
	for _, path := range matches {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			panic(err)
		}
		p.name = f.Name.Name
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						p.types[ts.Name.Name] = ts
						p.files[ts] = f
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) != 1 {
					continue
				}
				name := d.Name.Name
				if name != "MarshalJSON" && name != "UnmarshalJSON" && name != "IsZero" {
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok {
					p.meth[id.Name] = append(p.meth[id.Name], name)
				}
			}
		}
	}
	g.pkgs[importPath] = p
}

func (g *gen) pos(p *pkg, n ast.Node) string {
	position := p.fset.Position(n.Pos())
	return fmt.Sprintf("%s/%s:%d", p.rel, filepath.Base(position.Filename), position.Line)
}

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
