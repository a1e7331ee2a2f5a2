package main

import (
	"fmt"
)

// Validation and creation: the duplicate-name check and the Application object the controller creates.

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
