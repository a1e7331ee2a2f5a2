package main

// normalizeSpec is util/argo/argo.go NormalizeApplicationSpec (v3.4.4 line 1008), which
// createOrUpdateInCluster applies to every generated Application before creating it
// (applicationset_controller.go:700). It changes the spec in place.
func normalizeSpec(spec *Obj) {
	if spec.str("Project") == "" {
		spec.F["Project"] = "default" // DefaultAppProjectName, application_defaults.go:25
	}
	if syncPolicyIsZero(spec.ptrObj("SyncPolicy")) {
		delete(spec.F, "SyncPolicy")
	}
	// Upstream loops over copies of spec.Sources (`for _, source := range spec.Sources`), so sources are
	// never normalised; only a single spec.source is.
	if spec.size("Sources") > 0 {
		return
	}
	if src := spec.ptrObj("Source"); src != nil {
		normalizeSource(src)
	}
}

// normalizeSource is util/argo/argo.go NormalizeSource: tool sections equal to their zero value are removed.
func normalizeSource(src *Obj) {
	if k := src.ptrObj("Kustomize"); k != nil && kustomizeIsZero(k) {
		delete(src.F, "Kustomize")
	}
	if h := src.ptrObj("Helm"); h != nil && helmIsZero(h) {
		delete(src.F, "Helm")
	}
	if d := src.ptrObj("Directory"); d != nil && directoryIsZero(d) {
		exclude, include := d.str("Exclude"), d.str("Include")
		if exclude == "" && include == "" {
			delete(src.F, "Directory")
			return
		}
		kept := newObj(d.S)
		if exclude != "" {
			kept.F["Exclude"] = exclude
		}
		if include != "" {
			kept.F["Include"] = include
		}
		src.F["Directory"] = &Ptr{V: kept}
	}
}
