// Command ferretdb-embedded runs FerretDB with the SQLite backend for the
// app's zero-configuration mode. FerretDB listens on a private Unix socket;
// clients reach it through a proxy on the TCP address that serialises writes
// (proxy.go). It prints the MongoDB URI on one stdout line once it accepts
// connections, and stops on SIGINT/SIGTERM or when its stdin closes, so it
// never outlives the Node process that started it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
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

	// Only the proxy may talk to FerretDB, or writes would bypass its lock:
	// the socket lives in a directory only this user can enter (MkdirTemp
	// creates it 0700), short enough for the ~100-byte socket path limit.
	sockDir, err := os.MkdirTemp("", "medip-ferretdb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(sockDir)
	socket := filepath.Join(sockDir, "ferretdb.sock")

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", listen)
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

	// Whichever half stops first (shutdown, or a failure) stops the other.
	ferretDone := make(chan error, 1)
	go func() {
		ferretDone <- f.Run(ctx)
		stop()
	}()

	// Both listeners are bound (ferretdb.New binds the socket), so the URI is
	// final and connectable now.
	fmt.Println((&url.URL{Scheme: "mongodb", Host: ln.Addr().String(), Path: "/"}).String())

	p := &proxy{backend: socket, logger: logger}
	proxyErr := p.serve(ctx, ln)
	stop()
	return errors.Join(proxyErr, <-ferretDone)
}
