// S3 Select against the real MinIO, over HTTP and TLS. The test bed runs MinIO
// with MINIO_API_SELECT_PARQUET=on; the Parquet file is tests/fixtures/people_parquet.ts.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import {
  CSVInputSerialization,
  CSVOutputSerialization,
  JSONInputSerialization,
  JSONOutputSerialization,
  ParquetInputSerialization,
  S3Error,
  SelectRequest,
  SseCustomerKey,
} from "../../mod.ts";
import { s3Error, targets, withBucket } from "./testbed.ts";
import { PEOPLE_PARQUET } from "../fixtures/people_parquet.ts";

const enc = new TextEncoder();
const PEOPLE = "name,age,city\nann,31,oslo\nbob,25,rome\ncid,40,oslo\ndan,19,lima\n";
const withHeader = new CSVInputSerialization({ fileHeaderInfo: "USE" });
const csvOut = new CSVOutputSerialization();
const parquetIn = new ParquetInputSerialization();

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Rows "i,i*7" for i < n: about 11 bytes a row.
function numbers(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += `${i},${i * 7}\n`;
  return s;
}

for (const t of targets) {
  test(`[${t.name}] CSV with a header: WHERE picks the rows; stats count the bytes`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "people.csv", PEOPLE);
      const progress: unknown[] = [];
      const result = await c.selectObjectContent(
        bucket,
        "people.csv",
        new SelectRequest(
          "SELECT s.name, s.city FROM S3Object s WHERE CAST(s.age AS INT) > 30",
          withHeader,
          csvOut,
          { requestProgress: true },
        ),
        { onProgress: (p) => progress.push(p) },
      );
      equal(result.stats(), undefined);
      const text = await result.text();
      equal(text, "ann,oslo\ncid,oslo\n");
      deepEqual(result.stats(), {
        bytesScanned: PEOPLE.length,
        bytesProcessed: PEOPLE.length,
        bytesReturned: text.length,
      });
      // MinIO sends Progress once a minute; a query this small ends first.
      deepEqual(progress, []);
    });
  });

  test(`[${t.name}] JSON LINES in, JSON out; JSON DOCUMENT by default`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const lines = '{"id":1,"tag":"a"}\n{"id":2,"tag":"b"}\n{"id":3,"tag":"a"}\n';
      await c.putObject(bucket, "rows.jsonl", lines);
      const out = await c.selectObjectContent(
        bucket,
        "rows.jsonl",
        new SelectRequest(
          "SELECT s.id FROM S3Object s WHERE s.tag = 'a'",
          new JSONInputSerialization({ jsonType: "LINES" }),
          new JSONOutputSerialization({ recordDelimiter: "\n" }),
        ),
      );
      const records = (await out.text()).trim().split("\n").map((l) => JSON.parse(l));
      deepEqual(records, [{ id: 1 }, { id: 3 }]);

      await c.putObject(bucket, "doc.json", '{"name":"ann","langs":["ts","go"]}');
      const doc = await c.selectObjectContent(
        bucket,
        "doc.json",
        new SelectRequest(
          "SELECT s.name FROM S3Object s",
          new JSONInputSerialization(),
          new JSONOutputSerialization(),
        ),
      );
      deepEqual(JSON.parse(await doc.text()), { name: "ann" });
    });
  });

  test(`[${t.name}] GZIP-compressed CSV input`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const csv = "name,age\n" + numbers(2000).replace(/^(\d+),/gm, "n$1,");
      const packed = await gzip(csv);
      ok(packed.length < csv.length);
      await c.putObject(bucket, "n.csv.gz", packed);
      const result = await c.selectObjectContent(
        bucket,
        "n.csv.gz",
        new SelectRequest(
          "SELECT COUNT(*) FROM S3Object s WHERE CAST(s.age AS INT) % 2 = 0",
          new CSVInputSerialization({ fileHeaderInfo: "USE", compressionType: "GZIP" }),
          csvOut,
        ),
      );
      equal(await result.text(), "1000\n");
      const stats = result.stats()!;
      equal(stats.bytesScanned, packed.length);
      equal(stats.bytesProcessed, csv.length);
      equal(stats.bytesReturned, 5);
      // Uncompressed data declared as GZIP is refused when the query opens.
      await c.putObject(bucket, "plain.csv", csv);
      await rejects(
        c.selectObjectContent(
          bucket,
          "plain.csv",
          new SelectRequest(
            "SELECT * FROM S3Object",
            new CSVInputSerialization({ compressionType: "GZIP" }),
            csvOut,
          ),
        ),
        (e: unknown) => e instanceof S3Error && e.code === "InvalidCompressionFormat",
      );
    });
  });

  test(`[${t.name}] many Records messages, a scan range, and early stops`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const csv = numbers(60_000); // ~700 KB: several 128 KiB Records messages
      await c.putObject(bucket, "big.csv", csv);
      const all = new SelectRequest("SELECT * FROM S3Object", new CSVInputSerialization(), csvOut);
      const result = await c.selectObjectContent(bucket, "big.csv", all);
      let chunks = 0;
      let bytes = 0;
      for await (const chunk of result) {
        chunks++;
        bytes += chunk.length;
      }
      ok(chunks > 1, `${chunks} chunks`);
      equal(bytes, csv.length);
      equal(result.stats()!.bytesReturned, csv.length);

      // MinIO cuts the input at the range's ends instead of finishing the
      // record that straddles them (S3's rule), so use record boundaries:
      // bytes 4..17 are rows 1..3; a lone end is a suffix length.
      const scan = async (range: { scanStartRange?: number; scanEndRange?: number }) => {
        const r = await c.selectObjectContent(
          bucket,
          "big.csv",
          new SelectRequest("SELECT * FROM S3Object", new CSVInputSerialization(), csvOut, range),
        );
        return r.text();
      };
      equal(await scan({ scanStartRange: 4, scanEndRange: 17 }), "1,7\n2,14\n3,21\n");
      equal(await scan({ scanEndRange: 13 }), "59999,419993\n");

      const stopped = await c.selectObjectContent(bucket, "big.csv", all);
      for await (const _ of stopped) break;

      const ac = new AbortController();
      const aborted = await c.selectObjectContent(bucket, "big.csv", all, { signal: ac.signal });
      await rejects(
        (async () => {
          for await (const _ of aborted) ac.abort(new Error("enough"));
        })(),
        /enough/,
      );
    });
  });

  test(`[${t.name}] bad SQL is an S3Error; a failure while scanning too`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "people.csv", PEOPLE + "eve,unknown,oslo\n");
      await rejects(
        c.selectObjectContent(
          bucket,
          "people.csv",
          new SelectRequest("SELEC name FROM S3Object", withHeader, csvOut),
        ),
        (e: unknown) => e instanceof S3Error && e.code === "ParseSelectFailure" && e.status === 400,
      );
      // The CAST fails on the last row, after the response has started: an
      // error message in the event stream.
      const result = await c.selectObjectContent(
        bucket,
        "people.csv",
        new SelectRequest(
          "SELECT s.name FROM S3Object s WHERE CAST(s.age AS INT) > 0",
          withHeader,
          csvOut,
        ),
      );
      await rejects(
        result.text(),
        (e: unknown) =>
          e instanceof S3Error && e.code === "InternalError" && /casting/i.test(e.message) &&
          e.bucket === bucket && e.object === "people.csv",
      );
      await rejects(
        c.selectObjectContent(
          bucket,
          "missing.csv",
          new SelectRequest("SELECT * FROM S3Object", withHeader, csvOut),
        ),
        (e: unknown) => e instanceof S3Error && e.code === "NoSuchKey",
      );
    });
  });

  test(`[${t.name}] Parquet in, CSV out: all rows, then WHERE and a projection`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "people.parquet", PEOPLE_PARQUET);
      const select = async (sql: string) => {
        const result = await c.selectObjectContent(
          bucket,
          "people.parquet",
          new SelectRequest(sql, parquetIn, csvOut),
        );
        const text = await result.text();
        // MinIO counts no bytes read for Parquet (it has no progress reader
        // there) and says so with -1; what it returns it counts.
        deepEqual(result.stats(), {
          bytesScanned: -1,
          bytesProcessed: -1,
          bytesReturned: text.length,
        });
        return text;
      };
      // Columns in file order; the null score is an empty field, 60.0 is 60.
      equal(
        await select("SELECT * FROM S3Object"),
        "1,ann,31,91.5,oslo\n2,bob,25,,rome\n3,cid,40,77.25,oslo\n4,dan,19,60,lima\n",
      );
      // Typed columns compare without a CAST.
      equal(
        await select("SELECT s.name, s.score FROM S3Object s WHERE s.age > 30"),
        "ann,91.5\ncid,77.25\n",
      );
      equal(
        await select("SELECT s.city, s.id FROM S3Object s WHERE s.city = 'oslo' LIMIT 1"),
        "oslo,1\n",
      );
      equal(
        await select("SELECT COUNT(*), SUM(s.score), MAX(s.age) FROM S3Object s"),
        "4,228.75,40\n",
      );
    });
  });

  test(`[${t.name}] Parquet in, JSON out: numbers stay numbers, a null stays null`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "people.parquet", PEOPLE_PARQUET);
      const result = await c.selectObjectContent(
        bucket,
        "people.parquet",
        new SelectRequest(
          "SELECT s.id, s.name, s.score FROM S3Object s WHERE s.city != 'lima'",
          parquetIn,
          new JSONOutputSerialization({ recordDelimiter: "\n" }),
        ),
      );
      const text = await result.text();
      deepEqual(text.trim().split("\n").map((l) => JSON.parse(l)), [
        { id: 1, name: "ann", score: 91.5 },
        { id: 2, name: "bob", score: null },
        { id: 3, name: "cid", score: 77.25 },
      ]);
      deepEqual(result.stats(), {
        bytesScanned: -1,
        bytesProcessed: -1,
        bytesReturned: text.length,
      });

      const all = await c.selectObjectContent(
        bucket,
        "people.parquet",
        new SelectRequest(
          "SELECT * FROM S3Object s WHERE s.score IS NULL",
          new ParquetInputSerialization({ compressionType: "NONE" }),
          new JSONOutputSerialization(),
        ),
      );
      deepEqual(JSON.parse(await all.text()), {
        id: 2,
        name: "bob",
        age: 25,
        score: null,
        city: "rome",
      });
    });
  });

  test(`[${t.name}] Parquet: a file that is not Parquet, and a scan range, are refused`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "fake.parquet", enc.encode("PAR1 not really PAR1"));
      await rejects(
        c.selectObjectContent(
          bucket,
          "fake.parquet",
          new SelectRequest("SELECT * FROM S3Object", parquetIn, csvOut),
        ),
        (e: unknown) =>
          e instanceof S3Error && e.code === "ParquetParsingError" && e.status === 400,
      );
      // S3 reads a scan range of Parquet by row groups; MinIO refuses one.
      await c.putObject(bucket, "people.parquet", PEOPLE_PARQUET);
      await rejects(
        c.selectObjectContent(
          bucket,
          "people.parquet",
          new SelectRequest("SELECT * FROM S3Object", parquetIn, csvOut, {
            scanStartRange: 0,
            scanEndRange: 100,
          }),
        ),
        (e: unknown) =>
          e instanceof S3Error && /parquet format does not support offsets/.test(e.message),
      );
    });
  });
}

const tls = targets.find((t) => t.name === "tls")!;
test("[tls] SSE-C object: selected with its key, refused without", async () => {
  const c = tls.client();
  await withBucket(c, async (bucket) => {
    const ssec = new SseCustomerKey(crypto.getRandomValues(new Uint8Array(32)));
    await c.putObject(bucket, "secret.csv", PEOPLE, undefined, { sse: ssec });
    const request = new SelectRequest(
      "SELECT s.name FROM S3Object s WHERE s.city = 'oslo'",
      withHeader,
      csvOut,
    );
    const result = await c.selectObjectContent(bucket, "secret.csv", request, { ssec });
    equal(await result.text(), "ann\ncid\n");
    await rejects(
      c.selectObjectContent(bucket, "secret.csv", request),
      s3Error("InvalidRequest", 400),
    );
  });
});
