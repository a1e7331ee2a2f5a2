package main

// The typed value model: a decoded struct (Obj), a non-nil pointer (Ptr), zero values and field accessors.

// Obj is a decoded Go struct: values by Go field name; an absent entry is the zero value.
type Obj struct {
	S *Struct
	F map[string]any
}

// Ptr is a non-nil Go pointer (a nil pointer is a nil interface).
type Ptr struct{ V any }

func newObj(s *Struct) *Obj { return &Obj{S: s, F: map[string]any{}} }

// zero returns the zero value of t in this model.
func zero(t *Type) any {
	switch t.Kind {
	case "string":
		return ""
	case "bool":
		return false
	case "int":
		return int64(0)
	case "float":
		return float64(0)
	case "struct":
		return newObj(structNamed(t.Ref))
	}
	return nil
}

// get returns field f of o, or its zero value.
func (o *Obj) get(f *Field) any {
	if v, ok := o.F[f.GoName]; ok {
		return v
	}
	return zero(f.Type)
}

func (o *Obj) str(goName string) string { return o.get(fieldNamed(o.S, goName)).(string) }

func (o *Obj) flag(goName string) bool { return o.get(fieldNamed(o.S, goName)).(bool) }

func (o *Obj) isNil(goName string) bool { return o.get(fieldNamed(o.S, goName)) == nil }

// size is len() of a slice or map field (0 when nil).
func (o *Obj) size(goName string) int {
	switch v := o.get(fieldNamed(o.S, goName)).(type) {
	case []any:
		return len(v)
	case map[string]any:
		return len(v)
	}
	return 0
}

// ptrObj returns the struct a pointer field points to, or nil.
func (o *Obj) ptrObj(goName string) *Obj {
	if p, ok := o.get(fieldNamed(o.S, goName)).(*Ptr); ok && p != nil {
		return p.V.(*Obj)
	}
	return nil
}
