package main

import "sort"

// sortedKeys returns a map's keys in order: Go map iteration is random, and the executor walks maps in key
// order so that its output and its first reported error are deterministic.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
