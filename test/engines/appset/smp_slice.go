package main

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
)

// Merging lists in the strategic merge patch: only lists of scalars (metadata.finalizers) can reach it here.

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
