package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
)

// OMap is a JSON object that keeps its keys in insertion order, so an encoded struct lists its fields in
// declaration order as json.Marshal does.
type OMap struct {
	keys []string
	vals map[string]any
}

func newOMap() *OMap { return &OMap{vals: map[string]any{}} }

func (m *OMap) set(k string, v any) {
	if _, ok := m.vals[k]; !ok {
		m.keys = append(m.keys, k)
	}
	m.vals[k] = v
}

// MarshalJSON writes the keys in order.
func (m *OMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := marshal(m.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping (Go's Marshal escapes <, > and &; the escaped and
// unescaped forms are the same JSON string, and the unescaped one is easier to read in test output).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// plain turns an encoded value into plain maps and slices (what json.Unmarshal into any would give,
// numbers kept as json.Number), the form the strategic merge patch works on.
func plain(v any) any {
	switch t := v.(type) {
	case *OMap:
		out := make(map[string]any, len(t.keys))
		for _, k := range t.keys {
			out[k] = plain(t.vals[k])
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = plain(e)
		}
		return out
	}
	return v
}

// floatNumber formats a float64 the way encoding/json does.
func floatNumber(f float64) json.Number {
	b, err := json.Marshal(f)
	if err != nil {
		panic(err)
	}
	return json.Number(b)
}

// encodeTyped encodes a typed value like json.Marshal of the Go value: omitempty and omitzero honoured,
// nil slices and maps as null, custom MarshalJSON methods of the Application types reproduced.
func encodeTyped(t *Type, v any) any {
	switch t.Kind {
	case "string", "bool", "bytes":
		return v
	case "int":
		return json.Number(strconv.FormatInt(v.(int64), 10))
	case "float":
		return floatNumber(v.(float64))
	case "ptr":
		if v == nil {
			return nil
		}
		return encodeTyped(t.Elem, v.(*Ptr).V)
	case "slice":
		if v == nil {
			return nil
		}
		arr := v.([]any)
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = encodeTyped(t.Elem, e)
		}
		return out
	case "map":
		if v == nil {
			return nil
		}
		m := v.(map[string]any)
		out := newOMap()
		for _, k := range sortedKeys(m) {
			out.set(k, encodeTyped(t.Elem, m[k]))
		}
		return out
	case "struct":
		o := v.(*Obj)
		if o.S.GoType == "v1alpha1.ApplicationSourcePluginParameter" {
			return encodePluginParameter(o)
		}
		out := newOMap()
		encodeFields(o, out)
		return out
	case "time":
		// metav1.Time.MarshalJSON: null when zero, else RFC 3339 in UTC (time.go).
		if v == nil {
			return nil
		}
		if parsed, err := time.Parse(time.RFC3339, v.(string)); err == nil {
			return parsed.UTC().Format(time.RFC3339)
		}
		return v
	case "duration":
		// metav1.Duration.MarshalJSON writes Duration.String().
		if d, err := time.ParseDuration(v.(string)); err == nil {
			return d.String()
		}
		return v
	case "raw", "opaque", "intOrString", "quantity":
		return v
	}
	panic("unknown kind " + t.Kind)
}

func encodeFields(o *Obj, out *OMap) {
	for i := range o.S.Fields {
		f := &o.S.Fields[i]
		val := o.get(f)
		if f.Inline {
			// encoding/json promotes the embedded struct's fields; a nil embedded pointer contributes none.
			switch e := val.(type) {
			case *Obj:
				encodeFields(e, out)
			case *Ptr:
				encodeFields(e.V.(*Obj), out)
			}
			continue
		}
		if f.OmitEmpty && isEmpty(f.Type, val) {
			continue
		}
		if f.OmitZero && isZero(f.Type, val) {
			continue
		}
		out.set(f.JSON, encodeTyped(f.Type, val))
	}
}

// encodePluginParameter reproduces ApplicationSourcePluginParameter.MarshalJSON (types.go:1018): a map
// with name always, string when set, and map/array as {} / [] when their embedded struct is present.
func encodePluginParameter(o *Obj) any {
	out := map[string]any{"name": o.get(fieldNamed(o.S, "Name"))}
	if p, ok := o.F["String_"].(*Ptr); ok && p != nil {
		out["string"] = p.V
	}
	if p, ok := o.F["OptionalMap"].(*Ptr); ok && p != nil {
		m := p.V.(*Obj).F["Map"]
		if m == nil {
			out["map"] = map[string]any{}
		} else {
			out["map"] = m
		}
	}
	if p, ok := o.F["OptionalArray"].(*Ptr); ok && p != nil {
		a := p.V.(*Obj).F["Array"]
		if a == nil {
			out["array"] = []any{}
		} else {
			out["array"] = a
		}
	}
	return out
}

func fieldNamed(s *Struct, goName string) *Field {
	for i := range s.Fields {
		if s.Fields[i].GoName == goName {
			return &s.Fields[i]
		}
	}
	panic(s.GoType + " has no field " + goName)
}

// isEmpty is encoding/json's isEmptyValue: structs are never empty.
func isEmpty(t *Type, v any) bool {
	switch t.Kind {
	case "string", "bytes":
		return v == nil || v == ""
	case "bool":
		return v == false
	case "int":
		return v == int64(0)
	case "float":
		return v == float64(0)
	case "ptr":
		return v == nil
	case "slice":
		return v == nil || len(v.([]any)) == 0
	case "map":
		return v == nil || len(v.(map[string]any)) == 0
	case "raw", "opaque":
		// interface{} is empty when nil; RawExtension and JSON are structs, never empty.
		return t.GoType == "interface {}" && v == nil
	}
	return false
}

func (m *OMap) remove(k string) {
	delete(m.vals, k)
	for i, key := range m.keys {
		if key == k {
			m.keys = append(m.keys[:i], m.keys[i+1:]...)
			return
		}
	}
}
