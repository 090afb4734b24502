// withCleanUp (tests/integration/testbed.ts), which withBucket and the site
// replication tests end with: the clean-up always runs, and a failure of the
// body is the error thrown even when the clean-up fails after it (in one
// cluster run a clean-up's timeout had replaced the body's 404).
import { deepEqual, equal, match, rejects, test } from "../harness.ts";
import { withCleanUp } from "../integration/testbed.ts";

test("withCleanUp: the body's error is thrown, the clean-up's added to it", async () => {
  const body = new Error("the body failed");
  const ran: string[] = [];
  await rejects(
    withCleanUp(
      () => Promise.reject(body),
      () => {
        ran.push("clean-up");
        return Promise.reject(new Error("no write quorum"));
      },
    ),
    (e) => {
      equal(e, body);
      match(
        e.message,
        /^the body failed\n\(and the clean-up failed too: Error: no write quorum\)$/,
      );
      return true;
    },
  );
  deepEqual(ran, ["clean-up"]);
});

test("withCleanUp: the body's error alone when the clean-up succeeds", async () => {
  let cleaned = false;
  await rejects(
    withCleanUp(() => Promise.reject(new Error("the body failed")), () => {
      cleaned = true;
      return Promise.resolve();
    }),
    /^Error: the body failed$/,
  );
  equal(cleaned, true);
});

test("withCleanUp: a clean-up that fails after a body that passed is the error", async () => {
  await rejects(
    withCleanUp(() => Promise.resolve(), () => Promise.reject(new Error("bucket left"))),
    /^Error: bucket left$/,
  );
});

test("withCleanUp: body then clean-up, once each, when both succeed", async () => {
  const ran: string[] = [];
  await withCleanUp(
    () => (ran.push("body"), Promise.resolve()),
    () => (ran.push("clean-up"), Promise.resolve()),
  );
  deepEqual(ran, ["body", "clean-up"]);
});
