/**
 * `selectObjectContent`: runs SQL over a CSV object on the server and streams
 * back only the matching records.
 *
 *   deno run -A examples/select/select_object_content.ts
 */
import {
  CSVInputSerialization,
  CSVOutputSerialization,
  Minio,
  SelectRequest,
} from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `select-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "people.csv", "name,age\nana,34\nbob,27\ncarol,41\n");

const result = await client.selectObjectContent(
  bucket,
  "people.csv",
  new SelectRequest(
    "SELECT s.name FROM S3Object s WHERE CAST(s.age AS INT) > 30",
    new CSVInputSerialization({ fileHeaderInfo: "USE" }),
    new CSVOutputSerialization(),
  ),
);
for await (const chunk of result) process.stdout.write(new TextDecoder().decode(chunk)); // ana, carol
console.log(result.stats()); // bytes scanned, processed, returned

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
