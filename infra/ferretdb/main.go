// Command ferretdb runs an embedded FerretDB 1.24 (MongoDB wire protocol) on
// SQLite storage, for local development and CI where no MongoDB server exists.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27117", "TCP address to listen on")
	dataDir := flag.String("data-dir", ".data/ferretdb", "directory for the SQLite files")
	logLevel := flag.String("log-level", "error", "debug, info, warn or error (FerretDB logs every refused command at warn)")
	parentPID := flag.Int("parent-pid", 0, "exit when this process (our parent) is gone, so no orphan survives a crashed supervisor")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: bad -log-level %q\n", *logLevel)
		os.Exit(2)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, err := filepath.Abs(*dataDir)
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: data dir: %s\n", err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %s\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *parentPID > 0 {
		go watchParent(*parentPID, stop)
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	// The listener is bound inside New; announce readiness for the supervisor.
	fmt.Printf("ferretdb listening on %s, data in %s\n", *listen, dir)

	if err := <-done; err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %s\n", err)
		os.Exit(1)
	}
}

// watchParent stops the server once it has been re-parented, i.e. its supervisor died.
func watchParent(pid int, stop context.CancelFunc) {
	for range time.Tick(500 * time.Millisecond) {
		if os.Getppid() != pid {
			stop()
			return
		}
	}
}
