package main

import (
	"encoding/json"
	"fmt"

	"sigs.k8s.io/yaml"
)

// Generation: list generator parameters, the template Application, and rendering it per parameter set.

// unsupportedError marks an ApplicationSet feature this program does not reproduce.
type unsupportedError struct{ msg string }

func (e unsupportedError) Error() string { return "appset executor: " + e.msg }

// generateApplications is template.go:16-80 GenerateApplications for list generators: the first error
// is kept, the remaining elements are still rendered, and the caller discards everything on error.
func generateApplications(in appSetInput, tmpl *Obj, warnings *[]string) ([]*Obj, string, error) {
	var res []*Obj
	var firstError error
	var reason string
	keep := func(err error, r string) {
		if firstError == nil {
			firstError, reason = err, r
		}
	}
	for i, g := range in.generators {
		params, err := listParams(i, g, in.goTemplate)
		if err != nil {
			if u, ok := err.(unsupportedError); ok {
				return nil, reasonUnsupported, u
			}
			keep(err, reasonParamsGeneration)
			continue
		}
		for _, p := range params {
			app, err := renderTemplateParams(tmpl, p, in)
			if err != nil {
				keep(err, reasonRenderTemplate)
				continue
			}
			if in.templatePatch != nil {
				patched, err := renderTemplatePatch(app, *in.templatePatch, p, in.options, warnings)
				if err != nil {
					keep(err, reasonRenderTemplate)
					continue
				}
				app = patched
			}
			// template.go:66-68: the Application always lands in the ApplicationSet's namespace.
			meta := app.get(fieldNamed(app.S, "ObjectMeta")).(*Obj)
			meta.F["Namespace"] = in.namespace
			app.F["ObjectMeta"] = meta
			res = append(res, app)
		}
	}
	return res, reason, firstError
}

// listParams is ListGenerator.GenerateParams in goTemplate mode (generators/list.go:32-90): each element
// is json.Unmarshal'ed into map[string]any (numbers become float64) and is the parameter set as is;
// elementsYaml elements are appended. Transform (generator_spec_processor.go:30-102) would also apply a
// post-selector and merge a generator-level template; both are rejected here as not reproduced.
func listParams(index int, g any, goTemplate bool) ([]map[string]any, error) {
	gm, ok := g.(map[string]any)
	if !ok {
		return nil, unsupportedError{fmt.Sprintf("generator #%d is not an object", index)}
	}
	for key := range gm {
		if key != "list" {
			return nil, unsupportedError{fmt.Sprintf("generator #%d uses %q; only the list generator is reproduced", index, key)}
		}
	}
	list, ok := gm["list"].(map[string]any)
	if !ok {
		return nil, unsupportedError{fmt.Sprintf("generator #%d has no list", index)}
	}
	if t, ok := list["template"]; ok && !emptyTemplate(t) {
		return nil, unsupportedError{fmt.Sprintf("generator #%d: a list generator template (merged with mergo) is not reproduced", index)}
	}
	elements, _ := list["elements"].([]any)
	res := make([]map[string]any, 0, len(elements))
	for _, e := range elements {
		raw, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		var element map[string]any
		if err := json.Unmarshal(raw, &element); err != nil {
			return nil, fmt.Errorf("error unmarshling list element %w", err)
		}
		res = append(res, element)
	}
	if ey, ok := list["elementsYaml"].(string); ok && ey != "" {
		var yamlElements []map[string]any
		if err := yaml.Unmarshal([]byte(ey), &yamlElements); err != nil {
			return nil, fmt.Errorf("error unmarshling decoded ElementsYaml %w", err)
		}
		res = append(res, yamlElements...)
	}
	return res, nil
}

// emptyTemplate tells whether a list generator's template is the zero ApplicationSetTemplate, which
// mergo.Merge (generator_spec_processor.go:165-173) fills entirely from the ApplicationSet's template.
func emptyTemplate(t any) bool {
	typ := &Type{Kind: "struct", GoType: "v1alpha1.ApplicationSetTemplate", Ref: argoPkg + "ApplicationSetTemplate"}
	decoded, err := decodeTyped(typ, t, nil)
	return err == nil && isZero(typ, decoded)
}

// templateApplication decodes spec.template and builds the Application GetTempApplication does
// (template.go:91-101): only name, namespace, labels, annotations and finalizers of the metadata.
func templateApplication(template any, dropped *[]string) (*Obj, error) {
	t := &Type{Kind: "struct", GoType: "v1alpha1.ApplicationSetTemplate", Ref: argoPkg + "ApplicationSetTemplate"}
	if template == nil {
		template = map[string]any{}
	}
	decoded, err := decodeTyped(t, template, dropped)
	if err != nil {
		return nil, err
	}
	tmpl := decoded.(*Obj)
	tmeta := tmpl.get(fieldNamed(tmpl.S, "ApplicationSetTemplateMeta")).(*Obj)
	app := newObj(structNamed(argoPkg + "Application"))
	meta := newObj(structNamed(metaPkg + "ObjectMeta"))
	for _, f := range []string{"Name", "Namespace", "Labels", "Annotations", "Finalizers"} {
		if v, ok := tmeta.F[f]; ok {
			meta.F[f] = v
		}
	}
	app.F["ObjectMeta"] = meta
	if spec, ok := tmpl.F["Spec"]; ok {
		app.F["Spec"] = spec
	}
	return app, nil
}

// renderTemplateParams is Render.RenderTemplateParams (utils.go:276-305). An empty parameter set returns
// the template unrendered (and without the finalizer).
func renderTemplateParams(tmpl *Obj, params map[string]any, in appSetInput) (*Obj, error) {
	if len(params) == 0 {
		return copyObj(tmpl), nil
	}
	r := &renderer{params: params, options: in.options}
	rendered, err := r.deep(applicationType, tmpl)
	if err != nil {
		return nil, err
	}
	app := rendered.(*Obj)
	meta := app.get(fieldNamed(app.S, "ObjectMeta")).(*Obj)
	if !in.preserve && meta.size("Finalizers") == 0 {
		meta.F["Finalizers"] = []any{resourcesFinalizer}
	}
	app.F["ObjectMeta"] = meta
	return app, nil
}

// copyObj deep-copies through the renderer with no templating side effects: an empty template renders to
// itself, and Obj values are only ever replaced, so a shallow copy of the top two levels suffices.
func copyObj(o *Obj) *Obj {
	out := newObj(o.S)
	for k, v := range o.F {
		if inner, ok := v.(*Obj); ok {
			c := newObj(inner.S)
			for k2, v2 := range inner.F {
				c.F[k2] = v2
			}
			v = c
		}
		out.F[k] = v
	}
	return out
}
