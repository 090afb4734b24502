// The signer against the published AWS SigV4 test suite and the S3
// documentation's examples (see vectors/sigv4.json for where each came from).
import { deepEqual, equal, test, throws } from "../harness.ts";
import vectors from "./vectors/sigv4.json" with { type: "json" };
import {
  canonicalRequest,
  credentialScope,
  postPolicySignature,
  presignV4,
  signV4Headers,
  stringToSign,
} from "../../src/signer/sigv4.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { uriEncodePath } from "../../src/signer/encode.ts";
import { InvalidArgumentError } from "../../src/base/errors.ts";

function parseAmzDate(s: string): Date {
  return new Date(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${
      s.slice(13, 15)
    }Z`,
  );
}

/** Splits a raw `.req` into what the signer takes. */
function parseRequest(raw: string) {
  const [head, ...bodyParts] = raw.split("\n\n");
  const [requestLine, ...headerLines] = head.split("\n").filter((l) => l !== "");
  const m = requestLine.match(/^(\S+) (.+) HTTP\/1\.1$/)!;
  const [rawPath, rawQuery = ""] = m[2].split(/\?(.*)/s);
  const query: [string, string][] = rawQuery === "" ? [] : rawQuery.split("&").map((p) => {
    const [k, v = ""] = p.split(/=(.*)/s);
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const i = line.indexOf(":");
    const name = line.slice(0, i).toLowerCase();
    const value = line.slice(i + 1).trim();
    headers[name] = name in headers ? headers[name] + "," + value : value;
  }
  return {
    method: m[1],
    path: uriEncodePath(decodeURIComponent(rawPath)),
    query,
    headers,
    body: bodyParts.join("\n\n"),
  };
}

const suite = vectors.credentials.suite;
const suiteCreds = { accessKey: suite.accessKeyId, secretKey: suite.secretAccessKey };
const suiteDate = parseAmzDate(suite.date);

for (const v of vectors.suite) {
  test(`sigv4 suite: ${v.name}`, () => {
    const req = parseRequest(v.request);
    if (v.name === "get-vanilla-with-session-token") {
      req.headers["x-amz-date"] = suite.date;
      req.headers["x-amz-security-token"] = (v as { sessionToken: string }).sessionToken;
    }
    const input = { ...req, payloadHash: bytesToHex(sha256(utf8ToBytes(req.body))) };
    const { text } = canonicalRequest(input);
    equal(text, v.canonicalRequest);
    const scope = credentialScope(suiteDate, suite.region, suite.service);
    equal(stringToSign(text, suiteDate, scope), v.stringToSign);
    const { authorization } = signV4Headers(
      input,
      suiteCreds,
      suite.region,
      suite.service,
      suiteDate,
    );
    equal(authorization, v.authorization.replace(/^Authorization:\s*/, ""));
  });
}

test("sigv4 suite: presigned get-vanilla-with-session-token", () => {
  const v = vectors.suite.find((s) => s.name === "get-vanilla-with-session-token") as unknown as {
    sessionToken: string;
    presigned: { expires: number; signature: string; canonicalRequest: string };
  };
  const query = presignV4(
    {
      method: "GET",
      host: "example.amazonaws.com",
      path: "/",
      expires: v.presigned.expires,
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    },
    { ...suiteCreds, sessionToken: v.sessionToken },
    suite.region,
    suite.service,
    suiteDate,
  );
  equal(
    query,
    v.presigned.canonicalRequest.split("\n")[2] + "&X-Amz-Signature=" + v.presigned.signature,
  );
});

const s3 = vectors.credentials.s3Examples;
const s3Creds = { accessKey: s3.accessKeyId, secretKey: s3.secretAccessKey };

for (const v of vectors.s3Examples.filter((e) => "canonicalRequest" in e && e.method !== "POST")) {
  if (v.name === "s3-presigned-get-object") continue;
  test(`sigv4 S3 docs: ${v.name}`, () => {
    const e = v as unknown as {
      method: string;
      path: string;
      canonicalUri?: string;
      queryParams?: Record<string, string>;
      headers: Record<string, string>;
      payloadHash: string;
      canonicalRequest: string;
      signature: string;
    };
    const headers: Record<string, string> = {};
    for (const [k, val] of Object.entries(e.headers)) headers[k.toLowerCase()] = val;
    const input = {
      method: e.method,
      path: uriEncodePath(e.path),
      query: Object.entries(e.queryParams ?? {}),
      headers,
      payloadHash: e.payloadHash,
    };
    if (e.canonicalUri) equal(input.path, e.canonicalUri);
    equal(canonicalRequest(input).text, e.canonicalRequest);
    const date = parseAmzDate(s3.date);
    const { authorization } = signV4Headers(input, s3Creds, s3.region, "s3", date);
    equal(authorization.split("Signature=")[1], e.signature);
  });
}

test("sigv4 S3 docs: presigned GET URL", () => {
  const v = vectors.s3Examples.find((e) => e.name === "s3-presigned-get-object") as unknown as {
    url: string;
    expires: number;
  };
  const query = presignV4(
    {
      method: "GET",
      host: "examplebucket.s3.amazonaws.com",
      path: "/test.txt",
      expires: v.expires,
    },
    s3Creds,
    "us-east-1",
    "s3",
    parseAmzDate(s3.date),
  );
  equal("https://examplebucket.s3.amazonaws.com/test.txt?" + query, v.url);
});

test("sigv4 S3 docs: POST policy signature", () => {
  const v = vectors.s3Examples.find((e) => e.method === "POST") as unknown as {
    policy: string;
    signature: string;
  };
  const sig = postPolicySignature(
    v.policy,
    s3.secretAccessKey,
    "us-east-1",
    parseAmzDate(s3.postPolicyDate),
  );
  equal(sig, v.signature);
});

test("presignV4 refuses expiry outside 1 s .. 7 days", () => {
  const input = { method: "GET", host: "h", path: "/", expires: 604801 };
  throws(() => presignV4(input, s3Creds, "us-east-1", "s3", new Date()), InvalidArgumentError);
  throws(
    () => presignV4({ ...input, expires: 0 }, s3Creds, "us-east-1", "s3", new Date()),
    InvalidArgumentError,
  );
  deepEqual(
    presignV4({ ...input, expires: 604800 }, s3Creds, "us-east-1", "s3", new Date()).includes(
      "X-Amz-Expires=604800",
    ),
    true,
  );
});

test("signing key cache: same scope, different secrets give different signatures", () => {
  const input = { method: "GET", path: "/", query: [], headers: { host: "h" }, payloadHash: "x" };
  const a = signV4Headers(
    input,
    { accessKey: "a", secretKey: "one" },
    "us-east-1",
    "s3",
    suiteDate,
  );
  const b = signV4Headers(
    input,
    { accessKey: "a", secretKey: "two" },
    "us-east-1",
    "s3",
    suiteDate,
  );
  const a2 = signV4Headers(
    input,
    { accessKey: "a", secretKey: "one" },
    "us-east-1",
    "s3",
    suiteDate,
  );
  equal(a.authorization, a2.authorization);
  equal(a.authorization === b.authorization, false);
});
