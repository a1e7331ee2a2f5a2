package main

import (
	"crypto/sha512"
	"encoding/hex"
	"regexp"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"sigs.k8s.io/yaml"
)

// funcMap is the template function map of applicationset/utils/utils.go init() (v3.4.4 lines 37-51):
// sprig's generic functions without env, expandenv and getHostByName, plus normalize, slugify, toYaml,
// fromYaml and fromYamlArray (template_functions.go).
//
// Debian ships sprig 3.2.3 where Argo CD pins 3.3.0; 3.3.0 only adds sha512sum (added below) and maps
// camelcase to xstrings.ToPascalCase, which Debian's xstrings 1.3 ToCamelCase already is.
func funcMap() template.FuncMap {
	m := sprig.GenericFuncMap()
	delete(m, "env")
	delete(m, "expandenv")
	delete(m, "getHostByName")
	m["sha512sum"] = func(input string) string {
		sum := sha512.Sum512([]byte(input))
		return hex.EncodeToString(sum[:])
	}
	m["normalize"] = sanitizeName
	m["slugify"] = slugifyName
	m["toYaml"] = toYAML
	m["fromYaml"] = fromYAML
	m["fromYamlArray"] = fromYAMLArray
	return m
}

var invalidDNSNameChars = regexp.MustCompile("[^-a-z0-9.]")

// sanitizeName is SanitizeName (template_functions.go:14-25): lower case, invalid characters to '-',
// at most 253 bytes, '-' and '.' trimmed from both ends.
func sanitizeName(name string) string {
	name = strings.ToLower(name)
	name = invalidDNSNameChars.ReplaceAllString(name, "-")
	if len(name) > 253 {
		name = name[:253]
	}
	return strings.Trim(name, "-.")
}

var (
	slugUnauthorized = regexp.MustCompile("[^a-zA-Z0-9-_]")
	slugMultipleDash = regexp.MustCompile("-+")
)

// slugifyName is SlugifyName (utils.go:557-587) over gosimple/slug v1.15.0's Make. Its input is already
// sanitised to [-a-z0-9.], so slug's transliteration and language substitutions never apply and what is
// left of slug.Make (slug.go:61-153) is: '.' becomes '-', dashes collapse, '-' and '_' are trimmed, and the
// result is cut to maxSize (after the last '-' before the limit when smart truncation is on).
// Wrong argument types panic as upstream's type assertions do; text/template turns that into an error.
func slugifyName(args ...any) string {
	maxSize := 50
	smart := true
	name := ""
	for idx, arg := range args {
		switch idx {
		case len(args) - 1:
			name = arg.(string)
		case 0:
			maxSize = arg.(int)
		case 1:
			smart = arg.(bool)
		}
	}
	s := strings.TrimSpace(sanitizeName(name))
	if !smart && len(s) >= maxSize {
		s = s[:maxSize]
	}
	s = slugUnauthorized.ReplaceAllString(s, "-")
	s = slugMultipleDash.ReplaceAllString(s, "-")
	s = strings.Trim(s, "-_")
	if maxSize > 0 && smart && len(s) > maxSize {
		cut := -1
		for i := maxSize; i >= 0; i-- {
			if s[i] == '-' {
				cut = i
				break
			}
		}
		if cut >= 0 {
			s = s[:cut]
		} else {
			s = s[:maxSize]
		}
	}
	return s
}

// toYAML, fromYAML and fromYAMLArray are template_functions.go:32-71 (sigs.k8s.io/yaml).
func toYAML(v any) (string, error) {
	data, err := yaml.Marshal(v)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(data), "\n"), nil
}

func fromYAML(str string) (map[string]any, error) {
	m := map[string]any{}
	if err := yaml.Unmarshal([]byte(str), &m); err != nil {
		return nil, err
	}
	return m, nil
}

func fromYAMLArray(str string) ([]any, error) {
	a := []any{}
	if err := yaml.Unmarshal([]byte(str), &a); err != nil {
		return nil, err
	}
	return a, nil
}
