// Admin payload encryption (src/admin/crypto): sio-go's DARE vectors,
// madmin-go's own ciphertexts, round trips of the three algorithm ids at the
// fragment edges, and rejection of every kind of damaged payload.
// Cross-checks against the live peers are in tests/interop.
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { hexToBytes } from "@noble/hashes/utils.js";
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { type Aead, aesGcm, chaCha20Poly1305 } from "../../src/admin/crypto/aead.ts";
import { openStream, sealStream, splitStream } from "../../src/admin/crypto/dare.ts";
import { AdminPayloadError, type AdminPayloadErrorCode } from "../../src/admin/crypto/errors.ts";
import { decryptData, encryptData, type PayloadAlgorithm } from "../../src/admin/crypto/payload.ts";
import { InvalidArgumentError } from "../../src/base/errors.ts";

const KiB = 1024;
const HEADER = 41;
const FRAGMENT = 16 * KiB + 16;

// sio-go's published vectors: github.com/secure-io/sio-go, test_vectors.json
// at commit 2e9ca5aa4469509be0ed852a2b72ebad6863752d (unchanged since
// ed0d44b, 2019), one per line: AEAD, BufSize, then Key, Nonce,
// AssociatedData, Plaintext, Ciphertext in hex ("-" for empty). They use
// AES-128-GCM and XChaCha20-Poly1305 with tiny fragments, so they pin the
// stream layout (nonces, associated data, final flag) rather than MinIO's
// AEADs; madmin-go's vectors below pin those.
const SIO_VECTORS = `
aes 16 00000000000000000000000000000000 0000000000000000 - - e0247a864e783cecb1f7996c13cd3f64
aes 16 10000000000000000000000000000000 0000000000000000 - - 0ea5336db7013554c07aa43b369e5655
aes 16 10000000000000000000000000000000 1000000000000000 - - a52763497d2e64ee49bf4c72dc6881e7
aes 16 10000000000000000000000000000000 1000000000000000 00 - 2d9ede532b1f5f034e22375d816f76c2
aes 16 10000000000000000000000000000000 1000000000000000 00 00 61ed193d12a2adf6f1c41f31de4ead6c5c
aes 16 20000000000000000000000000000000 1000000000000000 00 00 4b6e93acd3e4602b9c1ad49da985d1f872
aes 16 00000000000000000000000000000000 0000000000000000 0000000000000000 0000000000000000 4661d681f92680d7a307c7a036700edde4697a1f3ba7e01b
aes 16 00000000000000000000000000000001 2000000000000000 1000000000000000 00000000000000000000000000000000 8501dcfa461a0860ef9933655b1e59a9e7db1ed363b6ff80f219ca986dca9ce2
aes 16 0a7a6d49e4ad042f1e1ffa168849d651 4a9ba500be169ab3 d40703848d887a01664c30734fa370581c5f8f6d0ea7bfdd 424d6d60d7e08b3b41e968fc4557b93c aa4b4ca42d587b98d0d5f009c0efbc4fcaaefdc1c79a3cfe07801ed8c708d259
aes 16 10000000000000000000000000000000 0000000000000002 - 0000000000000000000000000000000000 691deb7b9ccbee91f48d12c7ad5fe3cd4e1e5e7d394f06b91228ec9a5dd2456ac7de9502a0b4010fb1ee1db94e940458fb
aes 16 20000000000000000000000000000000 2000000000000000 00 0000000000000000000000000000000000000000000000000000000000000000 f58d8fef7ac7782a4361a79c07f5e6c4672d8a45e6cb9ef67cb7177897358deb8d338d313d44f78e0b68a3723d7ca0fe5f62aa8af0a72e508f5d5f8491ecedb2
aes 16 000102030405060708090a0b0c0d0e0f 0001020304050607 0102030405060708090a0b0c0d0e0f10 0000000000000000000000000000000000000000000000000000000000000000 beffe57efbdadb693b5545d58454ba746c5362c6f37b65da457d85bfe6af8972cfea267b03f14aedf25e7501e88c0d79f5440d0ac49e5c4fdaab4dfac9aec4d3
aes 17 67fc3ffd5353a432a6cbc982007606c8 6958a70a975e32c6 - - 076243570112d32362c1d9e4ab4096ca
aes 17 31dd758d120fd5d30063921a21f723be d3794fe387018e32 1d838b6e861ea7576de110e08818de82a27337a99db7b95aa95c3347971ad4cfa0ef0960d6645f5a64f88c7d d0ae0d85e93ed6be853ded2031643116a03215b4fda224d2986d7233039aa47e91b686f4 a6fe911b94e0b25a25bf6da71f28ad6a6b6920be01589e9194226f77c164606545d5cbdb76c99415b468c54517f5a8bc8dc8ac13b1b4285fe36f37f7884d5e4bfb32ecef56b4026bf02bfb1d4fce222e01ef9db9
xchacha 16 0000000000000000000000000000000000000000000000000000000000000000 0000000000000000000000000000000000000000 - - 791a76dc50e295f58339eae57a4eed7c
xchacha 16 1000000000000000000000000000000000000000000000000000000000000000 0000000000000000000000000000000000000000 - - 512c11040465f94bd75b838e2880a600
xchacha 16 1000000000000000000000000000000000000000000000000000000000000000 1000000000000000000000000000000000000000 - - f30791157c8409fda08596d32bd4e9a6
xchacha 16 1000000000000000000000000000000000000000000000000000000000000000 1000000000000000000000000000000000000000 00 - bd4ca84c8ce9d7e9d8e60d525f052f83
xchacha 16 1000000000000000000000000000000000000000000000000000000000000000 1000000000000000000000000000000000000000 00 00 1be804158fa893bd318326f4d43c87e62e
xchacha 16 2000000000000000000000000000000000000000000000000000000000000000 1000000000000000000000000000000000000000 00 00 5aff8d11efe71546a702cf20626d5e01e0
xchacha 16 0000000000000000000000000000000000000000000000000000000000000000 0000000000000000000000000000000000000000 0000000000000000 0000000000000000 6ea301b390d09b85f94c5f0eb37627733861683aa875f156
xchacha 16 0000000000000000000000000000000000000000000000000000000000000001 2000000000000000000000000000000000000000 1000000000000000 00000000000000000000000000000000 7c668b93e845151243293d985abd8c129fd67436d16bf59c2cec74c0be444062
xchacha 16 86a2b5add1b1bc0c9abaa5e863e5faed86a83b71abc9dca272558e35ecb1c8e2 d342ae5821a42b1ccec57b851188cb0e289a757a d40703848d887a01664c30734fa370581c5f8f6d0ea7bfdd 424d6d60d7e08b3b41e968fc4557b93c 656ab521841b0db4a5b9ff424b2ca12051d6758f158c0eafdad0454d0524de18
xchacha 16 1000000000000000000000000000000000000000000000000000000000000000 0000000000000000000000000000000000000002 - 0000000000000000000000000000000000 4d8a54220e4273e8d09b17cca630cec000b053cdab31b094b5f45bfd8522b09f6800419d02a4401960afb4e61e993eae43
xchacha 16 2000000000000000000000000000000000000000000000000000000000000000 2000000000000000000000000000000000000000 00 00000000000000000000000000000000000000000000000000000000 06fcbcc30e25e1bc0351343a3ddad0aeaa4ddd106ab64037dea061f44c109b12b43c7a4bd4da0ae8be8e33f1b0f627f2b7a3078c2cf59d4da6974860
xchacha 16 000102030405060708090a0b0c0d0e0ff0e0d0c0b0a090807060504030201000 000102030405060708090a0b0c0d0e0f10203040 0102030405060708090a0b0c0d0e0f10 00000000000000000000000000000000000000000000000000 37ca703e35ddf34ab96e0cf6c8639445c42214f872b2e22bd23e6ad4eb3cc698552173f6c01c400b4a143de94ad10d61e305fcee57a35d0853
xchacha 17 c211150d9ecc4684d1c727b1a26157a9fa75da781c76a5bad2a6808ec1fd76bf 0c1a8df057dd7f18312819450ecd2e29faf69a8b - - 55a33243cd07ebf0a5351b788bc9a5e6
xchacha 17 d3b90c824d5b012a65be54db6367ba9932d72464e0fe6610135b769365d892e3 e9052f0751c616d1a2f82983f3935d6970357240 1d838b6e861ea7576de110e08818de82a27337a99db7b95aa95c3347971ad4cfa0ef0960d6645f5a64f88c7d d0ae0d85e93ed6be853ded2031643116a03215b4fda224d2986d7233039aa47e91b686f4 1a16520c62486c0a5619ed3653f682471943c5c4bb33818afd4c48af0a8e659e8c97fa927718266c25d0060f053e0eff3ce962d4d9f399494f93ac594e3ab9c13753098a73678c01f82625a103cf56eed15babf4
`.trim().split("\n").map((line) => {
  const [alg, bufSize, ...hex] = line.split(" ");
  const [key, nonce, ad, plain, sealed] = hex.map((h) => hexToBytes(h === "-" ? "" : h));
  return { alg, bufSize: Number(bufSize), key, nonce, ad, plain, sealed };
});

