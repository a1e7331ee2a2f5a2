package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// The subset of k8s.io/apimachinery v0.34.0 pkg/util/strategicpatch that applyTemplatePatch reaches when
// patching an Application (StrategicMergePatch → mergeMap with MergeParallelList and IgnoreUnmatchedNulls,
// patch.go:812-881 and 1322-1438). Patch metadata comes from the struct tags in application-schema.json.
// In the Application type the only tags are on ObjectMeta (finalizers: merge; ownerReferences: merge by
// uid; meta/v1/types.go:241,259) and helm.values (replace on a string, which has no effect;
// argo-cd types.go:547), so every other list is replaced and every object merged key by key.

var errBadJSONDoc = errors.New("invalid JSON document")

const directiveMarker = "$patch"

// unsupported reports patch directives this reproduction does not implement, rather than guessing.
func unsupported(what string) error {
	return fmt.Errorf("appset executor: strategic merge patch %s is not supported by this reproduction", what)
}

func strategicMergePatch(original, patch map[string]any, s *Struct) (map[string]any, error) {
	t := &Type{Kind: "struct", GoType: s.GoType, Ref: argoPkg + s.Name()}
	return mergeMap(original, patch, t)
}

// mergeMap is strategicpatch.mergeMap: null deletes, a key missing from the original (or of another
// JSON type) takes the patch value without nulls and directives, objects merge recursively, lists are
// replaced unless the field's patchStrategy is merge.
func mergeMap(original, patch map[string]any, schema *Type) (map[string]any, error) {
	if v, ok := patch[directiveMarker]; ok {
		return handleDirectiveInMergeMap(v, patch)
	}
	if original == nil {
		original = map[string]any{}
	}
	if _, ok := patch["$retainKeys"]; ok {
		return nil, unsupported("$retainKeys")
	}
	for k := range patch {
		if strings.HasPrefix(k, "$setElementOrder/") || strings.HasPrefix(k, "$deleteFromPrimitiveList/") {
			return nil, unsupported(k)
		}
	}
	for _, k := range sortedKeys(patch) {
		patchV := patch[k]
		if patchV == nil {
			delete(original, k)
			continue
		}
		origV, ok := original[k]
		if !ok || reflect.TypeOf(origV) != reflect.TypeOf(patchV) {
			discardNullValuesFromPatch(patchV)
			if v, keep := removeDirectives(patchV); keep {
				original[k] = v
			} else {
				delete(original, k)
			}
			continue
		}
		var err error
		switch o := origV.(type) {
		case map[string]any:
			sub, strategies, _, lookupErr := lookupPatchMetadataForStruct(schema, k)
			if lookupErr != nil {
				return nil, lookupErr
			}
			strategy, strategyErr := extractPatchStrategy(strategies)
			if strategyErr != nil {
				return nil, strategyErr
			}
			if strategy == "replace" {
				original[k] = patchV
			} else {
				original[k], err = mergeMap(o, patchV.(map[string]any), sub)
			}
		case []any:
			elem, strategies, mergeKey, lookupErr := lookupPatchMetadataForSlice(schema, k)
			if lookupErr != nil {
				return nil, lookupErr
			}
			strategy, strategyErr := extractPatchStrategy(strategies)
			if strategyErr != nil {
				return nil, strategyErr
			}
			if strategy == "merge" {
				original[k], err = mergeSlice(o, patchV.([]any), elem, mergeKey)
			} else {
				original[k] = patchV
			}
		default:
			if v, keep := removeDirectives(patchV); keep {
				original[k] = v
			} else {
				delete(original, k)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return original, nil
}

// handleDirectiveInMergeMap: "$patch: replace" takes the patch map as is, "$patch: delete" empties it.
func handleDirectiveInMergeMap(directive any, patch map[string]any) (map[string]any, error) {
	switch directive {
	case "replace":
		delete(patch, directiveMarker)
		return patch, nil
	case "delete":
		return map[string]any{}, nil
	}
	return nil, fmt.Errorf("unknown patch type: %s in map: %v", directive, patch)
}

func discardNullValuesFromPatch(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if e == nil {
				delete(t, k)
			} else {
				discardNullValuesFromPatch(e)
			}
		}
	case []any:
		for _, e := range t {
			discardNullValuesFromPatch(e)
		}
	}
}

// removeDirectives drops maps carrying "$patch" from a value taken whole from the patch.
func removeDirectives(v any) (any, bool) {
	switch t := v.(type) {
	case map[string]any:
		if _, ok := t[directiveMarker]; ok {
			return nil, false
		}
		for k, e := range t {
			if kept, keep := removeDirectives(e); keep {
				t[k] = kept
			} else {
				delete(t, k)
			}
		}
		return t, true
	case []any:
		out := []any{}
		for _, e := range t {
			if kept, keep := removeDirectives(e); keep {
				out = append(out, kept)
			}
		}
		return out, true
	}
	return v, true
}
