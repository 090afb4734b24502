/**
 * Parsing one 1,000-key ListObjectsV2 page (MinIO's, with user metadata):
 * our listing reader (the page to `ObjectInfo`s, as `listObjects` reads
 * it), txml's raw parse of the same text (the reference the issue names),
 * the AWS SDK's `ListObjectsV2Command` deserializer, fed the page by a
 * request handler that answers from memory, and our general XML reader and
 * mapping (what a page of another shape goes through). Runs under
 * `deno run -A`, `bun` and `node --import tsx`.
 *
 *   node --import tsx bench/list_parse.ts
 *
 * @module
 */

import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { parse } from "txml/txml";
import { parseXml } from "../src/xml/parse.ts";
import { pageEntries } from "../src/s3/list/list_entries.ts";
import { plainListing, readListing } from "../src/s3/list/list_reader.ts";
import { type Case, fmt, rotatedRounds, runtimeName } from "./rounds.ts";
import { arg } from "./runtime.ts";

const KEYS = 1000;

/**
 * A page as MinIO sends it for `metadata=true&fetch-owner=true` (its
 * extension), `KEYS` keys long: the entry's form is the one the pinned
 * MinIO answered for an object put with a Content-Type and one user
 * metadata entry (its ETag's quotes escaped as `&#34;`, the erasure set's
 * `Internal` element last).
 */
function page(): string {
  const items: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const n = String(i).padStart(5, "0");
    items.push(
      `<Contents><Key>photos/2024/day-${n}/IMG_${n}.jpg</Key>` +
        `<LastModified>2024-07-14T09:26:${String(i % 60).padStart(2, "0")}.123Z</LastModified>` +
        `<ETag>&#34;${n}9b2cf535f27731c974343645a3985&#34;</ETag><Size>${1000 + i * 37}</Size>` +
        `<Owner><ID>02d6176db174dc93cb1b899f7c6078f08654445fe8cf1b6ce98d8855f66bdbf4</ID>` +
        `<DisplayName>minio</DisplayName></Owner><StorageClass>STANDARD</StorageClass>` +
        `<UserMetadata><content-type>image/jpeg</content-type>` +
        `<X-Amz-Meta-Camera>Pentax K-1</X-Amz-Meta-Camera></UserMetadata>` +
        `<Internal><K>2</K><M>2</M></Internal></Contents>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>photos</Name>` +
    `<Prefix></Prefix><KeyCount>${KEYS}</KeyCount><MaxKeys>${KEYS}</MaxKeys>` +
    `<IsTruncated>true</IsTruncated><NextContinuationToken>c2VjcmV0</NextContinuationToken>` +
    items.join("") + `</ListBucketResult>`;
}

const xml = page();
const bytes = new TextEncoder().encode(xml);

// The AWS SDK parses what its request handler returns; this one answers
// every request with the page, from memory, so only its deserializer and
// middleware stack run.
const aws = new S3Client({
  endpoint: "http://127.0.0.1:9",
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret" },
  requestHandler: {
    handle: () =>
      Promise.resolve({
        response: {
          statusCode: 200,
          reason: "OK",
          headers: { "content-type": "application/xml" },
          body: new Blob([bytes]).stream(),
        },
      }),
  },
});

const cases: Case[] = [
  {
    name: "minio-edge listing reader, page to ObjectInfo",
    run: () => readListing(xml, "ListBucketResult", "photos").entries.length,
  },
  {
    name: "txml parse (raw tree)",
    run: () => parse(xml, { keepWhitespace: true }).length,
  },
  {
    name: "@aws-sdk/client-s3 ListObjectsV2 deserializer",
    run: async () =>
      (await aws.send(new ListObjectsV2Command({ Bucket: "photos" }))).Contents?.length ?? 0,
  },
  {
    // What a page of another shape goes through (a CDATA section, say).
    name: "minio-edge general XML reader + map",
    run: () => [...pageEntries(parseXml(xml, "ListBucketResult"), "photos")].length,
  },
];

// Each must see all the keys before anything is timed.
if (!plainListing(xml, "ListBucketResult", "photos")) throw new Error("the page is not plain");
const ours = readListing(xml, "ListBucketResult", "photos").entries;
if (
  ours.length !== KEYS || ours[0].metadata?.camera !== "Pentax K-1" ||
  ours[0].etag !== "000009b2cf535f27731c974343645a3985"
) {
  throw new Error(`our parse: ${ours.length} entries, ${JSON.stringify(ours[0])}`);
}
const theirs = await cases[2].run();
if (theirs !== KEYS) throw new Error(`aws-sdk parsed ${theirs} entries`);

// `--case N` times case N alone in this process: in one process the cases'
// garbage weighs on each other (txml's time here swings 5 to 15 ms with the
// rotation), so alone, run once per case, is the cleaner comparison.
const given = arg("--case");
const only = given === undefined ? undefined : Number(given);
if (only !== undefined && !cases[only]) throw new Error(`--case takes 0 to ${cases.length - 1}`);

const ROUNDS = 7;
const ROUND_MS = 1000;
const timed = only === undefined ? cases : [cases[only]];
const rates = await rotatedRounds(timed, {
  rounds: ROUNDS,
  roundMs: ROUND_MS,
  warmupMs: 600,
  batch: 1,
});
if (only !== undefined) {
  console.log(
    `${runtimeName()}, alone: ${timed[0].name}: ${(1000 / rates[0]).toFixed(2)} ms per page`,
  );
} else {
  printTable();
}

function printTable(): void {
  console.log(
    `ListObjectsV2 page of ${KEYS} keys (${
      (bytes.length / 1024).toFixed(0)
    } KiB), ${runtimeName()}: ` +
      `median of ${ROUNDS} rounds x ${ROUND_MS} ms`,
  );
  console.log("| parser | pages/s | ms per page | time vs txml | speed vs aws-sdk |");
  console.log("|---|---:|---:|---:|---:|");
  cases.forEach((c, i) => {
    console.log(
      `| ${c.name} | ${fmt(rates[i])} | ${(1000 / rates[i]).toFixed(2)} | ${
        (rates[1] / rates[i]).toFixed(2)
      }x | ${(rates[i] / rates[2]).toFixed(1)}x |`,
    );
  });
}
