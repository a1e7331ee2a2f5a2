package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"text/template"
)

// baseTemplate mirrors utils.go:35-51: one template named "base" holding the function map, cloned for
// every string. The name shows up in every error ("template: base:1:3: executing \"base\" ...").
var baseTemplate = template.New("base").Funcs(funcMap())

// replace is Render.Replace in goTemplate mode (utils.go:402-423): each string is parsed and executed as
// its own template with the ApplicationSet's goTemplateOptions. template.Option panics on an unknown
// option, as it does in Argo CD.
func replace(tmpl string, params map[string]any, options []string) (string, error) {
	cloned, err := baseTemplate.Clone()
	if err != nil {
		return "", fmt.Errorf("failed to clone base template: %w", err)
	}
	for _, option := range options {
		cloned = cloned.Option(option)
	}
	parsed, err := cloned.Parse(tmpl)
	if err != nil {
		return "", fmt.Errorf("failed to parse template %s: %w", tmpl, err)
	}
	var out bytes.Buffer
	if err = parsed.Execute(&out, params); err != nil {
		return "", fmt.Errorf("failed to execute go template %s: %w", tmpl, err)
	}
	return out.String(), nil
}

// renderer carries one parameter set through deeplyReplace.
type renderer struct {
	params  map[string]any
	options []string
}

// deep is Render.deeplyReplace (utils.go:93-260) over the typed model: every string field, slice element,
// map value and map key is rendered, in struct field order; nil pointers are skipped; other scalars are
// copied. The first error stops the walk and is returned unwrapped, as upstream does. Go ranges over map
// keys in random order, so with two failing keys in one map Argo CD's message is not deterministic; this
// walk uses sorted keys.
func (r *renderer) deep(t *Type, v any) (any, error) {
	switch t.Kind {
	case "string":
		return replace(v.(string), r.params, r.options)
	case "ptr":
		if v == nil {
			return nil, nil
		}
		inner, err := r.deep(t.Elem, v.(*Ptr).V)
		if err != nil {
			return nil, err
		}
		return &Ptr{V: inner}, nil
	case "struct":
		o := v.(*Obj)
		out := newObj(o.S)
		for i := range o.S.Fields {
			f := &o.S.Fields[i]
			val, present := o.F[f.GoName]
			if !present {
				// Absent means the Go zero value: an empty string renders to itself, nil stays nil, and a
				// zero struct only holds zero values, so skipping it changes neither output nor errors.
				continue
			}
			rendered, err := r.deep(f.Type, val)
			if err != nil {
				return nil, err
			}
			out.F[f.GoName] = rendered
		}
		return out, nil
	case "slice":
		if v == nil {
			return nil, nil
		}
		arr := v.([]any)
		out := make([]any, len(arr))
		for i, e := range arr {
			rendered, err := r.deep(t.Elem, e)
			if err != nil {
				return nil, err
			}
			out[i] = rendered
		}
		return out, nil
	case "map":
		if v == nil {
			return nil, nil
		}
		m := v.(map[string]any)
		out := map[string]any{}
		for _, k := range sortedKeys(m) {
			val := m[k]
			if val == nil && t.Elem.Kind != "string" {
				continue // utils.go:211: nil values of nillable kinds are dropped
			}
			rendered, err := r.deep(t.Elem, val)
			if err != nil {
				return nil, err
			}
			key, err := replace(k, r.params, r.options)
			if err != nil {
				return nil, err
			}
			out[key] = rendered
		}
		return out, nil
	case "raw":
		if v == nil || t.GoType == "interface {}" {
			return r.generic(v)
		}
		return r.rawExtension(v)
	case "intOrString":
		if s, ok := v.(string); ok {
			// IntOrString is a struct; its StrVal string field is rendered like any other.
			return replace(s, r.params, r.options)
		}
		return v, nil
	}
	return v, nil
}

// rawExtension is utils.go:158-180: the Raw bytes of a runtime.RawExtension (e.g. helm.valuesObject) are
// converted from YAML to JSON, unmarshalled into interface{}, rendered, and marshalled back.
func (r *renderer) rawExtension(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	converted, err := convertYAMLToJSON(string(raw))
	if err != nil {
		return nil, fmt.Errorf("error while converting template to json %q: %w", converted, err)
	}
	var unmarshaled any
	if err := json.Unmarshal([]byte(converted), &unmarshaled); err != nil {
		return nil, fmt.Errorf("failed to unmarshal JSON field: %w", err)
	}
	rendered, err := r.generic(unmarshaled)
	if err != nil {
		return nil, fmt.Errorf("failed to deeply replace JSON field contents: %w", err)
	}
	// Marshalling float64s and re-reading the bytes gives the numbers Argo CD stores.
	data, err := json.Marshal(rendered)
	if err != nil {
		return nil, fmt.Errorf("failed to marshal templated JSON field: %w", err)
	}
	return decodeGeneric(data)
}

// generic walks an interface{} value (maps, slices, strings from json.Unmarshal) like deeplyReplace
// does: map keys are rendered, nil map values are dropped, nil slice elements stay nil.
func (r *renderer) generic(v any) (any, error) {
	switch t := v.(type) {
	case string:
		return replace(t, r.params, r.options)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			if e == nil {
				continue
			}
			rendered, err := r.generic(e)
			if err != nil {
				return nil, err
			}
			out[i] = rendered
		}
		return out, nil
	case map[string]any:
		out := map[string]any{}
		for _, k := range sortedKeys(t) {
			if t[k] == nil {
				continue
			}
			rendered, err := r.generic(t[k])
			if err != nil {
				return nil, err
			}
			key, err := replace(k, r.params, r.options)
			if err != nil {
				return nil, err
			}
			out[key] = rendered
		}
		return out, nil
	}
	return v, nil
}

// decodeGeneric parses JSON keeping numbers as json.Number (their text survives unchanged).
func decodeGeneric(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}
