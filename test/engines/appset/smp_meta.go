package main

import (
	"errors"
	"fmt"
	"strings"
)

// Patch metadata of the strategic merge patch: the patchStrategy and patchMergeKey tags of a field, looked up
// in application-schema.json as strategicpatch looks them up with reflection.

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
