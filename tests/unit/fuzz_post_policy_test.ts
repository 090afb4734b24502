// Properties of POST policy building: any sequence of conditions and any
// signing input is refused with an InvalidArgumentError or gives form fields
// whose policy document holds exactly the conditions set (a model kept
// here), signed as a reference SigV4 computation written here says.
import fc from "fast-check";
import { deepEqual, equal, test } from "../harness.ts";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { InvalidArgumentError, PostPolicy } from "../../mod.ts";
import { runs, typedOnly } from "./fuzz_support.ts";

const ELEMENTS = [
  "key",
  "$key",
  "KEY",
  "content-type",
  "$Content-Type",
  "cache-control",
  "success_action_status",
  "success_action_redirect",
  "redirect",
  "content-length-range",
  "x-amz-meta-owner",
  "$x-amz-meta-Owner",
  "x-amz-storage-class",
  "bucket",
  "policy",
  "x-amz-signature",
  "x-amz-date",
  "$",
  "",
  "é",
];

const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.constantFrom("", "uploads/", '"quoted"', "\\", "\ud800", "a\nb"),
);
const element = fc.oneof(fc.constantFrom(...ELEMENTS), fc.string({ maxLength: 8 }));
// Not every caller is typed: the checks must hold for any value.
const anything = fc.oneof(value, fc.constantFrom(undefined, null, 5, {}, ["a"]));

type Op =
  | { op: "eq" | "starts"; element: unknown; value: unknown }
  | { op: "removeEq" | "removeStarts"; element: unknown }
  | { op: "range"; lower: unknown; upper: unknown }
  | { op: "removeRange" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom("eq", "starts"), element, value: anything }) as fc.Arbitrary<Op>,
  fc.record({ op: fc.constantFrom("removeEq", "removeStarts"), element }) as fc.Arbitrary<Op>,
  fc.record({
    op: fc.constant("range"),
    lower: fc.oneof(fc.integer({ min: -5, max: 1e7 }), fc.constantFrom(1.5, NaN, "1")),
    upper: fc.oneof(fc.integer({ min: -5, max: 1e7 }), fc.constantFrom(Infinity, "9")),
  }) as fc.Arbitrary<Op>,
  fc.constant({ op: "removeRange" } as Op),
);

const date = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(new Date(NaN), "2030-01-01" as unknown as Date) },
);

const credentials = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      accessKey: fc.string({ minLength: 1, maxLength: 20 }),
      secretKey: fc.string({ minLength: 1, maxLength: 40 }),
      sessionToken: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(undefined, null, {}, { accessKey: "AK" }) as fc.Arbitrary<never>,
  },
);

const name = (e: string) => (e.startsWith("$") ? e.slice(1) : e).toLowerCase();

/** SigV4's POST signature, computed here from the definition. */
function referenceSignature(policy: string, secret: string, day: string, region: string): string {
  const mac = (key: Uint8Array, data: string) => hmac(sha256, key, utf8ToBytes(data));
  let key = mac(utf8ToBytes("AWS4" + secret), day);
  for (const part of [region, "s3", "aws4_request"]) key = mac(key, part);
  return bytesToHex(mac(key, policy));
}

test("fuzz PostPolicy: refused, or a policy with exactly the conditions set, signed right", () => {
  fc.assert(
    fc.property(
      // Most sequences begin with the key condition that signing needs.
      fc.tuple(
        fc.option(fc.constantFrom<Op>(
          { op: "eq", element: "key", value: "uploads/a.png" },
          { op: "starts", element: "$key", value: "uploads/" },
        )),
        fc.array(op, { maxLength: 8 }),
      ).map(([first, rest]) => (first ? [first, ...rest] : rest)),
      date,
      credentials,
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom("us-east-1", "eu-west-1") },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      date,
      (ops, expiration, creds, region, signedAt) => {
        const policy = typedOnly(
          () => new PostPolicy("photos", expiration),
          [InvalidArgumentError],
        );
        if (!policy) return;
        // The model: what the policy should hold after each accepted call.
        const eq = new Map<string, string>();
        const starts = new Map<string, string>();
        let range: [number, number] | undefined;
        for (const o of ops) {
          const done = typedOnly(() => {
            if (o.op === "eq") policy.addEqualsCondition(o.element as string, o.value as string);
            else if (o.op === "starts") {
              policy.addStartsWithCondition(o.element as string, o.value as string);
            } else if (o.op === "removeEq") policy.removeEqualsCondition(o.element as string);
            else if (o.op === "removeStarts") {
              policy.removeStartsWithCondition(o.element as string);
            } else if (o.op === "range") {
              policy.addContentLengthRangeCondition(o.lower as number, o.upper as number);
            } else policy.removeContentLengthRangeCondition();
            return true;
          }, [InvalidArgumentError]);
          if (!done) continue;
          if (o.op === "eq") eq.set(name(o.element as string), o.value as string);
          else if (o.op === "starts") starts.set(name(o.element as string), o.value as string);
          else if (o.op === "removeEq") eq.delete(name(o.element as string));
          else if (o.op === "removeStarts") starts.delete(name(o.element as string));
          else if (o.op === "range") range = [o.lower as number, o.upper as number];
          else range = undefined;
        }
        const fields = typedOnly(
          () => policy.formData(creds, region, signedAt),
          [InvalidArgumentError],
        );
        if (!fields) return;
        const stamp = signedAt.toISOString().replace(/[-:]|\.\d{3}/g, "");
        const credential = `${creds.accessKey}/${stamp.slice(0, 8)}/${region}/s3/aws4_request`;
        const expected: unknown[] = [["eq", "$bucket", "photos"]];
        for (const [k, v] of eq) expected.push(["eq", "$" + k, v]);
        for (const [k, v] of starts) expected.push(["starts-with", "$" + k, v]);
        if (range) expected.push(["content-length-range", ...range]);
        expected.push(["eq", "$x-amz-algorithm", "AWS4-HMAC-SHA256"]);
        expected.push(["eq", "$x-amz-credential", credential]);
        if (creds.sessionToken) {
          expected.push(["eq", "$x-amz-security-token", creds.sessionToken]);
        }
        expected.push(["eq", "$x-amz-date", stamp]);
        const json = new TextDecoder().decode(
          Uint8Array.from(atob(fields.policy), (c) => c.charCodeAt(0)),
        );
        deepEqual(JSON.parse(json), { expiration: expiration.toISOString(), conditions: expected });
        for (const [k, v] of eq) equal(fields[k], v);
        equal(fields["x-amz-date"], stamp);
        equal(fields["x-amz-credential"], credential);
        equal(
          fields["x-amz-signature"],
          referenceSignature(fields.policy, creds.secretKey, stamp.slice(0, 8), region),
        );
      },
    ),
    runs(1901),
  );
});
