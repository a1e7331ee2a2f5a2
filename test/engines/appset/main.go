// Command appset reproduces what Argo CD v3.4.4's ApplicationSet controller makes of ApplicationSets with
// list generators: it renders every element with Go text/template + sprig exactly as Argo CD does
// (same function map, options, per-string templating and error texts), applies templatePatch as a
// strategic merge patch against the Application type, and reports the Applications the controller
// would create, or the message it would put in the ErrorOccurred condition.
//
// stdin: a JSON array of ApplicationSet objects.
// stdout: a JSON array of {name, applications, error?, reason?, warnings?}, one per ApplicationSet.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"sigs.k8s.io/yaml"
)

// Result is what the controller makes of one ApplicationSet.
type Result struct {
	Name         string `json:"name"`
	Applications []any  `json:"applications"`
	// Error is the ErrorOccurred condition's message; Reason its reason.
	Error  string `json:"error,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Warnings are fields Argo CD silently drops (unknown to the Application type).
	Warnings []string `json:"warnings,omitempty"`
}

// Condition reasons, applicationset_types.go:870-875.
const (
	reasonParamsGeneration = "ApplicationGenerationFromParamsError"
	reasonRenderTemplate   = "RenderTemplateParamsError"
	reasonValidation       = "ApplicationValidationError"
	reasonUnsupported      = "UnsupportedByExecutor"
	resourcesFinalizer     = "resources-finalizer.argocd.argoproj.io" // application_defaults.go:10
)

func main() {
	input, err := io.ReadAll(bufio.NewReader(os.Stdin))
	if err != nil {
		fail(err)
	}
	doc, err := decodeGeneric(input)
	if err != nil {
		fail(fmt.Errorf("stdin is not JSON: %w", err))
	}
	appsets, ok := doc.([]any)
	if !ok {
		fail(fmt.Errorf("stdin must be a JSON array of ApplicationSet objects"))
	}
	results := make([]Result, 0, len(appsets))
	for i, a := range appsets {
		m, ok := a.(map[string]any)
		if !ok {
			fail(fmt.Errorf("item %d is not an object", i))
		}
		results = append(results, reconcile(m))
	}
	out, err := marshal(results)
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
	os.Stdout.WriteString("\n")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "appset:", err)
	os.Exit(2)
}

// appSetInput is the part of an ApplicationSet the controller reads here.
type appSetInput struct {
	name, namespace string
	goTemplate      bool
	options         []string
	generators      []any
	template        any
	templatePatch   *string
	preserve        bool
}

func readAppSet(m map[string]any) (appSetInput, error) {
	var in appSetInput
	meta, _ := m["metadata"].(map[string]any)
	in.name, _ = meta["name"].(string)
	in.namespace, _ = meta["namespace"].(string)
	spec, ok := m["spec"].(map[string]any)
	if !ok {
		return in, fmt.Errorf("spec is missing")
	}
	in.goTemplate, _ = spec["goTemplate"].(bool)
	if opts, ok := spec["goTemplateOptions"].([]any); ok {
		for _, o := range opts {
			s, ok := o.(string)
			if !ok {
				return in, fmt.Errorf("spec.goTemplateOptions must be strings")
			}
			in.options = append(in.options, s)
		}
	}
	in.generators, _ = spec["generators"].([]any)
	in.template = spec["template"]
	if p, ok := spec["templatePatch"].(string); ok {
		in.templatePatch = &p
	}
	if sp, ok := spec["syncPolicy"].(map[string]any); ok {
		in.preserve, _ = sp["preserveResourcesOnDeletion"].(bool)
	}
	for _, key := range []string{"strategy"} {
		if _, ok := spec[key]; ok {
			return in, fmt.Errorf("spec.%s is not reproduced", key)
		}
	}
	return in, nil
}

// reconcile follows ApplicationSetReconciler.Reconcile (applicationset_controller.go:123-330) as far as
// it needs no cluster: GenerateApplications, then the duplicate-name part of validateGeneratedApplications,
// then NormalizeApplicationSpec as createOrUpdateInCluster applies it.
func reconcile(m map[string]any) (res Result) {
	in, err := readAppSet(m)
	res = Result{Name: in.name, Applications: []any{}}
	if err != nil {
		res.Error, res.Reason = "appset executor: "+err.Error(), reasonUnsupported
		return res
	}
	defer func() {
		// Reconcile recovers panics (applicationset_controller.go:127-137), e.g. template.Option's
		// "unrecognized option", and returns without setting any condition.
		if r := recover(); r != nil {
			res.Applications = []any{}
			res.Error = fmt.Sprintf("panic (Argo CD sets no condition): %v", r)
			res.Reason = ""
		}
	}()
	if !in.goTemplate {
		res.Error, res.Reason = "appset executor: only goTemplate: true is reproduced", reasonUnsupported
		return res
	}

	var dropped []string
	tmpl, err := templateApplication(in.template, &dropped)
	if err != nil {
		res.Error, res.Reason = "appset executor: spec.template does not decode as ApplicationSetTemplate: "+err.Error(), reasonUnsupported
		return res
	}
	for _, d := range dropped {
		res.Warnings = append(res.Warnings, fmt.Sprintf("spec.template.%s is not a field of ApplicationSetTemplate; the API server prunes it", d))
	}

	apps, reason, err := generateApplications(in, tmpl, &res.Warnings)
	if err != nil {
		// applicationset_controller.go:203-217: on any generation error the condition is set and Reconcile
		// returns before validating, creating, updating or deleting any Application.
		res.Error, res.Reason = err.Error(), reason
		return res
	}

	valid, validationMessage := validateDuplicates(in.name, apps)
	if validationMessage != "" {
		res.Error, res.Reason = validationMessage, reasonValidation
	}
	// applicationset_controller.go:320-323: created in name order.
	sort.SliceStable(valid, func(i, j int) bool { return objName(valid[i]) < objName(valid[j]) })
	for _, app := range valid {
		res.Applications = append(res.Applications, createdApplication(app))
	}
	res.Warnings = dedupe(res.Warnings)
	return res
}

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

func objName(app *Obj) string {
	return app.get(fieldNamed(app.S, "ObjectMeta")).(*Obj).str("Name")
}

func qualifiedName(app *Obj) string {
	meta := app.get(fieldNamed(app.S, "ObjectMeta")).(*Obj)
	if meta.str("Namespace") == "" {
		return meta.str("Name")
	}
	return meta.str("Namespace") + "/" + meta.str("Name")
}

// validateDuplicates is the cluster-independent part of validateGeneratedApplications
// (applicationset_controller.go:596-605) and its reporting (279-311). Errors are keyed by qualified name,
// so every Application sharing a duplicated name is left out, the first one included. The AppProject and
// destination-cluster checks need a cluster and are not reproduced.
func validateDuplicates(appSetName string, apps []*Obj) ([]*Obj, string) {
	errs := map[string]string{}
	seen := map[string]bool{}
	for _, app := range apps {
		name := objName(app)
		if seen[name] {
			errs[qualifiedName(app)] = fmt.Sprintf("ApplicationSet %s contains applications with duplicate name: %s", appSetName, name)
			continue
		}
		seen[name] = true
	}
	var valid []*Obj
	for _, app := range apps {
		if _, bad := errs[qualifiedName(app)]; !bad {
			valid = append(valid, app)
		}
	}
	if len(errs) == 0 {
		return valid, ""
	}
	keys := sortedKeys(errs)
	message := errs[keys[len(keys)-1]]
	if len(errs) > 1 {
		message = fmt.Sprintf("%s (and %d more)", message, len(errs)-1)
	}
	return valid, message
}

// createdApplication is the object createOrUpdateInCluster creates (applicationset_controller.go:700-775):
// TypeMeta and name/namespace, the normalised spec, operation, annotations, labels and finalizers.
// The controller's ownerReference (needs the ApplicationSet's uid) and the zero status are left out.
func createdApplication(app *Obj) any {
	meta := app.get(fieldNamed(app.S, "ObjectMeta")).(*Obj)
	spec := app.get(fieldNamed(app.S, "Spec")).(*Obj)
	normalizeSpec(spec)
	out := newObj(app.S)
	typeMeta := newObj(structNamed(metaPkg + "TypeMeta"))
	typeMeta.F["Kind"] = "Application"
	typeMeta.F["APIVersion"] = "argoproj.io/v1alpha1"
	out.F["TypeMeta"] = typeMeta
	created := newObj(meta.S)
	for _, f := range []string{"Name", "Namespace", "Labels", "Annotations", "Finalizers"} {
		if v, ok := meta.F[f]; ok {
			created.F[f] = v
		}
	}
	out.F["ObjectMeta"] = created
	out.F["Spec"] = spec
	if op, ok := app.F["Operation"]; ok {
		out.F["Operation"] = op
	}
	encoded := encodeTyped(applicationType, out).(*OMap)
	encoded.remove("status")
	return encoded
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

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
