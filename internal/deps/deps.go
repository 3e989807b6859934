// Package deps pins the modules the project has chosen while the code that
// uses them is being written, so that `go mod tidy` keeps them. Remove an
// import here once real code imports the module.
package deps

import (
	_ "github.com/biter777/countries"
	_ "github.com/cayleygraph/cayley"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/graph/sql/sqlite"
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/ekzhu/minhash-lsh"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/jdkato/prose/v3"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/olebedev/when"
	_ "github.com/petar-dambovaliev/aho-corasick"
	_ "github.com/peterh/liner"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
)
