// Command eso-engine executes External Secrets' template engine v2 the way its controller does
// (runtime/template/v2/template.go at v2.9.0, execute: text/template with missingkey=error, sprig's
// text functions and the default delimiters, run over the Secret's values as strings), so tests can
// check that a rendered ExternalSecret template yields the file its consumer expects.
//
// stdin: JSON {"template": "...", "data": {"key": "value"}}; stdout: the executed template.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/template"

	"github.com/Masterminds/sprig"
)

type input struct {
	Template string            `json:"template"`
	Data     map[string]string `json:"data"`
}

func main() {
	raw, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	var in input
	if err := json.Unmarshal(raw, &in); err != nil {
		fail(err)
	}
	t, err := template.New("file").Option("missingkey=error").Funcs(sprig.TxtFuncMap()).Delims("{{", "}}").Parse(in.Template)
	if err != nil {
		fail(fmt.Errorf("unable to parse template: %w", err))
	}
	var out bytes.Buffer
	if err := t.Execute(&out, in.Data); err != nil {
		fail(fmt.Errorf("unable to execute template: %w", err))
	}
	os.Stdout.Write(out.Bytes())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
