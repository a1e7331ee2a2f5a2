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
	"fmt"
	"io"
	"os"
	"sort"
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
