// helm-check lints and renders a Helm chart with Helm's own code, then decodes every
// rendered object strictly against the Kubernetes API types (an unknown or misspelt
// field, a wrong type or a duplicate key is an error). It prints one JSON report on
// stdout and exits 1 when the chart has a lint error or an object fails to decode.
//
//	helm-check -chart infra/helm/portal -f values.yaml -f values-prod.yaml [-namespace portal]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/lint"
	"helm.sh/helm/v3/pkg/lint/support"
	"helm.sh/helm/v3/pkg/releaseutil"
	"k8s.io/apimachinery/pkg/runtime"
	kjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	kscheme "k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

type valueFiles []string

func (v *valueFiles) String() string     { return strings.Join(*v, ",") }
func (v *valueFiles) Set(s string) error { *v = append(*v, s); return nil }

type lintMessage struct {
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Message  string `json:"message"`
}

type renderedObject struct {
	Source     string         `json:"source"`
	APIVersion string         `json:"apiVersion"`
	Kind       string         `json:"kind"`
	Name       string         `json:"name"`
	Validated  bool           `json:"validated"`
	Error      string         `json:"error,omitempty"`
	Object     map[string]any `json:"object"`
}

type report struct {
	Chart   string           `json:"chart"`
	Values  []string         `json:"values"`
	Lint    []lintMessage    `json:"lint"`
	Error   string           `json:"error,omitempty"`
	Objects []renderedObject `json:"objects"`
}

// mergeValues layers value files the way `helm -f a -f b` does: maps merge, anything else is replaced.
func mergeValues(dst, src map[string]any) map[string]any {
	for k, v := range src {
		if sub, ok := v.(map[string]any); ok {
			if cur, ok := dst[k].(map[string]any); ok {
				dst[k] = mergeValues(cur, sub)
				continue
			}
		}
		dst[k] = v
	}
	return dst
}

func loadValues(files []string) (map[string]any, error) {
	values := map[string]any{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		layer := map[string]any{}
		if err := yaml.Unmarshal(data, &layer); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		values = mergeValues(values, layer)
	}
	return values, nil
}

func severity(s int) string {
	switch s {
	case support.ErrorSev:
		return "ERROR"
	case support.WarningSev:
		return "WARNING"
	case support.InfoSev:
		return "INFO"
	}
	return "UNKNOWN"
}

func main() {
	chartDir := flag.String("chart", "", "chart directory")
	namespace := flag.String("namespace", "portal", "release namespace")
	release := flag.String("release", "portal", "release name")
	dump := flag.Bool("manifests", false, "print the rendered manifests (like helm template) instead of the report")
	var files valueFiles
	flag.Var(&files, "f", "values file (repeatable, later files win)")
	flag.Parse()
	if *chartDir == "" {
		fmt.Fprintln(os.Stderr, "usage: helm-check -chart DIR [-f values.yaml]... [-namespace NS]")
		os.Exit(2)
	}
	out := report{Chart: *chartDir, Values: files, Lint: []lintMessage{}, Objects: []renderedObject{}}
	failed := run(*chartDir, *namespace, *release, files, &out)
	if *dump {
		for _, o := range out.Objects {
			data, _ := yaml.Marshal(o.Object)
			fmt.Printf("---\n# Source: %s\n%s", o.Source, data)
		}
		if out.Error != "" {
			fmt.Fprintln(os.Stderr, out.Error)
		}
		if failed {
			os.Exit(1)
		}
		return
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

func run(chartDir, namespace, release string, files []string, out *report) bool {
	values, err := loadValues(files)
	if err != nil {
		out.Error = err.Error()
		return true
	}
	failed := false

	// Lint coalesces the values it is given in place: it gets its own copy.
	lintValues, _ := loadValues(files)
	linter := lint.All(chartDir, lintValues, namespace, true)
	for _, m := range linter.Messages {
		out.Lint = append(out.Lint, lintMessage{Severity: severity(m.Severity), Path: m.Path, Message: m.Err.Error()})
		if m.Severity >= support.ErrorSev {
			failed = true
		}
	}

	chrt, err := loader.Load(chartDir)
	if err != nil {
		out.Error = err.Error()
		return true
	}
	if err := chartutil.ProcessDependencies(chrt, values); err != nil {
		out.Error = err.Error()
		return true
	}
	opts := chartutil.ReleaseOptions{Name: release, Namespace: namespace, Revision: 1, IsInstall: true}
	renderValues, err := chartutil.ToRenderValues(chrt, values, opts, chartutil.DefaultCapabilities)
	if err != nil {
		out.Error = err.Error()
		return true
	}
	rendered, err := engine.Render(chrt, renderValues)
	if err != nil {
		out.Error = err.Error()
		return true
	}

	decoder := kjson.NewSerializerWithOptions(kjson.DefaultMetaFactory, kscheme.Scheme, kscheme.Scheme,
		kjson.SerializerOptions{Yaml: true, Strict: true})
	names := make([]string, 0, len(rendered))
	for name := range rendered {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if filepath.Ext(name) != ".yaml" && filepath.Ext(name) != ".yml" {
			continue
		}
		manifests := releaseutil.SplitManifests(rendered[name])
		keys := make([]string, 0, len(manifests))
		for k := range manifests {
			keys = append(keys, k)
		}
		sort.Sort(releaseutil.BySplitManifestsOrder(keys))
		for _, key := range keys {
			doc := manifests[key]
			if strings.TrimSpace(doc) == "" {
				continue
			}
			obj := renderedObject{Source: name}
			generic := map[string]any{}
			if err := yaml.Unmarshal([]byte(doc), &generic); err != nil {
				obj.Error = "not YAML: " + err.Error()
				out.Objects = append(out.Objects, obj)
				failed = true
				continue
			}
			if len(generic) == 0 {
				continue
			}
			obj.Object = generic
			obj.APIVersion, _ = generic["apiVersion"].(string)
			obj.Kind, _ = generic["kind"].(string)
			if meta, ok := generic["metadata"].(map[string]any); ok {
				obj.Name, _ = meta["name"].(string)
			}
			if _, _, err := decoder.Decode(bytes.TrimSpace([]byte(doc)), nil, nil); err != nil {
				if runtime.IsNotRegisteredError(err) {
					// A custom resource (KEDA, Prometheus Operator): reported, not validated here.
					obj.Error = "not a built-in Kubernetes kind"
				} else {
					obj.Error = err.Error()
					failed = true
				}
			} else {
				obj.Validated = true
			}
			out.Objects = append(out.Objects, obj)
		}
	}
	return failed
}