// XChaCha20-Poly1305 only for the vectors: MinIO never uses it.
function xChaCha20Poly1305(key: Uint8Array): Aead {
  return {
    nonceSize: 24,
    seal: (nonce, plaintext, ad) =>
      Promise.resolve(xchacha20poly1305(key, nonce, ad).encrypt(plaintext)),
    open(nonce, sealed, ad) {
      try {
        return Promise.resolve(xchacha20poly1305(key, nonce, ad).decrypt(sealed));
      } catch {
        return Promise.resolve(undefined);
      }
    },
  };
}

function vectorAead(alg: string, key: Uint8Array): Promise<Aead> | Aead {
  return alg === "aes" ? aesGcm(key) : xChaCha20Poly1305(key);
}

test("dare: sio-go's test vectors seal to their ciphertext and open back", async () => {
  for (const { alg, bufSize, key, nonce, ad, plain, sealed } of SIO_VECTORS) {
    const aead = await vectorAead(alg, key);
    const options = { bufSize, associatedData: ad };
    deepEqual(await sealStream(aead, nonce, plain, options), sealed);
    deepEqual(await openStream(aead, nonce, splitStream(sealed, bufSize), options), plain);
  }
});

test("dare: other associated data fails every vector", async () => {
  for (const { alg, bufSize, key, nonce, ad, sealed } of SIO_VECTORS) {
    const aead = await vectorAead(alg, key);
    const options = { bufSize, associatedData: new Uint8Array([...ad, 0xff]) };
    await rejects(
      openStream(aead, nonce, splitStream(sealed, bufSize), options),
      isPayloadError("NotAuthentic"),
    );
  }
});

