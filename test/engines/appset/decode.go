package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Decoding generic JSON into the typed model as json.Unmarshal decodes into Argo CD's structs, errors worded alike.

// decodeCtx mirrors encoding/json's errorContext: the innermost struct and the JSON field path, used in
// UnmarshalTypeError messages ("json: cannot unmarshal string into Go struct field S.a.b of type T").
type decodeCtx struct {
	structName string
	fields     []string
	saved      *error
	dropped    *[]string
}

func (c decodeCtx) typeError(value string, t *Type) {
	if *c.saved != nil {
		return
	}
	if c.structName != "" || len(c.fields) > 0 {
		*c.saved = fmt.Errorf("json: cannot unmarshal %s into Go struct field %s.%s of type %s", value, c.structName, strings.Join(c.fields, "."), t.GoType)
	} else {
		*c.saved = fmt.Errorf("json: cannot unmarshal %s into Go value of type %s", value, t.GoType)
	}
}

// fatal is an error encoding/json aborts on (one returned by an UnmarshalJSON method).
type fatal struct{ err error }

// decodeTyped decodes generic JSON (decoded with UseNumber) into the typed model of t, like json.Unmarshal
// into the Go type: unknown keys are dropped (listed in dropped), the first type mismatch is returned after
// the whole value has been decoded, null leaves non-nillable values at zero.
func decodeTyped(t *Type, v any, dropped *[]string) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(fatal)
			if !ok {
				panic(r)
			}
			out, err = nil, f.err
		}
	}()
	var saved error
	ctx := decodeCtx{saved: &saved, dropped: dropped}
	out = decodeValue(t, v, nil, ctx)
	return out, saved
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

// decodeValue decodes v into a value of type t; prev is the value already there (json.Unmarshal decodes
// into existing values, which matters for embedded pointers and repeated keys).
func decodeValue(t *Type, v any, prev any, ctx decodeCtx) any {
	if v == nil {
		switch t.Kind {
		case "ptr", "slice", "map", "raw", "opaque", "bytes":
			return nil
		case "time":
			return nil
		}
		if prev != nil {
			return prev
		}
		return zero(t)
	}
	switch t.Kind {
	case "ptr":
		var inner any
		if p, ok := prev.(*Ptr); ok {
			inner = p.V
		}
		return &Ptr{V: decodeValue(t.Elem, v, inner, ctx)}
	case "string":
		if s, ok := v.(string); ok {
			return s
		}
		ctx.typeError(jsonKind(v), t)
	case "bool":
		if b, ok := v.(bool); ok {
			return b
		}
		ctx.typeError(jsonKind(v), t)
	case "int":
		n, ok := v.(json.Number)
		if !ok {
			ctx.typeError(jsonKind(v), t)
			break
		}
		i, err := parseInt(string(n), t)
		if err != nil {
			ctx.typeError("number "+string(n), t)
			break
		}
		return i
	case "float":
		n, ok := v.(json.Number)
		if !ok {
			ctx.typeError(jsonKind(v), t)
			break
		}
		f, err := n.Float64()
		if err != nil {
			ctx.typeError("number "+string(n), t)
			break
		}
		return f
	case "slice":
		arr, ok := v.([]any)
		if !ok {
			ctx.typeError(jsonKind(v), t)
			break
		}
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = decodeValue(t.Elem, e, nil, ctx)
		}
		return out
	case "map":
		m, ok := v.(map[string]any)
		if !ok {
			ctx.typeError(jsonKind(v), t)
			break
		}
		out := map[string]any{}
		if pm, ok := prev.(map[string]any); ok {
			out = pm
		}
		for _, k := range sortedKeys(m) {
			out[k] = decodeValue(t.Elem, m[k], nil, ctx)
		}
		return out
	case "struct":
		m, ok := v.(map[string]any)
		if !ok {
			ctx.typeError(jsonKind(v), t)
			break
		}
		s := structNamed(t.Ref)
		o, _ := prev.(*Obj)
		if o == nil {
			o = newObj(s)
		}
		for _, k := range sortedKeys(m) {
			vf := s.lookup(k)
			if vf == nil {
				if ctx.dropped != nil {
					*ctx.dropped = append(*ctx.dropped, strings.Join(append(append([]string(nil), ctx.fields...), k), "."))
				}
				continue
			}
			sub := ctx
			sub.structName = s.Name()
			sub.fields = append(append([]string(nil), ctx.fields...), vf.name)
			setPath(o, vf.path, func(old any) any { return decodeValue(vf.field.Type, m[k], old, sub) })
		}
		return o
	case "raw", "opaque":
		return v
	case "bytes":
		if s, ok := v.(string); ok {
			return s
		}
		ctx.typeError(jsonKind(v), t)
	case "time":
		s, ok := v.(string)
		if !ok {
			// metav1.Time.UnmarshalJSON unmarshals into a string and returns that error.
			panic(fatal{fmt.Errorf("json: cannot unmarshal %s into Go value of type string", jsonKind(v))})
		}
		return s
	case "intOrString":
		switch v.(type) {
		case string, json.Number:
			return v
		}
		panic(fatal{fmt.Errorf("json: cannot unmarshal %s into Go value of type int32", jsonKind(v))})
	case "duration":
		s, ok := v.(string)
		if !ok {
			panic(fatal{fmt.Errorf("json: cannot unmarshal %s into Go value of type string", jsonKind(v))})
		}
		return s
	case "quantity":
		return v
	default:
		panic("unknown kind " + t.Kind)
	}
	if prev != nil {
		return prev
	}
	return zero(t)
}

// setPath stores a value at the end of a chain of (possibly embedded) fields, allocating embedded
// structs on the way as encoding/json does.
func setPath(o *Obj, path []*Field, set func(old any) any) {
	f := path[0]
	if len(path) == 1 {
		var old any
		if v, ok := o.F[f.GoName]; ok {
			old = v
		}
		o.F[f.GoName] = set(old)
		return
	}
	var inner *Obj
	switch v := o.F[f.GoName].(type) {
	case *Obj:
		inner = v
	case *Ptr:
		inner = v.V.(*Obj)
	}
	t := f.Type
	if inner == nil {
		if t.Kind == "ptr" {
			inner = newObj(structNamed(t.Elem.Ref))
			o.F[f.GoName] = &Ptr{V: inner}
		} else {
			inner = newObj(structNamed(t.Ref))
			o.F[f.GoName] = inner
		}
	}
	setPath(inner, path[1:], set)
}

// parseInt follows encoding/json's literalStore: strconv.ParseInt/ParseUint, then an overflow check
// against the field's size; either failure is reported as "number <literal>".
func parseInt(s string, t *Type) (int64, error) {
	if t.Signed {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, err
		}
		if t.Bits < 64 {
			limit := int64(1) << (t.Bits - 1)
			if n < -limit || n >= limit {
				return 0, fmt.Errorf("overflow")
			}
		}
		return n, nil
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, err
	}
	if t.Bits < 64 && n >= uint64(1)<<t.Bits {
		return 0, fmt.Errorf("overflow")
	}
	return int64(n), nil
}
