package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

var applicationType = &Type{Kind: "struct", GoType: "v1alpha1.Application", Ref: argoPkg + "Application"}

// convertYAMLToJSON is utils.go:75-89 ConvertYAMLToJSON: text starting with '{' is taken as JSON as is,
// anything else goes through sigs.k8s.io/yaml.YAMLToJSON. On error the input is returned with it.
func convertYAMLToJSON(str string) (string, error) {
	trimmed := strings.TrimSpace(str)
	if trimmed != "" && trimmed[0] == '{' {
		return str, nil
	}
	out, err := yaml.YAMLToJSON([]byte(str))
	if err != nil {
		return str, err
	}
	return string(out), nil
}

// renderTemplatePatch is template.go:82-89: the templatePatch string is rendered as one template, then
// applied to the rendered Application.
// Fields of the patch unknown to the Application type are listed in dropped.
func renderTemplatePatch(app *Obj, patch string, params map[string]any, options []string, dropped *[]string) (*Obj, error) {
	replaced, err := replace(patch, params, options)
	if err != nil {
		return nil, fmt.Errorf("error replacing values in templatePatch: %w", err)
	}
	return applyTemplatePatch(app, replaced, dropped)
}

// applyTemplatePatch is patch.go:13-43: the patch (YAML or JSON) must unmarshal into an Application, is
// applied as a strategic merge patch against the Application type, and may not change spec.project.
func applyTemplatePatch(app *Obj, templatePatch string, dropped *[]string) (*Obj, error) {
	original := plain(encodeTyped(applicationType, app))

	converted, err := convertYAMLToJSON(templatePatch)
	if err != nil {
		return nil, fmt.Errorf("error while converting template to json %q: %w", converted, err)
	}

	// json.Unmarshal(convertedTemplatePatch, &appv1.Application{}): a syntax error first, then type errors.
	var syntax any
	if err := json.Unmarshal([]byte(converted), &syntax); err != nil {
		return nil, fmt.Errorf("invalid templatePatch %q: %w", converted, err)
	}
	patchDoc, err := decodeGeneric([]byte(converted))
	if err != nil {
		return nil, fmt.Errorf("invalid templatePatch %q: %w", converted, err)
	}
	if _, err := decodeTyped(applicationType, patchDoc, nil); err != nil {
		return nil, fmt.Errorf("invalid templatePatch %q: %w", converted, err)
	}

	patchMap, ok := patchDoc.(map[string]any)
	if !ok && patchDoc != nil {
		// handleUnmarshal in strategicpatch cannot read a non-object document.
		return nil, fmt.Errorf("error while applying templatePatch template to json %q: %w", converted, errBadJSONDoc)
	}
	merged, err := strategicMergePatch(original.(map[string]any), patchMap, structNamed(argoPkg+"Application"))
	if err != nil {
		return nil, fmt.Errorf("error while applying templatePatch template to json %q: %w", converted, err)
	}

	// The merged document goes through json.Marshal and back into an Application.
	data, err := json.Marshal(merged)
	if err != nil {
		return nil, err
	}
	doc, err := decodeGeneric(data)
	if err != nil {
		return nil, err
	}
	var unknown []string
	final, err := decodeTyped(applicationType, doc, &unknown)
	if err != nil {
		return nil, fmt.Errorf("error while unmarhsalling patched application: %w", err)
	}
	finalApp := final.(*Obj)
	for _, u := range unknown {
		*dropped = append(*dropped, fmt.Sprintf("templatePatch sets %s, which is not a field of Application; Argo CD drops it", u))
	}

	// "Prevent changes to the `project` field" (patch.go:39-40).
	spec := finalApp.get(fieldNamed(finalApp.S, "Spec")).(*Obj)
	spec.F["Project"] = app.get(fieldNamed(app.S, "Spec")).(*Obj).str("Project")
	finalApp.F["Spec"] = spec
	return finalApp, nil
}