test("dare: a nonce of the wrong length is a programming error", async () => {
  const aead = chaCha20Poly1305(new Uint8Array(32));
  await rejects(sealStream(aead, new Uint8Array(12), new Uint8Array(1)), RangeError);
});

// madmin-go's own ciphertexts (github.com/minio/madmin-go, encrypt_test.go
// decryptDataTests at commit 84f940d21bba2c529fa4daf6dce7fc9bb6c5b8ae), all
// id 0x00; their plaintexts are zero bytes of the lengths given here.
const MADMIN_VECTORS: [string, number, string][] = [
  [
    "",
    0,
    "828aa81599df0651c0461adb82283e8b89956baee9f6e719947ef9cddc849028001dc9d3ac0938f66b07bacc9751437e1985f8a9763c240e81",
  ],
  [
    "",
    256,
    "1793c71df6647860437134073c15688cbb15961dc0758c7ee1225e66e79c724c00d790dba9c671eae89da2c736d858286ac9bd027abacc6443" +
    "0375cd41b63b67c070c7fba475a8dd66ae65ba905176c48cbe6f734fc74df87343d8ccff54bada4aeb0a04bd021633ebe6c4768e23f5dea142" +
    "561d4fe3f90ed59d13dc5fb3a585dadec1742325291b9c81692bdd3420b2428127f8195e0ecd9a1c9237712ed67af7339fbbf7ff3ee1c516e1" +
    "f81e69d933e057b30997e7274a2c9698e07c39f0e8d6818858f34c8191871b5a52bea9061806bd029024bfc1d9c1f230904968d6c9e10fddcb" +
    "c006ba97356ff243570fd96df07dd6894e215a6b24c4ed730369519289ebd877aff6ccbd2265985e4ab1a2b7930bab9cfb767b97348a639ddf" +
    "8db81bf5151da7e8f3d9638a1b86eb1dd78cc6a526f10a414c78638f",
  ],
  [
    `xPl.8/rhR"Q_1xLt`,
    32,
    "b5c016e93b84b473fc8a37af94936563630c36d6df1841d23a86ee51ca161f9e00ac19116b32f643ff6a56a212b265d8c56" +
    "195bb0d12ce199e13dfdc5272f80c1564da2c6fc2fa18da91d8062de02af5cdafea491c6f3cae1f",
  ],
  [
    "7h5oU4$te{;K}fgqlI^]",
    256,
    "c58edf7cfd557b6b655de6f48b1a3049d8d049dadb3a7bfa9ac9ccbb5baf37ec00f83086a26f43b7d6bc9075ad0" +
    "38bf5741f118d502ebe94165e4072ba7f98535d6b1e3b6ae67a98115d146d9b4d90e4df4ae82df9cfa17ed7cd42" +
    "465181559f7ddf09c98beec521bb4478e0cb73c4e0827af8688ff4e7a07327a10d5a180035e6ddb16d974a85257" +
    "981cd9e0360a20f7b4d653190267dfb241148f018ae180568042e864b9e1b5bc05425a3abc2b0324f50c72d5679" +
    "8f924405dfc0f8523f4bb564ed65af8e1b1c82a7a0640552ecf81985d95d0993d99172592ddc1393dfa63e8f0b3" +
    "d744b2cc4b73384ca4693f0c1aec0e9b00e85f2937e891105d67da8f59c14ca96608e0425c42f9c1e7c2a8b3413" +
    "e1381784f9cfe01de7c47cea1f8d7a7d88f5d4aca783cf55332b47f957a6b9a65269d7eb606b877b",
  ],
];

