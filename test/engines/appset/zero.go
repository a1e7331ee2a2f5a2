package main

// The IsZero methods of the Application types that change behaviour: omitzero on
// ApplicationSourceDirectory.jsonnet (types.go:906) and NormalizeApplicationSpec (normalize.go).

// isZero is the omitzero test: the type's IsZero method where upstream declares one, else the Go zero value.
func isZero(t *Type, v any) bool {
	switch t.Kind {
	case "time":
		return v == nil // metav1.Time.IsZero: nil or the zero time
	case "struct":
		o := v.(*Obj)
		if o.S.GoType == "v1alpha1.ApplicationSourceJsonnet" {
			return jsonnetIsZero(o)
		}
		for i := range o.S.Fields {
			f := &o.S.Fields[i]
			if !isZero(f.Type, o.get(f)) {
				return false
			}
		}
		return true
	case "slice", "map", "ptr", "raw", "opaque", "intOrString", "quantity", "duration":
		return v == nil
	}
	return isEmpty(t, v)
}

// jsonnetIsZero is ApplicationSourceJsonnet.IsZero (types.go:897).
func jsonnetIsZero(j *Obj) bool {
	return j == nil || j.size("ExtVars") == 0 && j.size("TLAs") == 0 && j.size("Libs") == 0
}

// directoryIsZero is ApplicationSourceDirectory.IsZero (types.go:914).
func directoryIsZero(d *Obj) bool {
	return d == nil || !d.flag("Recurse") && jsonnetIsZero(d.get(fieldNamed(d.S, "Jsonnet")).(*Obj))
}

// kustomizeIsZero is ApplicationSourceKustomize.IsZero (types.go:823-837): note the fields it does not
// look at (forceCommonLabels, labelWithoutSelector, ...), which normalisation therefore drops.
func kustomizeIsZero(k *Obj) bool {
	return k == nil ||
		k.str("NamePrefix") == "" && k.str("NameSuffix") == "" && k.str("Version") == "" && k.str("Namespace") == "" &&
			k.size("Images") == 0 && k.size("Replicas") == 0 && k.size("CommonLabels") == 0 &&
			k.size("CommonAnnotations") == 0 && k.size("Patches") == 0 && k.size("Components") == 0 &&
			k.str("KubeVersion") == "" && k.size("APIVersions") == 0 && !k.flag("IgnoreMissingComponents")
}

// helmIsZero is ApplicationSourceHelm.IsZero (types.go:653-655) with ValuesIsEmpty (values.go:40-54):
// a present valuesObject is never empty, since its YAML form is at least "{}".
func helmIsZero(h *Obj) bool {
	valuesEmpty := h.str("Values") == ""
	if p, ok := h.get(fieldNamed(h.S, "ValuesObject")).(*Ptr); ok && p != nil && p.V != nil {
		valuesEmpty = false
	}
	return h == nil || h.str("Version") == "" && h.str("ReleaseName") == "" && h.size("ValueFiles") == 0 &&
		h.size("Parameters") == 0 && h.size("FileParameters") == 0 && valuesEmpty && !h.flag("PassCredentials") &&
		!h.flag("IgnoreMissingValueFiles") && !h.flag("SkipCrds") && !h.flag("SkipTests") &&
		!h.flag("SkipSchemaValidation") && h.str("KubeVersion") == "" && h.size("APIVersions") == 0 &&
		h.str("Namespace") == ""
}

// syncPolicyIsZero is SyncPolicy.IsZero (types.go:1507-1509).
func syncPolicyIsZero(p *Obj) bool {
	return p == nil || p.isNil("Automated") && p.size("SyncOptions") == 0 && p.isNil("Retry") && p.isNil("ManagedNamespaceMetadata")
}
