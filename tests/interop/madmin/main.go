// Command madmin-crypto is the interop peer for the admin payload tests: it
// runs madmin-go's own EncryptData / DecryptData over stdin -> stdout, so
// what our TypeScript writes is read by the code MinIO's server and mc use,
// and the other way round.
//
//	MADMIN_PASSWORD=secret madmin-crypto encrypt < plain > sealed
//	MADMIN_PASSWORD=secret madmin-crypto decrypt < sealed > plain
//
// madmin-go picks the algorithm itself; the helper cannot choose it:
//   - built with `-tags fips` it writes id 0x02 (PBKDF2 + AES-256-GCM);
//   - otherwise 0x00 (argon2id + AES-256-GCM) on a CPU with AES-GCM
//     instructions, and 0x01 (argon2id + ChaCha20-Poly1305) where they are
//     missing, which GODEBUG=cpu.aes=off simulates.
//
// Decryption accepts all three ids in either build.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/minio/madmin-go/v3"
)

func main() {
	if len(os.Args) != 2 || (os.Args[1] != "encrypt" && os.Args[1] != "decrypt") {
		fail("usage: MADMIN_PASSWORD=... madmin-crypto encrypt|decrypt < in > out")
	}
	password, ok := os.LookupEnv("MADMIN_PASSWORD")
	if !ok {
		fail("MADMIN_PASSWORD is not set")
	}
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail("reading stdin: " + err.Error())
	}
	var out []byte
	if os.Args[1] == "encrypt" {
		out, err = madmin.EncryptData(password, in)
	} else {
		out, err = madmin.DecryptData(password, bytes.NewReader(in))
	}
	if err != nil {
		fail(os.Args[1] + ": " + err.Error())
	}
	if _, err = os.Stdout.Write(out); err != nil {
		fail("writing stdout: " + err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "madmin-crypto:", msg)
	os.Exit(1)
}
