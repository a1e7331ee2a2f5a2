package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
)

// Loading an upstream package: its type declarations and the JSON methods declared on them.

type pkg struct {
	name  string // Go package name, as reflect prints it
	dir   string
	rel   string // path shown in Source
	types map[string]*ast.TypeSpec
	files map[*ast.TypeSpec]*ast.File
	meth  map[string][]string
	fset  *token.FileSet
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
