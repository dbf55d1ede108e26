package main

// The write-serialising proxy.
//
// FerretDB 1.24 (SQLite backend) executes update, findAndModify and delete as
// "select, change the document in Go, write the whole document back by _id"
// with no lock between, so two concurrent writes to one document lose one of
// them. The proxy owns the launcher's TCP port and pairs every client
// connection with a connection of its own to FerretDB's private Unix socket.
// It holds one process-wide lock from a write command until FerretDB's reply
// to it, which restores MongoDB's single-document atomicity. Reads never take
// the lock, so they run concurrently across connections as before.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"syscall"
)

const (
	opQuery = 2004 // legacy; drivers still send a connection's first hello this way
	opMsg   = 2013

	headerLen = 16
	// FerretDB's own limit (maxMessageSizeBytes in its hello); anything larger
	// is garbage or an attack, not a request.
	maxMessageLen = 48_000_000

	flagChecksumPresent = 1 << 0
	flagMoreToCome      = 1 << 1
)

// writeCommands change documents, indexes or collections. The names are the
// first key of the command document, as FerretDB dispatches them.
var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true,
	"findAndModify": true, "findandmodify": true,
	"create": true, "createIndexes": true, "dropIndexes": true, "collMod": true,
	"drop": true, "dropDatabase": true, "renameCollection": true,
}

var errMalformed = errors.New("malformed message")

type proxy struct {
	backend string // FerretDB's Unix socket
	logger  *slog.Logger
	writes  sync.Mutex
}

// serve accepts clients until ctx is done, then closes every connection and
// waits for their goroutines. It returns an error only when accepting fails
// for another reason.
func (p *proxy) serve(ctx context.Context, ln net.Listener) error {
	stop := context.AfterFunc(ctx, func() { _ = ln.Close() })
	defer stop()

	var wg sync.WaitGroup
	defer wg.Wait()

	for {
		client, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.handle(ctx, client)
		}()
	}
}

// handle relays one client connection, one request at a time: read a request,
// pass it on, read FerretDB's reply, pass that back. Drivers never pipeline on
// a connection (they pool connections instead), so nothing is lost by this.
func (p *proxy) handle(ctx context.Context, client net.Conn) {
	defer client.Close()

	backend, err := net.Dial("unix", p.backend)
	if err != nil {
		p.logger.Warn("proxy: cannot reach FerretDB", "error", err)
		return
	}
	defer backend.Close()

	// Closing both ends unblocks whichever read is waiting at shutdown.
	stop := context.AfterFunc(ctx, func() {
		_ = client.Close()
		_ = backend.Close()
	})
	defer stop()

	fromClient := bufio.NewReader(client)
	fromBackend := bufio.NewReader(backend)
	for {
		req, err := readMessage(fromClient)
		if err == nil {
			var reply []byte
			if reply, err = p.roundTrip(req, backend, fromBackend); err == nil && reply != nil {
				_, err = client.Write(reply)
			}
		}
		if err != nil {
			if ctx.Err() == nil && !isDisconnect(err) {
				p.logger.Warn("proxy: closing connection", "client", client.RemoteAddr().String(), "error", err)
			}
			return
		}
	}
}

// roundTrip sends req to FerretDB and returns its reply, or nil when the
// client asked for none. A write command holds the lock until the reply, i.e.
// until FerretDB has finished it; the reply is forwarded after the unlock so a
// slow client never holds up other writers.
func (p *proxy) roundTrip(req []byte, backend net.Conn, fromBackend *bufio.Reader) ([]byte, error) {
	write, moreToCome, err := classify(req)
	if err != nil {
		return nil, err
	}
	if write {
		p.writes.Lock()
		defer p.writes.Unlock()
	}

	if _, err := backend.Write(req); err != nil {
		return nil, err
	}
	reply, err := readMessage(fromBackend)
	if err != nil {
		return nil, err
	}
	if responseTo(reply) != requestID(req) {
		return nil, fmt.Errorf("FerretDB replied to request %d, expected %d", responseTo(reply), requestID(req))
	}
	// FerretDB answers moreToCome requests although the protocol says it must
	// not; a driver would read that reply as the answer to its next request.
	if moreToCome {
		return nil, nil
	}
	return reply, nil
}

// readMessage reads one whole wire-protocol message: a little-endian header
// (int32 messageLength, requestID, responseTo, opCode) and its body.
func readMessage(r io.Reader) ([]byte, error) {
	var header [headerLen]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err
	}
	n := int32(binary.LittleEndian.Uint32(header[0:4]))
	if n < headerLen || n > maxMessageLen {
		return nil, fmt.Errorf("message length %d out of range", n)
	}
	msg := make([]byte, n)
	copy(msg, header[:])
	if _, err := io.ReadFull(r, msg[headerLen:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func requestID(msg []byte) int32  { return int32(binary.LittleEndian.Uint32(msg[4:8])) }
func responseTo(msg []byte) int32 { return int32(binary.LittleEndian.Uint32(msg[8:12])) }
func opCode(msg []byte) int32     { return int32(binary.LittleEndian.Uint32(msg[12:16])) }

// classify tells whether a request is a write command and whether the client
// expects no reply. Only OP_MSG carries commands; FerretDB answers OP_QUERY
// only for the handshake (hello, SASL) and speaks no other opcode.
func classify(msg []byte) (write, moreToCome bool, err error) {
	switch opCode(msg) {
	case opQuery:
		return false, false, nil
	case opMsg:
		if len(msg) < headerLen+4 {
			return false, false, errMalformed
		}
		flags := binary.LittleEndian.Uint32(msg[headerLen:])
		name, err := commandName(msg[headerLen+4:], flags&flagChecksumPresent != 0)
		return writeCommands[name], flags&flagMoreToCome != 0, err
	default:
		return false, false, fmt.Errorf("unsupported opCode %d", opCode(msg))
	}
}

// commandName returns the first key of the OP_MSG body section (kind 0), the
// command's name. Document sequences (kind 1, e.g. an insert's documents) are
// skipped; both kinds start with an int32 size that counts itself.
func commandName(sections []byte, checksum bool) (string, error) {
	if checksum {
		if len(sections) < 4 {
			return "", errMalformed
		}
		sections = sections[:len(sections)-4] // trailing CRC-32C
	}
	for len(sections) > 0 {
		kind := sections[0]
		sections = sections[1:]
		if len(sections) < 4 {
			return "", errMalformed
		}
		size := binary.LittleEndian.Uint32(sections)
		if size < 5 || uint64(size) > uint64(len(sections)) {
			return "", errMalformed
		}
		switch kind {
		case 0:
			return firstKey(sections[:size])
		case 1:
			sections = sections[size:]
		default:
			return "", errMalformed
		}
	}
	return "", errMalformed // no body section
}

// firstKey reads a BSON document's first element name: after the int32 size
// comes a type byte (0 ends the document) and the name as a C string.
func firstKey(doc []byte) (string, error) {
	if doc[4] == 0 {
		return "", nil
	}
	name := doc[5:]
	end := bytes.IndexByte(name, 0)
	if end < 0 {
		return "", errMalformed
	}
	return string(name[:end]), nil
}

// isDisconnect tells an ordinary hang-up from a protocol problem worth a log line.
func isDisconnect(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}
