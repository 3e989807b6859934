package timex

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZ(t *testing.T) {
	if os.Getenv("ZZTEXT") == "" {
		t.Skip()
	}
	dct := os.Getenv("ZZDCT")
	for _, line := range strings.Split(os.Getenv("ZZTEXT"), "|") {
		txs, _ := Tag(context.Background(), line, dct)
		fmt.Printf("%s\n", line)
		for _, x := range txs {
			fmt.Printf("   %q %s %s %s\n", x.Text, x.Type, x.Value, x.Mod)
		}
	}
}
