// Command cel-reference evaluates CEL expressions with the Kubernetes apiserver's own CEL
// environment (k8s.io/apiserver/pkg/cel/environment, the one ValidatingAdmissionPolicy uses) so
// Bespoke's TypeScript evaluator can be compared with it. Input: JSON lines
// {"expression": "...", "variables": {...}}; output: one JSON line per input with a canonical,
// type-tagged result or an error. With -bench N it instead times N rounds over all inputs.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
	"k8s.io/apimachinery/pkg/util/version"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"k8s.io/apiserver/pkg/cel/environment"
)

type input struct {
	Expression string          `json:"expression"`
	Variables  json.RawMessage `json:"variables"`
}

type output struct {
	Result any    `json:"result,omitempty"`
	Stage  string `json:"stage,omitempty"`
	Error  string `json:"error,omitempty"`
}

// declared mirrors the variables a ValidatingAdmissionPolicy expression can see; all are dyn
// because offline objects come without an OpenAPI schema.
var declared = []string{"object", "oldObject", "params", "namespaceObject", "request", "variables", "authorizer"}

func newEnv() *cel.Env {
	opts := []cel.EnvOption{}
	for _, name := range declared {
		opts = append(opts, cel.Variable(name, cel.DynType))
	}
	set, err := environment.MustBaseEnvSet(environment.DefaultCompatibilityVersion(), true).Extend(
		environment.VersionedOptions{IntroducedVersion: version.MajorMinor(1, 0), EnvOptions: opts},
	)
	if err != nil {
		panic(err)
	}
	env, err := set.Env(environment.StoredExpressions)
	if err != nil {
		panic(err)
	}
	return env
}

type compiled struct {
	prg cel.Program
	err string
}

func compile(env *cel.Env, cache map[string]*compiled, expr string) *compiled {
	if c, ok := cache[expr]; ok {
		return c
	}
	c := &compiled{}
	ast, iss := env.Compile(expr)
	if iss != nil && iss.Err() != nil {
		c.err = iss.Err().Error()
	} else {
		prg, err := env.Program(ast, cel.CostLimit(celconfig.PerCallLimit), cel.InterruptCheckFrequency(celconfig.CheckFrequency))
		if err != nil {
			c.err = err.Error()
		} else {
			c.prg = prg
		}
	}
	cache[expr] = c
	return c
}

// decodeJSON keeps integers as int64 and everything with a fraction or exponent as float64, the
// way unstructured Kubernetes objects are decoded.
func decodeJSON(raw []byte) (map[string]any, error) {
	if len(raw) == 0 {
		return map[string]any{}, nil
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	m, ok := fixNumbers(v).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("variables must be an object")
	}
	return m, nil
}

func fixNumbers(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(string(t), 64)
		return f
	case map[string]any:
		for k, x := range t {
			t[k] = fixNumbers(x)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = fixNumbers(x)
		}
		return t
	}
	return v
}

func canonical(v ref.Val) any {
	switch t := v.(type) {
	case types.Bool:
		return bool(t)
	case types.Int:
		return map[string]any{"int": strconv.FormatInt(int64(t), 10)}
	case types.Uint:
		return map[string]any{"uint": strconv.FormatUint(uint64(t), 10)}
	case types.Double:
		f := float64(t)
		switch {
		case math.IsNaN(f):
			return map[string]any{"double": "NaN"}
		case math.IsInf(f, 1):
			return map[string]any{"double": "+Inf"}
		case math.IsInf(f, -1):
			return map[string]any{"double": "-Inf"}
		}
		return map[string]any{"double": f}
	case types.String:
		return string(t)
	case types.Bytes:
		return map[string]any{"bytes": base64.StdEncoding.EncodeToString([]byte(t))}
	case types.Null:
		return nil
	case types.Duration:
		return map[string]any{"duration": strconv.FormatInt(t.Duration.Nanoseconds(), 10)}
	case types.Timestamp:
		return map[string]any{"timestamp": t.Time.UTC().Format(time.RFC3339Nano)}
	case *types.Optional:
		if !t.HasValue() {
			return map[string]any{"optional": nil, "none": true}
		}
		return map[string]any{"optional": canonical(t.GetValue())}
	case ref.Type:
		return map[string]any{"type": t.TypeName()}
	}
	if l, ok := v.(traits.Lister); ok {
		out := []any{}
		it := l.Iterator()
		for it.HasNext() == types.True {
			out = append(out, canonical(it.Next()))
		}
		return out
	}
	if m, ok := v.(traits.Mapper); ok {
		type entry struct {
			key string
			kv  []any
		}
		entries := []entry{}
		it := m.Iterator()
		for it.HasNext() == types.True {
			k := it.Next()
			ck := canonical(k)
			b, _ := json.Marshal(ck)
			entries = append(entries, entry{string(b), []any{ck, canonical(m.Get(k))}})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
		out := []any{}
		for _, e := range entries {
			out = append(out, e.kv)
		}
		return map[string]any{"map": out}
	}
	return map[string]any{"opaque": v.Type().TypeName(), "string": fmt.Sprint(v.Value())}
}

func eval(c *compiled, vars map[string]any) output {
	if c.err != "" {
		return output{Stage: "compile", Error: c.err}
	}
	val, _, err := c.prg.Eval(vars)
	if err != nil {
		return output{Stage: "eval", Error: err.Error()}
	}
	return output{Result: resultBox{canonical(val)}}
}

// resultBox keeps a JSON null result distinguishable from "no result".
type resultBox struct{ v any }

func (r resultBox) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]any{"value": r.v}) }

func main() {
	bench := flag.Int("bench", 0, "time this many rounds over all inputs instead of printing results")
	flag.Parse()
	env := newEnv()
	cache := map[string]*compiled{}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	type job struct {
		c    *compiled
		vars map[string]any
	}
	jobs := []job{}
	compileStart := time.Now()
	for in.Scan() {
		line := in.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var i input
		if err := json.Unmarshal(line, &i); err != nil {
			_ = enc.Encode(output{Stage: "input", Error: err.Error()})
			continue
		}
		vars, err := decodeJSON(i.Variables)
		if err != nil {
			_ = enc.Encode(output{Stage: "input", Error: err.Error()})
			continue
		}
		// Like admission, every declared variable is bound; absent ones are null.
		for _, name := range declared {
			if _, ok := vars[name]; !ok {
				vars[name] = nil
			}
		}
		c := compile(env, cache, i.Expression)
		if *bench > 0 {
			jobs = append(jobs, job{c, vars})
			continue
		}
		_ = enc.Encode(eval(c, vars))
	}
	if *bench == 0 {
		return
	}
	compileSeconds := time.Since(compileStart).Seconds()
	start := time.Now()
	n, trues := 0, 0
	for r := 0; r < *bench; r++ {
		for _, j := range jobs {
			if j.c.prg == nil {
				continue
			}
			val, _, _ := j.c.prg.Eval(j.vars)
			if val == types.True {
				trues++
			}
			n++
		}
	}
	secs := time.Since(start).Seconds()
	_ = enc.Encode(map[string]any{"evaluations": n, "trues": trues, "seconds": secs, "evaluationsPerSecond": float64(n) / secs, "compileAndDecodeSeconds": compileSeconds, "expressions": len(cache)})
}
