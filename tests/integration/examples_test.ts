// The runnable examples, run against the real MinIO.
import { equal, test } from "../harness.ts";
import { quickstart } from "../../examples/quickstart.ts";
import { targets, uniqueBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] examples/quickstart.ts`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("qs");
    const log = console.log;
    console.log = () => {};
    try {
      equal(await quickstart(c, bucket), "Hello from minio-edge!");
    } finally {
      console.log = log;
      await c.removeObject(bucket, "hello/world.txt");
      await c.removeBucket(bucket);
    }
  });
}