test("payload: madmin-go's published ciphertexts decrypt", async () => {
  for (const [password, length, sealed] of MADMIN_VECTORS) {
    deepEqual(await decryptData(password, hexToBytes(sealed)), new Uint8Array(length));
  }
});

// One ciphertext per id, made by tests/interop/madmin (madmin-go v3.0.109's
// EncryptData) with password "minioadmin": 0x00 as built, 0x01 under
// GODEBUG=cpu.aes=off, 0x02 from the `-tags fips` build. They keep the three
// ids checked against madmin-go where Go is not installed.
const MADMIN_BY_ID: [PayloadAlgorithm, string][] = [
  [
    0,
    "01590826ccace6cfe6341f5d07e2b05a7bc557ca6a492ac2ec00b0a80f54612d00fdad0b7ceff7d689189cb6a4f9081497a302b2e4ea412935ae2bfce32abe786fd4751554a83e985921a5909a1520b9898b3ab3",
  ],
  [
    1,
    "a540139001fe10e503c1eda2d389f12e71c3a4a78bfea852c192f421d25e7336017d6eeb9202b263a99383058961de7b889b6185afd243d71289437f962c009a6883d1eb1a9d106f6d3c126b3b4397833d89bb04",
  ],
  [
    2,
    "644bbf3bf13812b9129cd75c0b44105dd27c5656b6883034843d318551b108d202334e2405a06d6bcded1b008cbdb673050b10731017222f08071811876417b2c00e6ca9f699ffee0d792cef2510ef7a1dbacb43",
  ],
];

