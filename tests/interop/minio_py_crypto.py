"""Interop peer for the admin payload tests: minio-py's own minio.crypto.

    MINIO_PY_PASSWORD=secret python3 minio_py_crypto.py encrypt < plain > sealed
    MINIO_PY_PASSWORD=secret python3 minio_py_crypto.py decrypt < sealed > plain

minio-py encrypts with id 0x00 only and decrypts 0x00 and 0x01 (it has no
PBKDF2 path for 0x02). Its decrypt reads an HTTP response, so the bytes from
stdin are wrapped in an unsent urllib3 response.
"""

import io
import os
import sys

from minio.crypto import decrypt, encrypt
from urllib3.response import HTTPResponse


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in ("encrypt", "decrypt"):
        print("usage: MINIO_PY_PASSWORD=... minio_py_crypto.py encrypt|decrypt",
              file=sys.stderr)
        return 2
    password = os.environ.get("MINIO_PY_PASSWORD")
    if password is None:
        print("minio_py_crypto: MINIO_PY_PASSWORD is not set", file=sys.stderr)
        return 2
    data = sys.stdin.buffer.read()
    try:
        if sys.argv[1] == "encrypt":
            out = encrypt(data, password)
        else:
            response = HTTPResponse(body=io.BytesIO(data), preload_content=False)
            out = decrypt(response, password)
    except Exception as e:  # pylint: disable=broad-except
        # The password never reaches the message: minio-py's errors are
        # about lengths, ids and tags.
        print(f"minio_py_crypto: {sys.argv[1]}: {type(e).__name__}: {e}",
              file=sys.stderr)
        return 1
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
