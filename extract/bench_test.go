package extract

import (
	"context"
	"github.com/storyline/storyline/internal/shareddata"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Whole-pipeline benchmarks over the BBC corpus (../shared/data/bbc,
// 2,225 articles, about 5 MB). Run them with, for example,
//
//	go test ./extract -run x -bench 'ExtractBBC|Stages' -benchtime 3x -count 3
//
// Besides MB/s and allocations they report:
//   - peak-heap-MB: the largest live heap (runtime/metrics
//     /memory/classes/heap/objects:bytes) sampled after each article;
//   - sys-MB: memory obtained from the OS (/memory/classes/total:bytes) at
//     the end;
//   - user-s/MB: user CPU seconds of the process per MB of text (Linux,
//     from /proc/self/stat): unlike MB/s it does not depend on how busy the
//     machine is, only on the work done (GC included).

// bbcCorpus reads every BBC article in a stable order and returns the texts
// and their total size in bytes.
func bbcCorpus(tb testing.TB) ([]string, int) {
	tb.Helper()
	dir := shareddata.Dir(tb, "bbc")
	var paths []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(path, ".txt") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("walking %s: %v", dir, err)
	}
	sort.Strings(paths)
	texts := make([]string, 0, len(paths))
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("reading %s: %v", p, err)
		}
		texts = append(texts, string(data))
		total += len(data)
	}
	if len(texts) == 0 {
		tb.Skip("…/shared/data/bbc has no articles")
	}
	return texts, total
}

// memSampler tracks the peak live heap through runtime/metrics, which
// (unlike runtime.ReadMemStats) does not stop the world.
type memSampler struct {
	samples []metrics.Sample
	peak    uint64
}

func newMemSampler() *memSampler {
	return &memSampler{samples: []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/total:bytes"},
	}}
}

func (m *memSampler) sample() {
	metrics.Read(m.samples[:1])
	if v := m.samples[0].Value; v.Kind() == metrics.KindUint64 && v.Uint64() > m.peak {
		m.peak = v.Uint64()
	}
}

func (m *memSampler) sys() uint64 {
	metrics.Read(m.samples[1:])
	if v := m.samples[1].Value; v.Kind() == metrics.KindUint64 {
		return v.Uint64()
	}
	return 0
}

// userCPU returns the process's user CPU time, or false where
// /proc/self/stat is not available.
func userCPU() (time.Duration, bool) {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, false
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// fields are counted after its closing parenthesis. utime is field 14,
	// the 12th after it, in clock ticks (USER_HZ, 100 on Linux).
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 12 {
		return 0, false
	}
	ticks, err := strconv.ParseInt(f[11], 10, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(ticks) * (time.Second / 100), true
}

// BenchmarkExtractBBC measures the whole extraction (New once, then
// Annotate over all stages) on every BBC article.
func BenchmarkExtractBBC(b *testing.B) {
	texts, total := bbcCorpus(b)
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	mem := newMemSampler()
	runtime.GC()
	cpu0, cpuOK := userCPU()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, txt := range texts {
			d, err := p.Annotate(ctx, Input{Name: "bbc", Text: txt})
			if err != nil {
				b.Fatal(err)
			}
			if len(d.Sentences) == 0 {
				b.Fatalf("no sentences in %.40q", txt)
			}
			mem.sample()
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(mem.peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(mem.sys())/(1<<20), "sys-MB")
	if cpu1, ok := userCPU(); ok && cpuOK {
		mb := float64(total) * float64(b.N) / 1e6
		b.ReportMetric((cpu1-cpu0).Seconds()/mb, "user-s/MB")
	}
}

// BenchmarkStages measures each stage on its own over every BBC article:
// BenchmarkStages/<stage> runs the stages before it with the timer stopped
// and times only that stage, so its MB/s is the stage's own throughput.
func BenchmarkStages(b *testing.B) {
	texts, total := bbcCorpus(b)
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for si, st := range p.stages {
		b.Run(st.Name(), func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, txt := range texts {
					b.StopTimer()
					doc := &Document{Name: "bbc", Text: txt}
					for _, prev := range p.stages[:si] {
						if err := prev.Run(ctx, doc); err != nil {
							b.Fatalf("%s: %v", prev.Name(), err)
						}
					}
					b.StartTimer()
					if err := st.Run(ctx, doc); err != nil {
						b.Fatalf("%s: %v", st.Name(), err)
					}
				}
			}
		})
	}
}