for (const [id, sealed] of MADMIN_BY_ID) {
  test(`payload: madmin-go's id ${id} ciphertext decrypts`, async () => {
    const bytes = hexToBytes(sealed);
    equal(bytes[32], id);
    const plain = await decryptData("minioadmin", bytes);
    equal(new TextDecoder().decode(plain), `{"status":"enabled","id":${id}}`);
  });
}

function pattern(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + (i >>> 8) * 7 + 3) & 0xff;
  return out;
}

const SIZES = [0, 1, 16 * KiB - 1, 16 * KiB, 16 * KiB + 1, 1024 * KiB];
const ALGORITHMS: PayloadAlgorithm[] = [0, 1, 2];

for (const algorithm of ALGORITHMS) {
  for (const size of SIZES) {
    test(`payload: id ${algorithm} round trip of ${size} bytes`, async () => {
      const plain = pattern(size);
      const sealed = await encryptData("minio secret", plain, { algorithm });
      equal(sealed[32], algorithm);
      equal(sealed.length, HEADER + size + 16 * Math.max(1, Math.ceil(size / (16 * KiB))));
      deepEqual(await decryptData("minio secret", sealed), plain);
    });
  }
}

test("payload: encryption defaults to id 0 with a fresh salt and nonce each time", async () => {
  const a = await encryptData("k", new Uint8Array(4));
  const b = await encryptData("k", new Uint8Array(4));
  equal(a[32], 0);
  ok(a.subarray(0, 32).some((x, i) => x !== b[i]), "salts differ");
  ok(a.subarray(33, 41).some((x, i) => x !== b[33 + i]), "nonces differ");
});

// ---- damaged payloads ----

const PASSWORD = "s3cr3t-Pa55word!";

