// Command ferretdb-embedded runs FerretDB with the SQLite backend for the
// app's zero-configuration mode. It prints the MongoDB URI on one stdout line
// once it accepts connections, and stops on SIGINT/SIGTERM or when its stdin
// closes, so it never outlives the Node process that started it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free one)")
	dataDir := flag.String("data-dir", "./data/db", "directory holding the SQLite files")
	watchStdin := flag.Bool("watch-stdin", true, "stop when stdin reaches EOF")
	flag.Parse()

	if err := run(*listen, *dataDir, *watchStdin); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-embedded:", err)
		os.Exit(1)
	}
}

func run(listen, dataDir string, watchStdin bool) error {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return err
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	// The listener is bound inside New, so the URI is final and connectable now.
	fmt.Println(f.MongoDBURI())

	return f.Run(ctx)
}
