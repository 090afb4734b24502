// What promptObject sends: POST to the object with ?lambdaArn and a JSON body.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { InvalidArgumentError, S3Error } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

test("promptObject: POST ?lambdaArn&versionId, JSON body with the prompt and args", async () => {
  const { client, sent } = fakeClient([{ body: "a summary" }]);
  const res = await client.promptObject("b-1", "doc.txt", "Summarize", {
    lambdaArn: "arn:minio:s3-object-lambda::summarize:webhook",
    versionId: "v1",
    args: { temperature: 0.2 },
  });
  const s = sent[0];
  equal(s.method, "POST");
  equal(s.url.pathname, "/b-1/doc.txt");
  deepEqual(queryOf(s), [
    ["lambdaArn", "arn:minio:s3-object-lambda::summarize:webhook"],
    ["versionId", "v1"],
  ]);
  equal(s.headers.get("content-type"), "application/json");
  deepEqual(JSON.parse(new TextDecoder().decode(s.body)), {
    temperature: 0.2,
    prompt: "Summarize",
  });
  equal(await res.text(), "a summary");
});

test("promptObject: an empty lambdaArn by default; the server's refusal is an S3Error", async () => {
  const { client, sent } = fakeClient([{
    status: 400,
    body:
      `<Error><Code>BadRequest</Code><Message>An unsupported API call for method: POST at '/b-1/k'</Message></Error>`,
  }]);
  await rejects(
    client.promptObject("b-1", "k", "hi"),
    (e: unknown) => e instanceof S3Error && e.code === "BadRequest" && e.status === 400,
  );
  deepEqual(queryOf(sent[0]), [["lambdaArn", ""]]);
});

test("promptObject: bad input is refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.promptObject("b-1", "k", ""), /prompt/);
  await rejects(
    client.promptObject("b-1", "k", "p", { args: { prompt: "x" } }),
    /args must not contain prompt/,
  );
  await rejects(
    client.promptObject("b-1", "k", "p", { args: [] as unknown as Record<string, unknown> }),
    /args/,
  );
  await rejects(client.promptObject("b-1", "", "p"), InvalidArgumentError);
  equal(sent.length, 0);
});