function isPayloadError(code: AdminPayloadErrorCode) {
  return (e: unknown) => {
    ok(e instanceof AdminPayloadError, `expected AdminPayloadError, got ${e}`);
    equal(e.code, code);
    ok(!e.message.includes(PASSWORD), "the message must not hold the password");
    return true;
  };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function flip(data: Uint8Array, index: number): Uint8Array {
  const out = data.slice();
  out[index] ^= 0x01;
  return out;
}

/** A three-fragment payload (two full, one short) with the fast FIPS id. */
async function threeFragments(algorithm: PayloadAlgorithm = 2) {
  const plain = pattern(32 * KiB + 100);
  const sealed = await encryptData(PASSWORD, plain, { algorithm });
  const header = sealed.subarray(0, HEADER);
  const frags = [0, 1, 2].map((i) =>
    sealed.subarray(HEADER + i * FRAGMENT, HEADER + (i + 1) * FRAGMENT)
  );
  return { plain, sealed, header, frags };
}

test("reject: a wrong password", async () => {
  const { sealed } = await threeFragments();
  await rejects(decryptData(PASSWORD + "x", sealed), isPayloadError("NotAuthentic"));
});

test("reject: a flipped bit anywhere (salt, nonce, ciphertext, tag; first, middle, last fragment)", async () => {
  const { sealed } = await threeFragments();
  const spots = [
    0, // salt
    31,
    33, // nonce
    40,
    HEADER, // first fragment's ciphertext
    HEADER + FRAGMENT - 1, // first fragment's tag
    HEADER + FRAGMENT + 500, // middle fragment
    HEADER + 2 * FRAGMENT, // last fragment
    sealed.length - 1, // last tag
  ];
  for (const at of spots) {
    await rejects(
      decryptData(PASSWORD, flip(sealed, at)),
      isPayloadError("NotAuthentic"),
      `bit at ${at}`,
    );
  }
});

test("reject: the id byte changed to another known id", async () => {
  const { sealed } = await threeFragments();
  for (const id of [0, 1]) {
    const changed = sealed.slice();
    changed[32] = id;
    await rejects(decryptData(PASSWORD, changed), isPayloadError("NotAuthentic"), `id ${id}`);
  }
});

test("reject: truncated payloads", async () => {
  const { sealed, header, frags } = await threeFragments();
  await rejects(decryptData(PASSWORD, new Uint8Array(0)), isPayloadError("TruncatedHeader"));
  await rejects(decryptData(PASSWORD, sealed.subarray(0, 40)), isPayloadError("TruncatedHeader"));
  // The header alone is what minio-py's encrypt(b"") writes; madmin-go rejects it too.
  await rejects(decryptData(PASSWORD, header), isPayloadError("NotAuthentic"));
  // Cut at a fragment boundary: the new last fragment lacks the final flag.
  await rejects(
    decryptData(PASSWORD, concat(header, frags[0], frags[1])),
    isPayloadError("NotAuthentic"),
  );
  await rejects(decryptData(PASSWORD, concat(header, frags[0])), isPayloadError("NotAuthentic"));
  for (const cut of [1, 16, 100, 115, 116]) {
    await rejects(
      decryptData(PASSWORD, sealed.subarray(0, sealed.length - cut)),
      isPayloadError("NotAuthentic"),
      `cut ${cut}`,
    );
  }
});

test("reject: reordered, dropped or repeated fragments", async () => {
  const { header, frags: [a, b, c] } = await threeFragments();
  for (const order of [[b, a, c], [a, c], [b, c], [a, a, c], [a, b, b, c], [a, b, c, c]]) {
    await rejects(decryptData(PASSWORD, concat(header, ...order)), isPayloadError("NotAuthentic"));
  }
});

test("reject: trailing data after the final fragment", async () => {
  const { sealed } = await threeFragments();
  for (const extra of [1, 15, 16, 17, FRAGMENT]) {
    const longer = concat(sealed, new Uint8Array(extra));
    await rejects(decryptData(PASSWORD, longer), isPayloadError("NotAuthentic"), `${extra} bytes`);
  }
  // A stream that ends exactly at a full final fragment, plus more.
  const full = await encryptData(PASSWORD, pattern(16 * KiB), { algorithm: 2 });
  await rejects(
    decryptData(PASSWORD, concat(full, new Uint8Array(1))),
    isPayloadError("NotAuthentic"),
  );
});

test("reject: damage under the argon2id ids too", async () => {
  for (const algorithm of [0, 1] as const) {
    const sealed = await encryptData(PASSWORD, pattern(20_000), { algorithm });
    await rejects(
      decryptData(PASSWORD, flip(sealed, sealed.length - 1)),
      isPayloadError("NotAuthentic"),
    );
  }
});

test("reject: unknown algorithm ids, on decryption and on encryption", async () => {
  const { sealed } = await threeFragments();
  for (const id of [3, 0x10, 0xff]) {
    const changed = sealed.slice();
    changed[32] = id;
    await rejects(decryptData(PASSWORD, changed), (e: unknown) => {
      isPayloadError("UnknownAlgorithm")(e);
      ok((e as Error).message.includes(`0x${id.toString(16).padStart(2, "0")}`));
      return true;
    });
  }
  await rejects(
    encryptData(PASSWORD, new Uint8Array(1), { algorithm: 3 as PayloadAlgorithm }),
    InvalidArgumentError,
  );
});

test("reject: input that is not bytes", async () => {
  await rejects(encryptData(PASSWORD, "text" as unknown as Uint8Array), InvalidArgumentError);
  await rejects(decryptData(PASSWORD, [1, 2] as unknown as Uint8Array), InvalidArgumentError);
});
