// Command s3 runs an embedded S3-compatible server (gofakes3) for tests and local
// runs of the library's S3 storage, where no object store exists. It speaks the S3
// REST API over plain HTTP with path-style buckets and accepts any credentials:
// never expose it, and never use it in production.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3afero"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:9100", "TCP address to listen on")
	dataDir := flag.String("data-dir", ".data/s3", "directory for buckets (objects as files) and their metadata (backend fs)")
	backendKind := flag.String("backend", "fs", "fs: objects are files under -data-dir, written and read as streams; memory: nothing persists (lists are paginated)")
	buckets := flag.String("bucket", "", "comma-separated buckets to create at start when missing")
	verbose := flag.Bool("verbose", false, "log every request")
	parentPID := flag.Int("parent-pid", 0, "exit when this process (our parent) is gone, so no orphan survives a crashed supervisor")
	flag.Parse()

	backend, where, err := openBackend(*backendKind, *dataDir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "s3: %s\n", err)
		os.Exit(1)
	}
	for _, name := range strings.Split(*buckets, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if err := gofakes3.ValidateBucketName(name); err != nil {
			fmt.Fprintf(os.Stderr, "s3: bucket %q: %s\n", name, err)
			os.Exit(2)
		}
		if err := backend.CreateBucket(name); err != nil && !gofakes3.IsAlreadyExists(err) {
			fmt.Fprintf(os.Stderr, "s3: creating bucket %q: %s\n", name, err)
			os.Exit(1)
		}
	}

	logger := gofakes3.DiscardLog()
	if *verbose {
		logger = gofakes3.StdLog(log.New(os.Stderr, "s3 ", log.LstdFlags))
	}
	faker := gofakes3.New(backend, gofakes3.WithLogger(logger))

	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(os.Stderr, "s3: %s\n", err)
		os.Exit(1)
	}
	server := &http.Server{Handler: faker.Server(), ReadHeaderTimeout: 30 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *parentPID > 0 {
		go watchParent(*parentPID, stop)
	}

	done := make(chan error, 1)
	go func() { done <- server.Serve(listener) }()
	// The listener is bound; announce readiness for the supervisor.
	fmt.Printf("s3 listening on http://%s, %s\n", listener.Addr(), where)

	select {
	case err := <-done:
		fmt.Fprintf(os.Stderr, "s3: %s\n", err)
		os.Exit(1)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintf(os.Stderr, "s3: %s\n", err)
		os.Exit(1)
	}
}

func openBackend(kind, dataDir string) (gofakes3.Backend, string, error) {
	switch kind {
	case "memory":
		return s3mem.New(), "objects in memory", nil
	case "fs":
		dir, err := filepath.Abs(dataDir)
		if err != nil {
			return nil, "", fmt.Errorf("data dir: %w", err)
		}
		fs, err := s3afero.FsPath(dir, s3afero.FsPathCreateAll)
		if err != nil {
			return nil, "", fmt.Errorf("data dir: %w", err)
		}
		backend, err := s3afero.MultiBucket(fs)
		if err != nil {
			return nil, "", err
		}
		return backend, "data in " + dir, nil
	default:
		return nil, "", fmt.Errorf("unknown -backend %q (fs or memory)", kind)
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
