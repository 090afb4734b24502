// CORSConfig / CORSRule: their checks, documents and round trip.
import { deepEqual, equal, test, throws } from "../harness.ts";
import { CORSConfig, CORSRule, InvalidArgumentError } from "../../mod.ts";

const rule = (o: Record<string, unknown>) =>
  new CORSRule({ allowedMethods: ["GET"], allowedOrigins: ["*"], ...o } as never);

test("CORSConfig: toXml and fromXml round trip", () => {
  const config = new CORSConfig([
    rule({
      allowedHeaders: ["*"],
      exposeHeaders: ["ETag", "x-amz-version-id"],
      id: "r1",
      maxAgeSeconds: 0,
    }),
    new CORSRule({
      allowedMethods: ["PUT", "DELETE", "HEAD", "POST"],
      allowedOrigins: ["https://*.example.com"],
    }),
  ]);
  const back = CORSConfig.fromXml(config.toXml());
  equal(back.toXml(), config.toXml());
  deepEqual(back.rules[0].exposeHeaders, ["ETag", "x-amz-version-id"]);
  equal(back.rules[0].maxAgeSeconds, 0);
  equal(back.rules[0].id, "r1");
  equal(back.rules[1].id, undefined);
  equal(back.rules[1].maxAgeSeconds, undefined);
});

test("CORSConfig.forBrowserUploads: the origins may PUT, POST, GET and HEAD and read ETag", () => {
  const [r] = CORSConfig.forBrowserUploads(["https://app.example.com"]).rules;
  deepEqual(r.allowedMethods, ["GET", "PUT", "POST", "HEAD"]);
  deepEqual(r.allowedOrigins, ["https://app.example.com"]);
  deepEqual(r.allowedHeaders, ["*"]);
  deepEqual(r.exposeHeaders, ["ETag", "x-amz-version-id"]);
});

test("CORSRule: bad options are refused naming the field", () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ allowedMethods: [] }, /allowedMethods must name at least one/],
    [
      { allowedMethods: ["PATCH"] },
      /allowedMethods: "PATCH" is not one of GET, PUT, POST, DELETE, HEAD/,
    ],
    [{ allowedMethods: "GET" }, /allowedMethods must be an array of non-empty strings/],
    [{ allowedOrigins: [] }, /allowedOrigins must name at least one/],
    [{ allowedOrigins: ["https://*.*.example.com"] }, /at most one \*/],
    [{ allowedHeaders: [""] }, /allowedHeaders must be an array of non-empty strings/],
    [{ exposeHeaders: [1] }, /exposeHeaders must be an array/],
    [{ maxAgeSeconds: -1 }, /maxAgeSeconds must be a non-negative integer/],
    [{ maxAgeSeconds: "60" }, /maxAgeSeconds must be a non-negative integer/],
    [{ id: "" }, /rule ID must be a non-empty string/],
  ];
  for (const [o, message] of cases) {
    throws(
      () => rule(o),
      (e: unknown) => e instanceof InvalidArgumentError && message.test((e as Error).message),
    );
  }
  throws(() => new CORSRule(null as never), InvalidArgumentError);
});

test("CORSConfig: 1 to 100 CORSRule instances", () => {
  throws(() => new CORSConfig([]), /1 to 100 rules/);
  throws(() => new CORSConfig(Array.from({ length: 101 }, () => rule({}))), /1 to 100 rules/);
  throws(() => new CORSConfig([{ allowedMethods: ["GET"] }] as never), /array of CORSRule/);
  equal(new CORSConfig(Array.from({ length: 100 }, () => rule({}))).rules.length, 100);
});
