package main

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
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

// reflectKind is reflect.Kind.String() of the Go type t describes.
func reflectKind(t *Type) string {
	switch t.Kind {
	case "ptr":
		return "ptr"
	case "struct", "time", "duration", "intOrString", "quantity":
		return "struct"
	case "raw", "opaque":
		if t.GoType == "interface {}" {
			return "interface"
		}
		return "struct"
	case "int":
		prefix := "int"
		if !t.Signed {
			prefix = "uint"
		}
		return fmt.Sprintf("%s%d", prefix, t.Bits)
	case "float":
		return fmt.Sprintf("float%d", t.Bits)
	case "bytes":
		return "slice"
	}
	return t.Kind
}

// lookupPatchMetadataForStruct is forkedjson.LookupPatchMetadataForStruct
// (third_party/forked/golang/json/fields.go:29-70).
func lookupPatchMetadataForStruct(t *Type, key string) (*Type, []string, string, error) {
	if t.Kind == "ptr" {
		t = t.Elem
	}
	if reflectKind(t) != "struct" {
		return nil, nil, "", fmt.Errorf("merging an object in json but data type is not struct, instead is: %s", reflectKind(t))
	}
	if t.Kind != "struct" {
		// RawExtension, Time, IntOrString ... have no JSON-named fields.
		name := t.GoType[strings.LastIndex(t.GoType, ".")+1:]
		return nil, nil, "", fmt.Errorf("unable to find api field in struct %s for the json field %q", name, key)
	}
	s := structNamed(t.Ref)
	vf := s.lookup(key)
	if vf == nil {
		return nil, nil, "", fmt.Errorf("unable to find api field in struct %s for the json field %q", s.Name(), key)
	}
	return vf.field.Type, strings.Split(vf.field.PatchStrategy, ","), vf.field.PatchMergeKey, nil
}

// lookupPatchMetadataForSlice is PatchMetaFromStruct.LookupPatchMetadataForSlice (meta.go:91-124).
func lookupPatchMetadataForSlice(t *Type, key string) (*Type, []string, string, error) {
	field, strategies, mergeKey, err := lookupPatchMetadataForStruct(t, key)
	if err != nil {
		return nil, nil, "", err
	}
	switch field.Kind {
	case "slice":
		if field.Elem.Kind == "slice" {
			return nil, nil, "", errors.New("unexpected slice of slice")
		}
		return field.Elem, strategies, mergeKey, nil
	case "ptr":
		inner := field.Elem
		if inner.Kind == "slice" {
			inner = inner.Elem
		}
		return inner, strategies, mergeKey, nil
	}
	return nil, nil, "", fmt.Errorf("expected slice or array type, but got: %s", reflectKind(t))
}

// extractPatchStrategy is extractRetainKeysPatchStrategy without retainKeys support.
func extractPatchStrategy(strategies []string) (string, error) {
	switch len(strategies) {
	case 0:
		return "", nil
	case 1:
		if strategies[0] == "retainKeys" {
			return "", unsupported("retainKeys strategy")
		}
		return strategies[0], nil
	}
	return "", unsupported(fmt.Sprintf("patch strategy %v", strategies))
}

// mergeSlice is strategicpatch.mergeSlice (patch.go:1495-1545) for lists of scalars, which in an
// Application means metadata.finalizers: union of both lists, original items first in their order with
// the patch's items in the patch's order. Lists of maps merged by key (ownerReferences) cannot occur:
// a rendered template has no ownerReferences for a patch to merge into.
func mergeSlice(original, patch []any, elem *Type, mergeKey string) ([]any, error) {
	if len(original) == 0 && len(patch) == 0 {
		return original, nil
	}
	if err := checkSliceElementType(original, patch); err != nil {
		return nil, err
	}
	if elem.Kind == "struct" || mergeKey != "" {
		return nil, unsupported("merging a list of objects by " + mergeKey)
	}
	merged := deduplicateScalars(append(append([]any(nil), original...), patch...))
	var patchItems, serverOnly []any
	inPatch := map[any]bool{}
	for _, v := range patch {
		inPatch[v] = true
	}
	for _, v := range merged {
		if inPatch[v] {
			patchItems = append(patchItems, v)
		} else {
			serverOnly = append(serverOnly, v)
		}
	}
	patchItems = sortByOrder(patchItems, patch)
	serverOnly = sortByOrder(serverOnly, original)
	return mergeSortedSlice(serverOnly, patchItems, original), nil
}

// checkSliceElementType is sliceElementType: all elements of one Go type, no lists of lists.
func checkSliceElementType(slices ...[]any) error {
	var prev reflect.Type
	for _, s := range slices {
		for _, v := range s {
			cur := reflect.TypeOf(v)
			if prev == nil {
				prev = cur
				if _, isList := v.([]any); isList {
					return errors.New("lists of lists are not supported")
				}
			} else if prev != cur {
				return fmt.Errorf("list element types are not identical: %v", fmt.Sprint(slices))
			}
		}
	}
	if prev == nil {
		return errors.New("no elements in any of the given slices")
	}
	return nil
}

// deduplicateScalars is strategicpatch's in-place deduplication (a later duplicate is replaced by the
// last element), whose order normalizeElementOrder then restores.
func deduplicateScalars(s []any) []any {
	length := len(s) - 1
	for i := 0; i < length; i++ {
		for j := i + 1; j <= length; j++ {
			if s[i] == s[j] {
				s[j] = s[length]
				s = s[0:length]
				length--
				j--
			}
		}
	}
	return s
}

func indexOf(l []any, v any) int {
	for i, e := range l {
		if e == v {
			return i
		}
	}
	return -1
}

// sortByOrder is normalizeSliceOrder for scalars.
func sortByOrder(toSort, order []any) []any {
	sort.SliceStable(toSort, func(i, j int) bool {
		if ii := indexOf(order, toSort[i]); ii >= 0 {
			if ij := indexOf(order, toSort[j]); ij >= 0 {
				return ii < ij
			}
		}
		return true
	})
	return toSort
}

// mergeSortedSlice interleaves server-only items into the patch items by their order in the original.
func mergeSortedSlice(left, right, serverOrder []any) []any {
	size := len(left) + len(right)
	out := make([]any, size)
	i, j := 0, 0
	for k := 0; k < size; k++ {
		switch {
		case i >= len(left) && j < len(right):
			out[k] = right[j]
			j++
		case j >= len(right) && i < len(left):
			out[k] = left[i]
			i++
		default:
			li, ri := indexOf(serverOrder, left[i]), indexOf(serverOrder, right[j])
			if li >= 0 && ri >= 0 && li < ri {
				out[k] = left[i]
				i++
			} else {
				out[k] = right[j]
				j++
			}
		}
	}
	return out
}
