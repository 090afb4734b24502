// What getObjectAttributes sends, and how it reads MinIO's and AWS's answers.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { InvalidArgumentError, InvalidResponseError, SseCustomerKey } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const awsAnswer = `<?xml version="1.0" encoding="UTF-8"?>
<GetObjectAttributesResponse xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
<ETag>"abc-3"</ETag><Checksum><ChecksumCRC32>AAAAAA==</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType></Checksum>
<ObjectParts><IsTruncated>true</IsTruncated><MaxParts>2</MaxParts><NextPartNumberMarker>3</NextPartNumberMarker>
<PartNumberMarker>1</PartNumberMarker><PartsCount>3</PartsCount>
<Part><ChecksumCRC32>BBBBBB==</ChecksumCRC32><PartNumber>2</PartNumber><Size>5242880</Size></Part>
<Part><PartNumber>3</PartNumber><Size>1048576</Size></Part></ObjectParts>
<StorageClass>STANDARD</StorageClass><ObjectSize>11534336</ObjectSize></GetObjectAttributesResponse>`;

test("getObjectAttributes: GET ?attributes with the attribute, part and version selectors", async () => {
  const { client, sent } = fakeClient([{
    body: awsAnswer,
    headers: {
      "last-modified": "Thu, 26 Nov 2026 20:50:11 GMT",
      "x-amz-version-id": "v-1",
      "content-type": "application/xml",
    },
  }]);
  const a = await client.getObjectAttributes("b-1", "dir/big.bin", {
    versionId: "v-1",
    maxParts: 2,
    partNumberMarker: 1,
  });
  const s = sent[0];
  equal(s.method, "GET");
  equal(s.url.pathname, "/b-1/dir/big.bin");
  deepEqual(queryOf(s), [["attributes", ""], ["versionId", "v-1"]]);
  equal(
    s.headers.get("x-amz-object-attributes"),
    "ETag,Checksum,ObjectParts,StorageClass,ObjectSize",
  );
  equal(s.headers.get("x-amz-max-parts"), "2");
  equal(s.headers.get("x-amz-part-number-marker"), "1");
  equal(s.body.length, 0);
  equal(a.etag, "abc-3");
  equal(a.objectSize, 11534336);
  equal(a.storageClass, "STANDARD");
  equal(a.versionId, "v-1");
  deepEqual(a.lastModified, new Date("2026-11-26T20:50:11Z"));
  deepEqual(a.checksum, { CRC32: "AAAAAA==" });
  equal(a.checksumType, "COMPOSITE");
  deepEqual(a.objectParts, {
    partsCount: 3,
    partNumberMarker: 1,
    nextPartNumberMarker: 3,
    maxParts: 2,
    isTruncated: true,
    parts: [
      { partNumber: 2, size: 5242880, checksum: { CRC32: "BBBBBB==" } },
      { partNumber: 3, size: 1048576, checksum: {} },
    ],
  });
});

test("getObjectAttributes: MinIO's lower-case root, defaults, SSE-C headers", async () => {
  const { client, sent } = fakeClient([{
    body:
      `<getObjectAttributesResponse><ETag>e1</ETag><StorageClass>STANDARD</StorageClass><ObjectSize>3</ObjectSize></getObjectAttributesResponse>`,
  }], { useSSL: true });
  const ssec = new SseCustomerKey(new Uint8Array(32).fill(7));
  const a = await client.getObjectAttributes("b-1", "k", { ssec });
  equal(sent[0].headers.get("x-amz-max-parts"), "1000");
  equal(sent[0].headers.has("x-amz-part-number-marker"), false);
  equal(sent[0].headers.get("x-amz-server-side-encryption-customer-algorithm"), "AES256");
  equal(a.objectSize, 3);
  equal(a.objectParts, undefined);
  deepEqual(a.checksum, {});
});

test("getObjectAttributes: a server that sends the object instead is an InvalidResponseError", async () => {
  const { client } = fakeClient([
    { body: "object bytes", headers: { etag: '"e1"' } },
    { body: "<ListBucketResult/>" },
  ]);
  await rejects(client.getObjectAttributes("b-1", "k"), /does not support GetObjectAttributes/);
  await rejects(client.getObjectAttributes("b-1", "k"), InvalidResponseError);
});

test("getObjectAttributes: bad options are refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.getObjectAttributes("b-1", "k", { maxParts: 0 }), /maxParts/);
  await rejects(
    client.getObjectAttributes("b-1", "k", { partNumberMarker: -1 }),
    InvalidArgumentError,
  );
  await rejects(
    client.getObjectAttributes("b-1", "k", { ssec: new SseCustomerKey(new Uint8Array(32)) }),
    /TLS/,
  );
  await rejects(client.getObjectAttributes("b-1", ""), InvalidArgumentError);
  equal(sent.length, 0);
});
